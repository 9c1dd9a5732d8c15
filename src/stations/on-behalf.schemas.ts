/** Request shapes for acting on a worker's behalf at the counter (代办), and what she sees of it. */
import { type Static, Type } from "typebox";
import { Booking, CancelBookingBody, WorkerApplication } from "../bookings/bookings.schemas.ts";
import { Earnings } from "../payments/payments.schemas.ts";
import { Timestamp, Uuid } from "../platform/http/schemas.ts";

const ConsentNote = Type.String({
  minLength: 2,
  maxLength: 200,
  description: "How she agreed, e.g. 本人到场口头同意 or 电话中同意",
});

export const WorkerParams = Type.Object({ workerId: Uuid });
export const WorkerSubjectParams = Type.Object({ workerId: Uuid, id: Uuid });

export const ConsentBody = Type.Object({ consentNote: ConsentNote }, { additionalProperties: false });
export type ConsentInput = Static<typeof ConsentBody>;

export const ApplyForWorkerBody = Type.Object(
  { gigId: Uuid, message: Type.Optional(Type.String({ maxLength: 500 })), consentNote: ConsentNote },
  { additionalProperties: false },
);

export const CancelForWorkerBody = Type.Object(
  { ...CancelBookingBody.properties, consentNote: ConsentNote },
  { additionalProperties: false },
);

export const CheckInForWorkerBody = Type.Object(
  {
    code: Type.String({
      minLength: 1,
      maxLength: 16,
      description: "The employer's 现场签到码, read to staff by phone",
    }),
    consentNote: ConsentNote,
  },
  { additionalProperties: false },
);

export const DisputeForWorkerBody = Type.Object(
  { reason: Type.String({ minLength: 2, maxLength: 500 }), consentNote: ConsentNote },
  { additionalProperties: false },
);

/** One act done for the worker, as she sees it in her app. */
export const ActOnBehalf = Type.Object({
  act: Type.String(),
  consentNote: Type.String(),
  staffName: Type.String(),
  at: Timestamp,
});

export const WorkerSearchQuery = Type.Object(
  { q: Type.String({ minLength: 2, maxLength: 30 }) },
  { additionalProperties: false },
);

export const WorkerMatch = Type.Object({
  userId: Uuid,
  /** Masked: 王*英 */
  name: Type.String(),
  /** Masked: 138****5678 */
  phone: Type.Union([Type.String(), Type.Null()]),
  birthYear: Type.Union([Type.Integer(), Type.Null()]),
  registeredAtStation: Type.Boolean(),
});

/** Everything the counter needs to act for her: her offers, her bookings and her pay lines. */
export const WorkOfWorker = Type.Object({
  worker: Type.Object({ userId: Uuid, name: Type.String({ description: "Masked: 王**" }) }),
  applications: Type.Array(WorkerApplication),
  bookings: Type.Array(Booking),
  earnings: Earnings,
});
