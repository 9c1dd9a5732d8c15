/** Schemas for applications, invitations and bookings. */
import { type Static, Type } from "typebox";
import { PayUnitSchema, SettlementSchema } from "../gigs/gigs.schemas.ts";
import { Timestamp, Uuid } from "../platform/http/schemas.ts";

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);

/** What a booking or an application shows of its gig. */
export const GigSummary = Type.Object({
  id: Uuid,
  title: Type.String(),
  categoryCode: Type.String(),
  address: Type.String(),
  districtCode: Type.String(),
  lat: Type.Number(),
  lng: Type.Number(),
  startsAt: Timestamp,
  endsAt: Timestamp,
  payFen: Type.Integer(),
  payUnit: PayUnitSchema,
  settlement: SettlementSchema,
  status: Type.String(),
});
export type GigSummaryView = Static<typeof GigSummary>;

export const ApplyBody = Type.Object(
  { message: Type.Optional(Type.String({ maxLength: 500 })) },
  { additionalProperties: false },
);
export const InviteBody = Type.Object(
  { workerId: Uuid, message: Type.Optional(Type.String({ maxLength: 500 })) },
  { additionalProperties: false },
);

export const Application = Type.Object({
  id: Uuid,
  gigId: Uuid,
  workerId: Uuid,
  kind: Type.Union([Type.Literal("application"), Type.Literal("invitation")]),
  status: Type.String(),
  message: Type.String(),
  createdAt: Timestamp,
  decidedAt: Nullable(Timestamp),
});
export type ApplicationView = Static<typeof Application>;

export const Applicant = Type.Object({
  ...Application.properties,
  name: Type.String(),
  age: Nullable(Type.Integer()),
  /** 138****5678 until the worker holds a live booking with this employer. */
  phone: Nullable(Type.String()),
  categoryCodes: Type.Array(Type.String()),
  experienceYears: Type.Integer(),
  ratingAverage: Nullable(Type.Number()),
  ratingCount: Type.Integer(),
  completedCount: Type.Integer(),
  noShowCount: Type.Integer(),
  lateCancelCount: Type.Integer(),
  /** From the worker's home to the gig, when the worker gave a home point. */
  distanceM: Nullable(Type.Integer()),
});
export type ApplicantView = Static<typeof Applicant>;

export const WorkerApplication = Type.Object({
  ...Application.properties,
  gig: GigSummary,
  categoryNameZh: Type.String(),
  employerName: Type.String(),
});
export type WorkerApplicationView = Static<typeof WorkerApplication>;

export const Booking = Type.Object({
  id: Uuid,
  gigId: Uuid,
  workerId: Uuid,
  employerId: Uuid,
  applicationId: Nullable(Uuid),
  status: Type.String(),
  workerName: Type.String(),
  employerName: Type.String(),
  /** Full while the booking holds a place; masked (138****5678) once it was cancelled or missed. */
  workerPhone: Nullable(Type.String()),
  /**
   * For the worker: the employer's number to call while the booking holds a place (its private
   * number X when those are on); null otherwise and for anyone else.
   */
  employerPhone: Nullable(Type.String()),
  createdAt: Timestamp,
  confirmedAt: Nullable(Timestamp),
  cancelledAt: Nullable(Timestamp),
  cancelledBy: Nullable(Type.String()),
  cancelReason: Nullable(Type.String()),
  lateCancel: Type.Boolean(),
  checkedInAt: Nullable(Timestamp),
  checkedOutAt: Nullable(Timestamp),
  noShowAt: Nullable(Timestamp),
  completedAt: Nullable(Timestamp),
  gig: GigSummary,
});
export type BookingView = Static<typeof Booking>;

export const WORKER_CANCEL_REASONS = [
  "sick",
  "schedule_conflict",
  "found_other_work",
  "too_far",
  "other",
] as const;
export const EMPLOYER_CANCEL_REASONS = ["no_longer_needed", "weather", "worker_unsuitable", "other"] as const;

export const CancelBookingBody = Type.Object(
  {
    reasonCode: Type.Union(
      [...new Set([...WORKER_CANCEL_REASONS, ...EMPLOYER_CANCEL_REASONS])].map((code) => Type.Literal(code)),
    ),
    note: Type.String({ maxLength: 500, default: "" }),
  },
  { additionalProperties: false },
);
export type CancelBookingInput = Static<typeof CancelBookingBody>;

export const EmployerBookingsQuery = Type.Object(
  { gigId: Type.Optional(Uuid) },
  { additionalProperties: false },
);
