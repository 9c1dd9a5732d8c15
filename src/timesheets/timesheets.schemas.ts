/** Schemas for timesheets (工时单): the view, and the bodies of approve, dispute and resolve. */
import { type Static, Type } from "typebox";
import { Timestamp } from "../platform/http/schemas.ts";

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);

/** A month of minutes bounds any shift (gigs last at most 31 days). */
export const Minutes = Type.Integer({ minimum: 0, maximum: 31 * 24 * 60, description: "Minutes worked" });
export const Pieces = Type.Integer({ minimum: 0, maximum: 1_000_000, description: "Pieces done (计件)" });
const Note = Type.String({ minLength: 1, maxLength: 300 });
const SentHomeEarly = Type.Boolean({
  description:
    "The employer ended the shift early (雇主提前收工): at least half a shift is paid (docs/pay-rules.md)",
});

export const Timesheet = Type.Object({
  bookingId: Type.String(),
  status: Type.Union([
    Type.Literal("pending"),
    Type.Literal("approved"),
    Type.Literal("disputed"),
    Type.Literal("resolved"),
  ]),
  measuredMinutes: Type.Integer(),
  approvedMinutes: Nullable(Type.Integer()),
  pieces: Nullable(Type.Integer()),
  sentHomeEarly: Type.Boolean(),
  /** Pay due in fen, set on approval by the pay rules (docs/pay-rules.md); both sides see it. */
  amountDueFen: Nullable(Type.Integer()),
  correctionNote: Nullable(Type.String()),
  approvedAt: Nullable(Timestamp),
  /** The worker may dispute the approved hours until then. */
  disputeDeadline: Nullable(Timestamp),
  disputeReason: Nullable(Type.String()),
  disputedAt: Nullable(Timestamp),
  resolvedAt: Nullable(Timestamp),
});
export type TimesheetView = Static<typeof Timesheet>;

export const ApproveBody = Type.Object(
  {
    approvedMinutes: Type.Optional(Minutes),
    pieces: Type.Optional(Pieces),
    sentHomeEarly: Type.Optional(SentHomeEarly),
    note: Type.Optional(Note),
    /** The name the employer portal sends for `note`. */
    correctionNote: Type.Optional(Note),
  },
  { additionalProperties: false },
);
export type ApproveInput = Static<typeof ApproveBody>;

export const DisputeBody = Type.Object(
  { reason: Type.String({ minLength: 1, maxLength: 500 }) },
  { additionalProperties: false },
);

export const ResolveBody = Type.Object(
  {
    approvedMinutes: Minutes,
    pieces: Type.Optional(Pieces),
    sentHomeEarly: Type.Optional(SentHomeEarly),
    note: Note,
  },
  { additionalProperties: false },
);
export type ResolveInput = Static<typeof ResolveBody>;
