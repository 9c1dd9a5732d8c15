/** Shapes of the station API's answers that the console reads. */
import type { Me } from "../shared/types.ts";

export type StaffMe = Me & { districtCode: string | null; stationId: string | null; username: string | null };

export type ComplaintStatus = "open" | "in_progress" | "resolved" | "rejected";
export type ComplaintKind = "wage_arrears" | "fake_post" | "upfront_fee" | "abuse" | "safety" | "other";
export const COMPLAINT_KINDS: ComplaintKind[] = [
  "wage_arrears",
  "fake_post",
  "upfront_fee",
  "abuse",
  "safety",
  "other",
];
export const COMPLAINT_STATUSES: ComplaintStatus[] = ["open", "in_progress", "resolved", "rejected"];

export interface Complaint {
  id: string;
  kind: ComplaintKind;
  status: ComplaintStatus;
  districtCode: string;
  description: string;
  amountFen: number | null;
  gigId: string | null;
  gigTitle: string | null;
  employerName: string | null;
  complainantName: string;
  complainantPhone: string | null;
  assignedToName: string | null;
  mine: boolean;
  dueAt: string;
  overdue: boolean;
  resolution: string | null;
  resolvedAt: string | null;
  createdAt: string;
}

export interface ComplaintDetail extends Complaint {
  recoveredFen: number | null;
  employerOpenArrears: { count: number; amountFen: number } | null;
}

export const SERVICE_KINDS = [
  "job_referral",
  "follow_up",
  "counselling",
  "training_referral",
  "job_fair",
  "dispute_mediation",
  "dispatch",
  "gig_posted_for_employer",
] as const;

export interface ServiceRecord {
  id: string;
  kind: string;
  note: string;
  personName: string | null;
  personPhone: string | null;
  staffName: string;
  createdAt: string;
}

export interface StationServices {
  stationId: string;
  stationName: string;
  today: { total: number; byKind: Record<string, number> };
  items: ServiceRecord[];
}

export interface EmployerMatch {
  id: string;
  name: string;
  kind: string;
  verification: string;
  contactName: string;
  phone: string | null;
}

export interface DispatchOffer {
  gigId: string;
  gigTitle: string;
  workerId: string;
  workerName: string;
  phone: string | null;
  distanceKm: number;
  score: number;
  reasons: string[];
}

export interface DispatchPreview {
  dispatchId: string;
  districtCode: string;
  totalScore: number;
  offers: DispatchOffer[];
  unfilled: Array<{ gigId: string; placesLeft: number }>;
}
