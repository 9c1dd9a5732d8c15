/** Gig routes: post, browse, detail, the employer's own gigs, cancel. */
import { Type } from "typebox";
import { currentUser, STAFF_ROLES } from "../platform/http/access.ts";
import { errorResponses, IdParams } from "../platform/http/schemas.ts";
import type { App } from "../platform/http/types.ts";
import { browse } from "./gigs.browse.ts";
import { BrowseQuery, CancelGigBody, GigDetail, GigPage, MyGig, PostGigBody } from "./gigs.schemas.ts";
import { cancelGig, getGig, myGigs, postGig } from "./gigs.service.ts";

const tags = ["gigs"];

export async function gigRoutes(app: App): Promise<void> {
  app.post(
    "/api/gigs",
    {
      config: { access: ["employer", "station_staff"] },
      schema: {
        tags,
        summary: "Post a gig (发布零工岗位); staff may post for an employer",
        body: PostGigBody,
        response: { 201: GigDetail, ...errorResponses },
      },
    },
    async (request, reply) => {
      const gig = await postGig(app.ctx, currentUser(request), request.body);
      // The poster's next browse on this instance finds it without waiting for the notice.
      await app.matching.refresh(gig.id);
      return reply.status(201).send(gig);
    },
  );

  app.get(
    "/api/gigs",
    {
      config: { access: "public" },
      schema: {
        tags,
        summary: "Browse open gigs",
        querystring: BrowseQuery,
        response: { 200: GigPage, ...errorResponses },
      },
    },
    // A visitor without a session browses the city the request is in (request-city.ts).
    async (request) => browse(app.ctx, request.cityCode, request.query, app.matching),
  );

  app.get(
    "/api/gigs/:id",
    {
      config: { access: "public" },
      schema: {
        tags,
        summary: "A gig's detail",
        params: IdParams,
        response: { 200: GigDetail, ...errorResponses },
      },
    },
    async (request) => getGig(app.ctx, request.user, request.params.id),
  );

  app.get(
    "/api/employers/me/gigs",
    {
      config: { access: ["employer"] },
      schema: {
        tags,
        summary: "My gigs with fill status and answers awaited",
        response: { 200: Type.Array(MyGig), ...errorResponses },
      },
    },
    async (request) => myGigs(app.ctx, currentUser(request)),
  );

  app.post(
    "/api/gigs/:id/cancel",
    {
      config: { access: ["employer", ...STAFF_ROLES] },
      schema: {
        tags,
        summary: "Cancel a gig with its bookings and pending applications",
        params: IdParams,
        body: CancelGigBody,
        response: { 200: GigDetail, ...errorResponses },
      },
    },
    async (request) => {
      const gig = await cancelGig(app.ctx, currentUser(request), request.params.id, request.body);
      await app.matching.refresh(gig.id);
      return gig;
    },
  );
}
