/** Request and response shapes of complaints (投诉). */
import { type Static, Type } from "typebox";
import { Fen, Timestamp, Uuid } from "../platform/http/schemas.ts";

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);

export const ComplaintKindSchema = Type.Enum(
  ["wage_arrears", "fake_post", "upfront_fee", "abuse", "safety", "other"] as const,
  { description: "欠薪 / 虚假岗位 / 收取费用 / 辱骂 / 安全 / 其他" },
);
export const ComplaintStatusSchema = Type.Enum(
  ["open", "in_progress", "referred", "resolved", "rejected"] as const,
  { description: "referred: handed to 劳动保障监察" },
);
export const InspectionStatusSchema = Type.Enum(["submitted", "accepted", "concluded"] as const, {
  description: "劳动保障监察: 已移交 / 已立案 / 已结案",
});

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

/** Filed by station staff for a walk-in worker (代办), with how she agreed. */
export const FileForWorkerBody = Type.Object(
  {
    ...FileComplaintBody.properties,
    consentNote: Type.String({ minLength: 2, maxLength: 200, description: "e.g. 本人到场口头同意" }),
  },
  { additionalProperties: false },
);

export const FollowUpKindSchema = Type.Enum(["call", "visit", "mediation", "note"] as const, {
  description: "电话 / 走访 / 调解 / 其他",
});

export const FollowUpBody = Type.Object(
  {
    kind: FollowUpKindSchema,
    note: Type.String({ minLength: 2, maxLength: 1000 }),
    /** Pay the worker got back through this step. */
    recoveredFen: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000_000 })),
  },
  { additionalProperties: false },
);
export type FollowUpInput = Static<typeof FollowUpBody>;

const CaseNumber = Type.String({
  minLength: 2,
  maxLength: 40,
  description: "The inspection brigade's case number, e.g. 镇人社监〔2030〕12号",
});

export const ReferBody = Type.Object(
  { caseNumber: CaseNumber, note: Type.String({ minLength: 2, maxLength: 1000 }) },
  { additionalProperties: false },
);
export type ReferInput = Static<typeof ReferBody>;

export const InspectionUpdateBody = Type.Object(
  {
    status: Type.Enum(["accepted", "concluded"] as const),
    caseNumber: Type.Optional(CaseNumber),
    note: Type.String({ minLength: 2, maxLength: 1000 }),
  },
  { additionalProperties: false },
);
export type InspectionUpdateInput = Static<typeof InspectionUpdateBody>;

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
  /** Filed for her at a station's counter (代办). */
  filedOnBehalf: Type.Boolean(),
  inspectionCaseNo: Nullable(Type.String()),
  inspectionStatus: Nullable(InspectionStatusSchema),
  /** 1: the district admin was told it is nearly due; 2: that it is overdue. */
  escalationLevel: Type.Integer({ minimum: 0, maximum: 2 }),
  createdAt: Timestamp,
});
export type ComplaintItemView = Static<typeof ComplaintItem>;

export const FollowUp = Type.Object({
  id: Uuid,
  kind: Type.Enum(["call", "visit", "mediation", "inspection", "escalation", "note"] as const),
  note: Type.String(),
  recoveredFen: Nullable(Type.Integer()),
  /** Null for the system's own entries (an escalation). */
  staffName: Nullable(Type.String()),
  at: Timestamp,
});
export type FollowUpView = Static<typeof FollowUp>;

export const ComplaintDetail = Type.Object({
  ...ComplaintItem.properties,
  complainantUserId: Uuid,
  gigStartsAt: Nullable(Timestamp),
  /** Pay recovered: as stated at closing, else the sum of the follow-up log's amounts. */
  recoveredFen: Nullable(Type.Integer()),
  consentNote: Nullable(Type.String()),
  followUps: Type.Array(FollowUp),
  /** 欠薪 flagged against the employer: wage-arrears complaints still being handled. */
  employerOpenArrears: Nullable(Type.Object({ count: Type.Integer(), amountFen: Type.Integer() })),
});
export type ComplaintDetailView = Static<typeof ComplaintDetail>;
