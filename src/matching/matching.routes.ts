/**
 * Matching routes: 为你推荐 for workers, 推荐人选 for employers and staff, and morning dispatch
 * with a preview. The indexes start with the server (loaded from the database, then following
 * market events) and stop with it.
 */
import { Type } from "typebox";
import { currentUser, STAFF_ROLES } from "../platform/http/access.ts";
import { errorResponses, IdParams } from "../platform/http/schemas.ts";
import type { App } from "../platform/http/types.ts";
import { workerActedFor } from "../stations/on-behalf.ts";
import { previewDispatch, sendDispatch } from "./dispatch.service.ts";
import {
  callCard,
  dispatchProgress,
  recordUnansweredCall,
  streamDispatchProgress,
} from "./dispatch-progress.ts";
import { registerIndexMetrics } from "./matching.metrics.ts";
import {
  CallCard,
  DispatchOfferParams,
  DispatchPreview,
  DispatchPreviewBody,
  DispatchProgress,
  DispatchSent,
  GigRecommendation,
  GigRecommendationsQuery,
  UnansweredCallBody,
  WorkerRecommendation,
  WorkerRecommendationsQuery,
} from "./matching.schemas.ts";
import { recommendGigs, recommendWorkers } from "./recommendations.service.ts";

const tags = ["matching"];

export async function matchingRoutes(app: App): Promise<void> {
  const indexes = app.matching;
  registerIndexMetrics(app.metrics, indexes, app.ctx.database);

  app.get(
    "/api/workers/me/recommendations",
    {
      config: { access: ["worker"] },
      schema: {
        tags,
        summary: "Gigs recommended for me (为你推荐), with reasons",
        querystring: GigRecommendationsQuery,
        response: { 200: Type.Array(GigRecommendation), ...errorResponses },
      },
    },
    async (request) => recommendGigs(app.ctx, indexes, currentUser(request), request.query, request.lang),
  );

  app.get(
    "/api/stations/workers/:workerId/recommendations",
    {
      config: { access: ["station_staff", "district_admin"] },
      schema: {
        tags,
        summary: "Gigs recommended for a walk-in worker, with reasons, for staff to offer her (为她找活)",
        params: Type.Object({ workerId: Type.String({ format: "uuid" }) }),
        querystring: GigRecommendationsQuery,
        response: { 200: Type.Array(GigRecommendation), ...errorResponses },
      },
    },
    async (request) => {
      const worker = await workerActedFor(app.ctx, currentUser(request), request.params.workerId);
      // Just registered at this counter: the index may not have heard of her yet.
      if (!indexes.workers.get(worker.id)) await indexes.refresh(worker.id);
      return recommendGigs(app.ctx, indexes, worker, request.query, request.lang);
    },
  );

  app.get(
    "/api/gigs/:id/recommended-workers",
    {
      config: { access: ["employer", ...STAFF_ROLES] },
      schema: {
        tags,
        summary: "Workers recommended for a gig (推荐人选); phones masked",
        params: IdParams,
        querystring: WorkerRecommendationsQuery,
        response: { 200: Type.Array(WorkerRecommendation), ...errorResponses },
      },
    },
    async (request) =>
      recommendWorkers(
        app.ctx,
        indexes,
        currentUser(request),
        request.params.id,
        request.query.k,
        request.lang,
      ),
  );

  app.post(
    "/api/dispatches/preview",
    {
      config: { access: STAFF_ROLES },
      schema: {
        tags,
        summary: "Preview a morning dispatch (早市派工): the best offers for a district's gigs",
        body: DispatchPreviewBody,
        response: { 201: DispatchPreview, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await previewDispatch(app.ctx, indexes, currentUser(request), request.body, request.lang)),
  );

  app.post(
    "/api/dispatches/:id/send",
    {
      config: { access: STAFF_ROLES, idempotent: true },
      schema: {
        tags,
        summary: "Send a previewed dispatch as invitations the workers accept or decline",
        params: IdParams,
        response: { 200: DispatchSent, ...errorResponses },
      },
    },
    async (request) => sendDispatch(app.ctx, currentUser(request), request.params.id),
  );

  // The progress stream never ends by itself: the server ends it when it shuts down.
  const shutdown = new AbortController();
  app.addHook("preClose", async () => shutdown.abort());

  app.get(
    "/api/dispatches/:id",
    {
      config: { access: STAFF_ROLES },
      schema: {
        tags,
        summary:
          "Where each invitation of a dispatch stands (派工进展): invited, accepted, declined, expired",
        params: IdParams,
        response: { 200: DispatchProgress, ...errorResponses },
      },
    },
    async (request) => dispatchProgress(app.ctx, currentUser(request), request.params.id),
  );

  app.get(
    "/api/dispatches/:id/stream",
    {
      config: { access: STAFF_ROLES },
      schema: {
        tags,
        summary: "The dispatch's progress, live (server-sent events `progress`)",
        params: IdParams,
      },
    },
    async (request, reply) =>
      streamDispatchProgress(app.ctx, currentUser(request), request.params.id, reply, shutdown.signal),
  );

  app.get(
    "/api/dispatches/:id/offers/:offerId/call-card",
    {
      config: { access: STAFF_ROLES },
      schema: {
        tags,
        summary: "What to say when phoning her about the invitation, with her number (audited)",
        params: DispatchOfferParams,
        response: { 200: CallCard, ...errorResponses },
      },
    },
    async (request) =>
      callCard(
        app.ctx,
        currentUser(request),
        request.params.id,
        request.params.offerId,
        request.ip,
        request.lang,
      ),
  );

  app.post(
    "/api/dispatches/:id/offers/:offerId/unanswered-calls",
    {
      config: { access: STAFF_ROLES },
      schema: {
        tags,
        summary: "Staff phoned her and nobody answered (未接通); counted on the offer",
        params: DispatchOfferParams,
        body: UnansweredCallBody,
        response: { 201: DispatchProgress, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await recordUnansweredCall(
            app.ctx,
            currentUser(request),
            request.params.id,
            request.params.offerId,
          ),
        ),
  );
}
