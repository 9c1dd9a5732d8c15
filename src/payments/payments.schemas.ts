/** Schemas for payment records, the worker's earnings (工钱) and the employer's payables (待付). */
import { type Static, Type } from "typebox";
import { GigSummary } from "../bookings/bookings.schemas.ts";
import { Fen, Timestamp, Uuid } from "../platform/http/schemas.ts";
import { Timesheet } from "../timesheets/timesheets.schemas.ts";

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);

export const PaymentMethod = Type.Union([
  Type.Literal("cash"),
  Type.Literal("wechat"),
  Type.Literal("alipay"),
  Type.Literal("bank_transfer"),
  Type.Literal("other"),
]);

export const RecordPaymentBody = Type.Object(
  {
    amountFen: Type.Integer({ minimum: 1, maximum: 100_000_000, description: "Amount paid, fen (分)" }),
    method: PaymentMethod,
    paidAt: Timestamp,
    note: Type.Optional(Type.String({ maxLength: 300 })),
  },
  { additionalProperties: false },
);
export type RecordPaymentInput = Static<typeof RecordPaymentBody>;

export const PaymentDisputeBody = Type.Object(
  { reason: Type.String({ minLength: 1, maxLength: 500 }) },
  { additionalProperties: false },
);

export const Payment = Type.Object({
  id: Uuid,
  bookingId: Uuid,
  amountFen: Fen,
  method: PaymentMethod,
  paidAt: Timestamp,
  status: Type.Union([Type.Literal("recorded"), Type.Literal("confirmed"), Type.Literal("disputed")]),
  note: Type.String(),
  confirmedAt: Nullable(Timestamp),
  disputeReason: Nullable(Type.String()),
  disputedAt: Nullable(Timestamp),
  createdAt: Timestamp,
});
export type PaymentView = Static<typeof Payment>;

export const PayStatusSchema = Type.Union([
  Type.Literal("awaiting_approval"),
  Type.Literal("approved"),
  Type.Literal("paid"),
  Type.Literal("confirmed"),
  Type.Literal("disputed"),
]);

/** One shift's pay: what is due, what was recorded as paid, what the worker confirmed. */
const PayLine = {
  bookingId: Uuid,
  gig: GigSummary,
  gigTitle: Type.String(),
  /** The shift's local date in Asia/Shanghai, YYYY-MM-DD. */
  date: Type.String(),
  amountDueFen: Nullable(Type.Integer()),
  paidFen: Type.Integer(),
  confirmedFen: Type.Integer(),
  outstandingFen: Type.Integer(),
  status: PayStatusSchema,
  timesheet: Nullable(Timesheet),
  payments: Type.Array(Payment),
};

const Totals = Type.Object({
  dueFen: Type.Integer(),
  paidFen: Type.Integer(),
  confirmedFen: Type.Integer(),
  outstandingFen: Type.Integer(),
});

export const EarningsEntry = Type.Object({ ...PayLine, employerName: Type.String() });
export const Earnings = Type.Object({ items: Type.Array(EarningsEntry), totals: Totals });
export type EarningsView = Static<typeof Earnings>;

export const PayableEntry = Type.Object({ ...PayLine, workerId: Uuid, workerName: Type.String() });
export const Payables = Type.Object({ items: Type.Array(PayableEntry), totals: Totals });
export type PayablesView = Static<typeof Payables>;
