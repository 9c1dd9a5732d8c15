/** Routes for the shift: check-in, check-out, and the gig's attendance. */
import { currentUser, STAFF_ROLES } from "../platform/http/access.ts";
import { errorResponses, IdParams } from "../platform/http/schemas.ts";
import type { App } from "../platform/http/types.ts";
import { Attendance, CheckInBody, CheckOutBody, Shift } from "./shifts.schemas.ts";
import { checkIn, checkOut, gigAttendance } from "./shifts.service.ts";

const tags = ["shifts"];

export async function shiftRoutes(app: App): Promise<void> {
  app.post(
    "/api/bookings/:id/check-in",
    {
      config: { access: ["worker"], idempotent: true },
      schema: {
        tags,
        summary: "Check in on site (签到) by location, or by the employer's code when location fails",
        params: IdParams,
        body: CheckInBody,
        response: { 200: Shift, ...errorResponses },
      },
    },
    async (request) => checkIn(app.ctx, currentUser(request), request.params.id, request.body),
  );

  app.post(
    "/api/bookings/:id/check-out",
    {
      config: { access: ["worker"], idempotent: true },
      schema: {
        tags,
        summary: "Check out (签退); opens the timesheet with the measured time",
        params: IdParams,
        body: CheckOutBody,
        response: { 200: Shift, ...errorResponses },
      },
    },
    async (request) => checkOut(app.ctx, currentUser(request), request.params.id, request.body?.pieces),
  );

  app.get(
    "/api/gigs/:id/attendance",
    {
      config: { access: ["employer", ...STAFF_ROLES] },
      schema: {
        tags,
        summary: "Attendance of a gig (考勤): who checked in, who is late, who may be a no-show",
        params: IdParams,
        response: { 200: Attendance, ...errorResponses },
      },
    },
    async (request) => gigAttendance(app.ctx, currentUser(request), request.params.id),
  );
}
