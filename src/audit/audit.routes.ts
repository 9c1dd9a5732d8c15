import { Type } from "typebox";
import { ADMIN_ROLES, currentUser } from "../platform/http/access.ts";
import { errorResponses, Timestamp } from "../platform/http/schemas.ts";
import type { App } from "../platform/http/types.ts";
import { listAudit } from "./audit.service.ts";

const AuditQuery = Type.Object({
  actorUserId: Type.Optional(Type.String({ format: "uuid" })),
  action: Type.Optional(Type.String({ maxLength: 80 })),
  personalDataOnly: Type.Optional(Type.Boolean()),
  from: Type.Optional(Timestamp),
  to: Type.Optional(Timestamp),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
  offset: Type.Optional(Type.Integer({ minimum: 0 })),
});

const AuditRow = Type.Object({
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

export async function auditRoutes(app: App): Promise<void> {
  app.get(
    "/api/audit",
    {
      config: { access: ADMIN_ROLES },
      schema: {
        tags: ["administration"],
        summary: "Search the audit log (staff actions and views of personal data)",
        querystring: AuditQuery,
        response: { 200: Type.Array(AuditRow), ...errorResponses },
      },
    },
    async (request) => listAudit(app.ctx, currentUser(request), request.query),
  );
}
