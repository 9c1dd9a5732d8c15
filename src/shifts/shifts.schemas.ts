/** Schemas for the shift: check-in and check-out bodies, the shift view, attendance. */
import { type Static, Type } from "typebox";
import { Booking } from "../bookings/bookings.schemas.ts";
import { Timestamp, Uuid } from "../platform/http/schemas.ts";
import { Pieces, Timesheet } from "../timesheets/timesheets.schemas.ts";

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);

/** A position from the phone, the code shown on site, or both (the code covers a failed fix). */
export const CheckInBody = Type.Object(
  {
    lat: Type.Optional(Type.Number({ minimum: -90, maximum: 90 })),
    lng: Type.Optional(Type.Number({ minimum: -180, maximum: 180 })),
    accuracyM: Type.Optional(Type.Number({ minimum: 0, maximum: 100_000, description: "Fix accuracy, m" })),
    code: Type.Optional(Type.String({ minLength: 1, maxLength: 16, description: "现场签到码" })),
  },
  { additionalProperties: false },
);
export type CheckInInput = Static<typeof CheckInBody>;

export const CheckOutBody = Type.Object({ pieces: Type.Optional(Pieces) }, { additionalProperties: false });

const CheckInMethod = Nullable(
  Type.Union([Type.Literal("location"), Type.Literal("code"), Type.Literal("staff")]),
);

/** A booking as its shift: the booking, how the worker checked in, and the timesheet once out. */
export const Shift = Type.Object({
  ...Booking.properties,
  checkInMethod: CheckInMethod,
  checkInDistanceM: Nullable(Type.Integer()),
  /** Check-out was closed by the system after the worker forgot; for the employer to review. */
  autoCheckedOut: Type.Boolean(),
  timesheet: Nullable(Timesheet),
});
export type ShiftView = Static<typeof Shift>;

export const AttendanceEntry = Type.Object({
  bookingId: Uuid,
  workerId: Uuid,
  workerName: Type.String(),
  /** 138****5678 */
  workerPhone: Nullable(Type.String()),
  status: Type.String(),
  checkedInAt: Nullable(Timestamp),
  checkInMethod: CheckInMethod,
  checkInDistanceM: Nullable(Type.Integer()),
  minutesLate: Nullable(Type.Integer()),
  checkedOutAt: Nullable(Timestamp),
  autoCheckedOut: Type.Boolean(),
  /** Past the start plus the city's grace and still not checked in: may be marked a no-show. */
  noShowCandidate: Type.Boolean(),
});

export const Attendance = Type.Object({
  gigId: Uuid,
  title: Type.String(),
  startsAt: Timestamp,
  endsAt: Timestamp,
  /** Shown on site for workers whose location fails. */
  checkInCode: Type.String(),
  checkInRadiusM: Type.Integer(),
  noShowGraceMin: Type.Integer(),
  counts: Type.Object({
    booked: Type.Integer(),
    checkedIn: Type.Integer(),
    noShowCandidates: Type.Integer(),
  }),
  entries: Type.Array(AttendanceEntry),
});
export type AttendanceView = Static<typeof Attendance>;
