/** Routes for bookings: the lists of each side, one booking, confirm, cancel, no-show. */
import { Type } from "typebox";
import { currentUser, STAFF_ROLES } from "../platform/http/access.ts";
import { errorResponses, IdParams } from "../platform/http/schemas.ts";
import type { App } from "../platform/http/types.ts";
import { Booking, CancelBookingBody, EmployerBookingsQuery } from "./bookings.schemas.ts";
import {
  cancelBooking,
  confirmBooking,
  employerBookings,
  getBooking,
  markNoShow,
  workerBookings,
} from "./bookings.service.ts";

const tags = ["bookings"];
const one = { params: IdParams, response: { 200: Booking, ...errorResponses } };

export async function bookingRoutes(app: App): Promise<void> {
  app.get(
    "/api/workers/me/bookings",
    {
      config: { access: ["worker"] },
      schema: { tags, summary: "My bookings", response: { 200: Type.Array(Booking), ...errorResponses } },
    },
    async (request) => workerBookings(app.ctx, currentUser(request)),
  );

  app.get(
    "/api/employers/me/bookings",
    {
      config: { access: ["employer"] },
      schema: {
        tags,
        summary: "Bookings on my gigs, optionally of one gig",
        querystring: EmployerBookingsQuery,
        response: { 200: Type.Array(Booking), ...errorResponses },
      },
    },
    async (request) => employerBookings(app.ctx, currentUser(request), request.query.gigId),
  );

  app.get(
    "/api/bookings/:id",
    {
      config: { access: ["worker", "employer", ...STAFF_ROLES] },
      schema: { tags, summary: "One booking with its gig", ...one },
    },
    async (request) => getBooking(app.ctx, currentUser(request), request.params.id, request.ip),
  );

  app.post(
    "/api/bookings/:id/confirm",
    {
      config: { access: ["worker"], idempotent: true },
      schema: { tags, summary: "The worker confirms they will come (确认到岗)", ...one },
    },
    async (request) => confirmBooking(app.ctx, currentUser(request), request.params.id),
  );

  app.post(
    "/api/bookings/:id/cancel",
    {
      config: { access: ["worker", "employer"], idempotent: true },
      schema: { tags, summary: "Cancel a booking before check-in", body: CancelBookingBody, ...one },
    },
    async (request) => cancelBooking(app.ctx, currentUser(request), request.params.id, request.body),
  );

  app.post(
    "/api/bookings/:id/no-show",
    {
      config: { access: ["employer"], idempotent: true },
      schema: { tags, summary: "Mark a worker who did not come (爽约)", ...one },
    },
    async (request) => markNoShow(app.ctx, currentUser(request), request.params.id),
  );
}
