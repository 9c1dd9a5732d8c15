/** Routes for applications (报名) and invitations (邀请), and the answers to them. */
import { Type } from "typebox";
import { currentUser, STAFF_ROLES } from "../platform/http/access.ts";
import { errorResponses, IdParams } from "../platform/http/schemas.ts";
import type { App } from "../platform/http/types.ts";
import { accept } from "./accept.service.ts";
import { answerWithoutBooking, applicantsOf, apply, invite, myApplications } from "./applications.service.ts";
import {
  Applicant,
  Application,
  ApplyBody,
  Booking,
  InviteBody,
  WorkerApplication,
} from "./bookings.schemas.ts";

const tags = ["applications"];

export async function applicationRoutes(app: App): Promise<void> {
  app.post(
    "/api/gigs/:id/applications",
    {
      config: { access: ["worker"], idempotent: true },
      schema: {
        tags,
        summary: "Apply for a gig (报名)",
        params: IdParams,
        body: ApplyBody,
        response: { 201: Application, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await apply(app.ctx, currentUser(request), request.params.id, request.body.message)),
  );

  app.post(
    "/api/gigs/:id/invitations",
    {
      config: { access: ["employer"], idempotent: true },
      schema: {
        tags,
        summary: "Invite a worker to a gig (邀请)",
        params: IdParams,
        body: InviteBody,
        response: { 201: Application, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { workerId, message } = request.body;
      return reply
        .status(201)
        .send(await invite(app.ctx, currentUser(request), request.params.id, workerId, message));
    },
  );

  app.get(
    "/api/gigs/:id/applications",
    {
      config: { access: ["employer", ...STAFF_ROLES] },
      schema: {
        tags,
        summary:
          "Applicants and invitees of a gig: its employer's, or for staff of its district (names audited, phones masked)",
        params: IdParams,
        response: { 200: Type.Array(Applicant), ...errorResponses },
      },
    },
    async (request) => applicantsOf(app.ctx, currentUser(request), request.params.id, request.ip),
  );

  app.get(
    "/api/workers/me/applications",
    {
      config: { access: ["worker"] },
      schema: {
        tags,
        summary: "My applications and invitations",
        response: { 200: Type.Array(WorkerApplication), ...errorResponses },
      },
    },
    async (request) => myApplications(app.ctx, currentUser(request)),
  );

  app.post(
    "/api/applications/:id/accept",
    {
      config: { access: ["worker", "employer"], idempotent: true },
      schema: {
        tags,
        summary: "Accept: the employer an application, the worker an invitation. Makes the booking.",
        params: IdParams,
        response: { 200: Booking, ...errorResponses },
      },
    },
    async (request) => accept(app.ctx, currentUser(request), request.params.id),
  );

  for (const event of ["reject", "decline", "withdraw"] as const) {
    app.post(
      `/api/applications/:id/${event}`,
      {
        config: { access: ["worker", "employer"] },
        schema: {
          tags,
          summary: `${event[0].toUpperCase()}${event.slice(1)} an application or invitation`,
          params: IdParams,
          response: { 200: Application, ...errorResponses },
        },
      },
      async (request) => answerWithoutBooking(app.ctx, currentUser(request), request.params.id, event),
    );
  }
}
