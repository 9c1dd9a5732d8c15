import { Type } from "typebox";
import { PageOffset, Timestamp } from "../platform/http/schemas.ts";

export const AuditQuery = Type.Object(
  {
    actorUserId: Type.Optional(Type.String({ format: "uuid" })),
    action: Type.Optional(Type.String({ maxLength: 80 })),
    /** Only what was done to or seen of this person (a worker's or employer's user id, a record's id). */
    subjectId: Type.Optional(Type.String({ maxLength: 80 })),
    /** Only views of personal data (full phone numbers, ID numbers). */
    personalDataOnly: Type.Optional(Type.Boolean()),
    from: Type.Optional(Timestamp),
    to: Type.Optional(Timestamp),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
    offset: Type.Optional(PageOffset),
  },
  { additionalProperties: false },
);

export const AuditRow = Type.Object({
  id: Type.Integer(),
  at: Timestamp,
  actorUserId: Type.Union([Type.String(), Type.Null()]),
  actorName: Type.String(),
  actorRole: Type.String(),
  action: Type.String(),
  subjectType: Type.String(),
  subjectId: Type.Union([Type.String(), Type.Null()]),
  personalData: Type.Boolean(),
  detail: Type.Unknown(),
  ip: Type.Union([Type.String(), Type.Null()]),
});

export const AuditPage = Type.Object({
  items: Type.Array(AuditRow),
  /** Pass as `offset` for the next page; null on the last page. */
  nextOffset: Type.Union([Type.Integer(), Type.Null()]),
});

export const PersonalViewsQuery = Type.Object(
  { from: Type.Optional(Timestamp), to: Type.Optional(Timestamp) },
  { additionalProperties: false },
);

/** One staff member's views of personal data in the period. */
export const PersonalViewsRow = Type.Object({
  actorUserId: Type.Union([Type.String(), Type.Null()]),
  actorName: Type.String(),
  actorRole: Type.String(),
  /** Views of personal data (each an audit row). */
  views: Type.Integer(),
  /** Different people (or records) whose data they saw. */
  people: Type.Integer(),
  lastAt: Timestamp,
});
