/** Schemas for ratings: the body of a rating, one rating, the tags, and the caller's lists. */
import { type Static, Type } from "typebox";
import { Timestamp, Uuid } from "../platform/http/schemas.ts";

const Direction = Type.Union([Type.Literal("worker_to_employer"), Type.Literal("employer_to_worker")]);

export const RateBody = Type.Object(
  {
    stars: Type.Integer({ minimum: 1, maximum: 5 }),
    tags: Type.Array(Type.String({ maxLength: 20 }), { maxItems: 5, uniqueItems: true, default: [] }),
    comment: Type.String({ maxLength: 500, default: "" }),
  },
  { additionalProperties: false },
);
export type RateInput = Static<typeof RateBody>;

export const Rating = Type.Object({
  id: Uuid,
  bookingId: Uuid,
  direction: Direction,
  stars: Type.Integer(),
  tags: Type.Array(Type.String()),
  comment: Type.String(),
  createdAt: Timestamp,
  gigTitle: Type.String(),
  /** The other side: the employer's name for the worker, the worker's for the employer. */
  otherPartyName: Type.String(),
});
export type RatingView = Static<typeof Rating>;

export const RatingTagSchema = Type.Object({
  code: Type.String(),
  nameZh: Type.String(),
  nameEn: Type.String(),
  direction: Direction,
  negative: Type.Boolean(),
});

export const MyRatings = Type.Object({
  received: Type.Array(Rating),
  given: Type.Array(Rating),
  /** Bookings the caller rated already (the web app marks them). */
  givenBookingIds: Type.Array(Uuid),
  toRate: Type.Array(
    Type.Object({
      bookingId: Uuid,
      gigTitle: Type.String(),
      endsAt: Timestamp,
      otherPartyName: Type.String(),
    }),
  ),
  /** Average of the stars received, one decimal; null before the first rating. */
  average: Type.Union([Type.Number(), Type.Null()]),
});
export type MyRatingsView = Static<typeof MyRatings>;
