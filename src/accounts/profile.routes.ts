/** Workers' and employers' own profiles, employer verification, and staff's audited contact view. */
import { currentUser, STAFF_ROLES } from "../platform/http/access.ts";
import { errorResponses, IdParams } from "../platform/http/schemas.ts";
import type { App } from "../platform/http/types.ts";
import { revealWorkerContact } from "./contact.service.ts";
import { decideVerification, getMyEmployer, saveMyEmployer } from "./employer-profile.service.ts";
import {
  EmployerProfileInput,
  EmployerProfileView,
  VerificationDecision,
  WorkerContact,
  WorkerProfileInput,
  WorkerProfileView,
} from "./profile.schemas.ts";
import { getMyWorkerProfile, saveMyWorkerProfile } from "./worker-profile.service.ts";

const tags = ["accounts"];

export async function profileRoutes(app: App): Promise<void> {
  app.get(
    "/api/workers/me/profile",
    {
      config: { access: ["worker"] },
      schema: {
        tags,
        summary: "My worker profile (404 before the first one)",
        response: { 200: WorkerProfileView, ...errorResponses },
      },
    },
    async (request) => getMyWorkerProfile(app.ctx, currentUser(request)),
  );

  app.put(
    "/api/workers/me/profile",
    {
      config: { access: ["worker"] },
      schema: {
        tags,
        summary: "Create or replace my worker profile",
        body: WorkerProfileInput,
        response: { 200: WorkerProfileView, ...errorResponses },
      },
    },
    async (request) => saveMyWorkerProfile(app.ctx, currentUser(request), request.body),
  );

  app.get(
    "/api/employers/me",
    {
      config: { access: ["employer"] },
      schema: {
        tags,
        summary: "My employer profile (404 before the first one)",
        response: { 200: EmployerProfileView, ...errorResponses },
      },
    },
    async (request) => getMyEmployer(app.ctx, currentUser(request)),
  );

  app.put(
    "/api/employers/me",
    {
      config: { access: ["employer"] },
      schema: {
        tags,
        summary: "Create or replace my employer profile",
        body: EmployerProfileInput,
        response: { 200: EmployerProfileView, ...errorResponses },
      },
    },
    async (request) => saveMyEmployer(app.ctx, currentUser(request), request.body),
  );

  app.post(
    "/api/employers/:id/verification",
    {
      config: { access: STAFF_ROLES },
      schema: {
        tags,
        summary: "Verify or reject an employer (staff of its district, or the city admin)",
        params: IdParams,
        body: VerificationDecision,
        response: { 200: EmployerProfileView, ...errorResponses },
      },
    },
    async (request) =>
      decideVerification(app.ctx, currentUser(request), request.params.id, request.body, request.ip),
  );

  app.get(
    "/api/workers/:id/contact",
    {
      config: { access: STAFF_ROLES },
      schema: {
        tags,
        summary: "A worker's full phone number, for staff; every view is audited",
        params: IdParams,
        response: { 200: WorkerContact, ...errorResponses },
      },
    },
    async (request) => revealWorkerContact(app.ctx, currentUser(request), request.params.id, request.ip),
  );
}
