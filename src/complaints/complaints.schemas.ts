/** Request and response shapes of complaints (投诉). */
import { type Static, Type } from "typebox";
import { Fen, Timestamp, Uuid } from "../platform/http/schemas.ts";

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);

export const ComplaintKindSchema = Type.Enum(
  ["wage_arrears", "fake_post", "upfront_fee", "abuse", "safety", "other"] as const,
  { description: "欠薪 / 虚假岗位 / 收取费用 / 辱骂 / 安全 / 其他" },
);
export const ComplaintStatusSchema = Type.Enum(["open", "in_progress", "resolved", "rejected"] as const);

export const FileComplaintBody = Type.Object(
  {
    kind: ComplaintKindSchema,
    bookingId: Type.Optional(Uuid),
    gigId: Type.Optional(Uuid),
    /** For wage arrears: how much is owed. */
    amountFen: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000_000 })),
    description: Type.String({ minLength: 4, maxLength: 1000 }),
  },
  { additionalProperties: false },
);
export type FileComplaintInput = Static<typeof FileComplaintBody>;

export const ComplaintQuery = Type.Object(
  {
    status: Type.Optional(ComplaintStatusSchema),
    kind: Type.Optional(ComplaintKindSchema),
    overdue: Type.Optional(Type.Boolean()),
    district: Type.Optional(Type.String({ pattern: "^[0-9]{6}$", description: "City admins only" })),
  },
  { additionalProperties: false },
);
export type ComplaintQueryInput = Static<typeof ComplaintQuery>;

export const ResolveComplaintBody = Type.Object(
  {
    resolution: Type.String({ minLength: 2, maxLength: 1000 }),
    outcome: Type.Union([Type.Literal("resolved"), Type.Literal("rejected")]),
    /** For wage arrears: how much pay the worker got back through the mediation. */
    recoveredFen: Type.Optional(Fen),
  },
  { additionalProperties: false },
);
export type ResolveComplaintInput = Static<typeof ResolveComplaintBody>;

export const ComplaintItem = Type.Object({
  id: Uuid,
  kind: ComplaintKindSchema,
  status: ComplaintStatusSchema,
  districtCode: Type.String(),
  description: Type.String(),
  amountFen: Nullable(Type.Integer()),
  bookingId: Nullable(Uuid),
  gigId: Nullable(Uuid),
  gigTitle: Nullable(Type.String()),
  employerId: Nullable(Uuid),
  employerName: Nullable(Type.String()),
  /** Masked for lists (张**); in full only in the audited detail. */
  complainantName: Type.String(),
  complainantPhone: Nullable(Type.String()),
  assignedToName: Nullable(Type.String()),
  mine: Type.Boolean({ description: "Assigned to the viewer" }),
  dueAt: Timestamp,
  overdue: Type.Boolean(),
  resolution: Nullable(Type.String()),
  resolvedAt: Nullable(Timestamp),
  createdAt: Timestamp,
});
export type ComplaintItemView = Static<typeof ComplaintItem>;

export const ComplaintDetail = Type.Object({
  ...ComplaintItem.properties,
  complainantUserId: Uuid,
  gigStartsAt: Nullable(Timestamp),
  recoveredFen: Nullable(Type.Integer()),
  /** 欠薪 flagged against the employer: wage-arrears complaints still being handled. */
  employerOpenArrears: Nullable(Type.Object({ count: Type.Integer(), amountFen: Type.Integer() })),
});
export type ComplaintDetailView = Static<typeof ComplaintDetail>;
