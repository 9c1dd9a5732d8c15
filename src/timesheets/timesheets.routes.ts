/** Routes for timesheets: approve (employer), dispute (worker), resolve (employer or staff). */
import { currentUser, STAFF_ROLES } from "../platform/http/access.ts";
import { errorResponses, IdParams } from "../platform/http/schemas.ts";
import type { App } from "../platform/http/types.ts";
import { Shift } from "../shifts/shifts.schemas.ts";
import { ApproveBody, DisputeBody, ResolveBody } from "./timesheets.schemas.ts";
import { approveTimesheet, disputeTimesheet, resolveTimesheet } from "./timesheets.service.ts";

const tags = ["timesheets"];
const reply = { params: IdParams, response: { 200: Shift, ...errorResponses } };

export async function timesheetRoutes(app: App): Promise<void> {
  app.post(
    "/api/bookings/:id/timesheet/approve",
    {
      config: { access: ["employer"], idempotent: true },
      schema: {
        tags,
        summary: "Approve the hours (确认工时), correcting them with a note; completes the booking",
        body: ApproveBody,
        ...reply,
      },
    },
    async (request) => approveTimesheet(app.ctx, currentUser(request), request.params.id, request.body ?? {}),
  );

  app.post(
    "/api/bookings/:id/timesheet/dispute",
    {
      config: { access: ["worker"], idempotent: true },
      schema: {
        tags,
        summary: "Dispute the approved hours within the city's window",
        body: DisputeBody,
        ...reply,
      },
    },
    async (request) =>
      disputeTimesheet(app.ctx, currentUser(request), request.params.id, request.body.reason),
  );

  app.post(
    "/api/bookings/:id/timesheet/resolve",
    {
      config: { access: ["employer", ...STAFF_ROLES], idempotent: true },
      schema: {
        tags,
        summary: "Resolve a disputed timesheet (by the employer, or staff of the district mediating)",
        body: ResolveBody,
        ...reply,
      },
    },
    async (request) => resolveTimesheet(app.ctx, currentUser(request), request.params.id, request.body),
  );
}
