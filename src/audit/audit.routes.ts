/** The audit log for administrators: who did what, and who saw whose personal data. */
import { ADMIN_ROLES, currentUser } from "../platform/http/access.ts";
import { errorResponses } from "../platform/http/schemas.ts";
import type { App } from "../platform/http/types.ts";
import { AuditPage, AuditQuery } from "./audit.schemas.ts";
import { listAudit } from "./audit.service.ts";

export async function auditRoutes(app: App): Promise<void> {
  app.get(
    "/api/audit",
    {
      config: { access: ADMIN_ROLES },
      schema: {
        tags: ["administration"],
        summary: "Search the audit log (staff actions and views of personal data), newest first",
        querystring: AuditQuery,
        response: { 200: AuditPage, ...errorResponses },
      },
    },
    async (request) => listAudit(app.ctx, currentUser(request), request.query),
  );
}
