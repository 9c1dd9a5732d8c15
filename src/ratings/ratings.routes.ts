/** Routes for ratings: rate the other side of a booking, the tag list, and the caller's ratings. */
import { Type } from "typebox";
import { currentUser } from "../platform/http/access.ts";
import { errorResponses, IdParams, Uuid } from "../platform/http/schemas.ts";
import type { App } from "../platform/http/types.ts";
import { RATING_TAGS } from "./rating-tags.ts";
import { MyRatings, RateBody, RatingTagSchema } from "./ratings.schemas.ts";
import { myRatings, rateBooking } from "./ratings.service.ts";

const tags = ["ratings"];

const GivenRating = Type.Object({
  id: Uuid,
  direction: Type.String(),
  stars: Type.Integer(),
  tags: Type.Array(Type.String()),
  comment: Type.String(),
});

export async function ratingRoutes(app: App): Promise<void> {
  app.post(
    "/api/bookings/:id/ratings",
    {
      config: { access: ["worker", "employer"], idempotent: true },
      schema: {
        tags,
        summary:
          "Rate the other side after the shift (评价): the worker the employer, the employer the worker",
        params: IdParams,
        body: RateBody,
        response: { 201: GivenRating, ...errorResponses },
      },
    },
    async (request, reply) => {
      const rating = await rateBooking(app.ctx, currentUser(request), request.params.id, request.body);
      return reply.code(201).send(rating);
    },
  );

  app.get(
    "/api/ratings/tags",
    {
      config: { access: "public" },
      schema: {
        tags,
        summary: "The rating tags of each direction",
        response: { 200: Type.Array(RatingTagSchema) },
      },
    },
    async () => [...RATING_TAGS],
  );

  app.get(
    "/api/me/ratings",
    {
      config: { access: ["worker", "employer"] },
      schema: {
        tags,
        summary: "Ratings I received and gave, and shifts still to rate",
        response: { 200: MyRatings, ...errorResponses },
      },
    },
    async (request) => myRatings(app.ctx, currentUser(request)),
  );
}
