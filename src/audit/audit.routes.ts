/** The audit log for administrators: who did what, and who saw whose personal data. */

import { Type } from "typebox";
import { ADMIN_ROLES, currentUser } from "../platform/http/access.ts";
import { errorResponses } from "../platform/http/schemas.ts";
import type { App } from "../platform/http/types.ts";
import { AuditPage, AuditQuery, PersonalViewsQuery, PersonalViewsRow } from "./audit.schemas.ts";
import { listAudit, personalViewsReport } from "./audit.service.ts";

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

  app.get(
    "/api/audit/personal-data-views",
    {
      config: { access: ADMIN_ROLES },
      schema: {
        tags: ["administration"],
        summary: "Who viewed personal data (谁看过个人信息): per staff member, views and people, in a period",
        querystring: PersonalViewsQuery,
        response: { 200: Type.Array(PersonalViewsRow), ...errorResponses },
      },
    },
    async (request) => personalViewsReport(app.ctx, currentUser(request), request.query),
  );
}
