/**
 * The values the forms offer, in the order they offer them. The server's schemas own the values:
 * `satisfies` makes a value the server no longer accepts fail the web typecheck.
 */
import type { ComplaintKind, ComplaintStatus, ServiceKind, WorkerCancelReason } from "./api-types.ts";

export const COMPLAINT_KINDS = [
  "wage_arrears",
  "fake_post",
  "upfront_fee",
  "abuse",
  "safety",
  "other",
] as const satisfies readonly ComplaintKind[];

export const COMPLAINT_STATUSES = [
  "open",
  "in_progress",
  "referred",
  "resolved",
  "rejected",
] as const satisfies readonly ComplaintStatus[];

export const SERVICE_KINDS = [
  "job_referral",
  "follow_up",
  "counselling",
  "training_referral",
  "job_fair",
  "dispute_mediation",
  "dispatch",
  "gig_posted_for_employer",
] as const satisfies readonly ServiceKind[];

export const WORKER_CANCEL_REASONS = [
  "sick",
  "schedule_conflict",
  "found_other_work",
  "too_far",
  "other",
] as const satisfies readonly WorkerCancelReason[];
