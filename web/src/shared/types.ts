/** Shapes of the API's answers that the screens read. */
export type Role = "worker" | "employer" | "station_staff" | "district_admin" | "city_admin";
export type PayUnit = "day" | "hour" | "piece";
export type Settlement = "same_day" | "on_completion";

export interface Me {
  id: string;
  role: Role;
  cityCode: string;
  displayName: string;
  phone: string | null;
  hasWorkerProfile: boolean;
  employer: { id: string; name: string; verification: string } | null;
}

export interface Division {
  code: string;
  name: string;
  centerLat: number;
  centerLng: number;
}

export interface Category {
  code: string;
  nameZh: string;
  nameEn: string;
  defaultPayUnit: PayUnit;
  referenceDailyPayFen: number;
}

export interface Reference {
  city: { code: string; name: string; centerLat: number; centerLng: number };
  divisions: Division[];
  categories: Category[];
}

export interface Availability {
  weekdays: number[];
  fromHour: number;
  toHour: number;
}

export interface WorkerProfile {
  name: string;
  categoryCodes: string[];
  districtCodes: string[];
  availability: Availability | null;
  expectedDailyPayFen: number | null;
  experienceYears: number;
  intro: string;
  homeLat: number | null;
  homeLng: number | null;
}

export interface EmployerProfile {
  id?: string;
  kind: "individual" | "enterprise";
  name: string;
  creditCode: string | null;
  districtCode: string | null;
  contactName: string;
  verification?: "unverified" | "pending" | "verified" | "rejected";
}

export interface GigEmployer {
  id: string;
  name: string;
  verified: boolean;
  ratingAverage: number | null;
  ratingCount: number;
}

/** A gig as the list shows it (GET /api/gigs). */
export interface GigSummary {
  id: string;
  title: string;
  category: { code: string; nameZh: string };
  pay: { fen: number; unit: PayUnit; dailyEquivalentFen: number | null };
  settlement: Settlement;
  address: string;
  district: { code: string; name: string };
  lat: number;
  lng: number;
  distanceM?: number;
  startsAt: string;
  endsAt: string;
  headcount: number;
  openPlaces: number;
  employer: GigEmployer;
}

/** A gig in full (GET /api/gigs/:id); the check-in code only for its employer. */
export interface Gig extends GigSummary {
  description: string;
  requirements: string;
  status: "open" | "filled" | "cancelled" | "closed";
  filledCount: number;
  cancelReason: string | null;
  checkInCode?: string;
}

/** The employer's own gig, with what waits for them (GET /api/employers/me/gigs). */
export interface MyGig extends Gig {
  pendingApplications: number;
  pendingInvitations: number;
}

export type ApplicationStatus = "pending" | "accepted" | "rejected" | "withdrawn" | "declined" | "expired";

/** What an application or a booking shows of its gig. */
export interface BookingGig {
  id: string;
  title: string;
  categoryCode: string;
  address: string;
  districtCode: string;
  lat: number;
  lng: number;
  startsAt: string;
  endsAt: string;
  payFen: number;
  payUnit: PayUnit;
  settlement: Settlement;
  status: string;
}

export interface Application {
  id: string;
  gigId: string;
  workerId: string;
  kind: "application" | "invitation";
  status: ApplicationStatus;
  message: string;
  createdAt: string;
  decidedAt: string | null;
}

/** The worker's own applications and invitations (GET /api/workers/me/applications). */
export interface WorkerApplication extends Application {
  gig: BookingGig;
  categoryNameZh: string;
  employerName: string;
}

/** Someone who applied or was invited, as the employer sees them (GET /api/gigs/:id/applications). */
export interface Applicant extends Application {
  name: string;
  age: number | null;
  /** 138****5678 until the worker holds a live booking with this employer. */
  phone: string | null;
  categoryCodes: string[];
  experienceYears: number;
  ratingAverage: number | null;
  ratingCount: number;
  completedCount: number;
  noShowCount: number;
  lateCancelCount: number;
  distanceM: number | null;
}

export type BookingStatus =
  | "booked"
  | "confirmed"
  | "checked_in"
  | "checked_out"
  | "completed"
  | "cancelled"
  | "no_show";

export interface Booking {
  id: string;
  gigId: string;
  workerId: string;
  employerId: string;
  status: BookingStatus;
  workerName: string;
  employerName: string;
  workerPhone: string | null;
  createdAt: string;
  confirmedAt: string | null;
  cancelledAt: string | null;
  cancelReason: string | null;
  lateCancel: boolean;
  checkedInAt: string | null;
  checkedOutAt: string | null;
  noShowAt: string | null;
  completedAt: string | null;
  gig: BookingGig;
}

export const WORKER_CANCEL_REASONS = [
  "sick",
  "schedule_conflict",
  "found_other_work",
  "too_far",
  "other",
] as const;

export interface Timesheet {
  bookingId: string;
  status: "pending" | "approved" | "disputed" | "resolved";
  measuredMinutes: number;
  approvedMinutes: number | null;
  amountDueFen: number | null;
  correctionNote: string | null;
  disputeDeadline: string | null;
}

export interface Payment {
  id: string;
  amountFen: number;
  method: "cash" | "wechat" | "alipay" | "bank_transfer" | "other";
  paidAt: string;
  status: "recorded" | "confirmed" | "disputed";
}

export interface RatingTag {
  code: string;
  nameZh: string;
  nameEn: string;
  direction: "worker_to_employer" | "employer_to_worker";
  negative: boolean;
}

export interface Rating {
  id: string;
  bookingId: string;
  direction: "worker_to_employer" | "employer_to_worker";
  stars: number;
  tags: string[];
  comment: string;
  createdAt: string;
  gigTitle: string;
  /** The employer's name for the worker, the worker's for the employer. */
  otherPartyName: string;
}

/** A worker the matcher suggests for a gig (GET /api/gigs/:id/recommended-workers); phone masked. */
export interface WorkerRecommendation {
  workerId: string;
  name: string;
  phone: string | null;
  distanceKm: number;
  score: number;
  reasons: string[];
}

/** A gig the matcher suggests to the worker (GET /api/workers/me/recommendations). */
export interface GigRecommendation {
  gigId: string;
  title: string;
  address: string;
  districtCode: string;
  categoryCode: string;
  startsAt: string;
  endsAt: string;
  payFen: number;
  payUnit: PayUnit;
  settlement: Settlement;
  placesLeft: number;
  distanceKm: number;
  score: number;
  reasons: string[];
}

/** Where a shift's pay stands: awaiting_approval → approved → paid → confirmed, or disputed. */
export type PayStatus = "awaiting_approval" | "approved" | "paid" | "confirmed" | "disputed";

/** One shift's pay: due, recorded as paid, confirmed by the worker. */
export interface PayLine {
  bookingId: string;
  gig: BookingGig;
  gigTitle: string;
  date: string;
  amountDueFen: number | null;
  paidFen: number;
  confirmedFen: number;
  outstandingFen: number;
  status: PayStatus;
  timesheet: Timesheet | null;
  payments: Payment[];
}

export interface PayTotals {
  dueFen: number;
  paidFen: number;
  confirmedFen: number;
  outstandingFen: number;
}

/** GET /api/workers/me/earnings */
export interface Earnings {
  items: Array<PayLine & { employerName: string }>;
  totals: PayTotals;
}

/** GET /api/employers/me/payables */
export interface Payables {
  items: Array<PayLine & { workerId: string; workerName: string }>;
  totals: PayTotals;
}

/** The viewer's ratings (GET /api/me/ratings): received, given, and shifts still to rate. */
export interface MyRatings {
  received: Rating[];
  given: Rating[];
  givenBookingIds: string[];
  toRate: Array<{ bookingId: string; gigTitle: string; endsAt: string; otherPartyName: string }>;
  average: number | null;
}

/** One booked worker's attendance on a gig (GET /api/gigs/:id/attendance). */
export interface AttendanceEntry {
  bookingId: string;
  workerId: string;
  workerName: string;
  workerPhone: string | null;
  status: BookingStatus;
  checkedInAt: string | null;
  checkInMethod: "location" | "code" | "staff" | null;
  checkInDistanceM: number | null;
  minutesLate: number | null;
  checkedOutAt: string | null;
  autoCheckedOut: boolean;
  /** Past the start plus the city's grace and still not checked in. */
  noShowCandidate: boolean;
}

export interface Attendance {
  gigId: string;
  checkInCode: string;
  checkInRadiusM: number;
  noShowGraceMin: number;
  counts: { booked: number; checkedIn: number; noShowCandidates: number };
  entries: AttendanceEntry[];
}
