/**
 * The values the forms offer, in the order they offer them. The server's schemas own the values:
 * `satisfies` makes a value the server no longer accepts fail the web typecheck.
 */
import type {
  Certificate,
  ComplaintKind,
  ComplaintStatus,
  EducationLevel,
  RequiredAgeBand,
  RequiredEducation,
  RequiredSex,
  ServiceKind,
  WorkerCancelReason,
} from "./api-types.ts";

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

/** 小学及以下 … 本科及以上: the five levels of the official tables. */
export const EDUCATION_LEVELS = [
  "primary",
  "junior",
  "senior",
  "college",
  "bachelor_plus",
] as const satisfies readonly EducationLevel[];

/** Offered first; anything else is typed as written on the card. */
export const CERTIFICATES = [
  "health",
  "electrician",
  "welder",
  "forklift",
  "work_at_height",
  "driving_c1",
  "driving_b2",
  "cook",
  "elderly_care",
  "childcare",
  "housekeeping",
  "security_guard",
] as const satisfies readonly Certificate[];

export const REQUIRED_SEXES = ["any", "female", "male"] as const satisfies readonly RequiredSex[];
export const REQUIRED_AGE_BANDS = [
  "any",
  "16-24",
  "25-34",
  "35-44",
  "45-54",
  "55+",
] as const satisfies readonly RequiredAgeBand[];
export const REQUIRED_EDUCATIONS = [
  "any",
  "junior",
  "senior",
  "college",
  "bachelor_plus",
] as const satisfies readonly RequiredEducation[];
