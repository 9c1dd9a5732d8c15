/** Ratings both ways after a shift: once per direction, tags from a fixed list, totals kept in step. */
import type { BookingRow } from "../bookings/bookings.repository.ts";
import type { Tx } from "../db/client.ts";
import { recordMarketEvent } from "../market/market-events.ts";
import type { AppContext } from "../platform/context.ts";
import type { SessionUser } from "../platform/http/access.ts";
import { eventPlace, lockBookingFor } from "../shifts/shift-access.ts";
import { directionOf, firstUnknownTag, type RatingDirection } from "./rating-tags.ts";
import { ratingErrors } from "./ratings.errors.ts";
import * as repo from "./ratings.repository.ts";
import type { MyRatingsView, RateInput, RatingView } from "./ratings.schemas.ts";

/** Rating opens when the work is done: after check-out, by hand or by the sweeper. */
const RATEABLE = new Set(["checked_out", "completed"]);

/** The other side is the employer for a worker viewing, the worker for an employer viewing. */
function ratingView(row: repo.RatingWithShift, viewer: "worker" | "employer"): RatingView {
  const { rating } = row;
  return {
    id: rating.id,
    bookingId: rating.bookingId,
    direction: rating.direction,
    stars: rating.stars,
    tags: rating.tags,
    comment: rating.comment,
    createdAt: rating.createdAt.toISOString(),
    gigTitle: row.gigTitle,
    otherPartyName: viewer === "worker" ? row.employerName : row.workerName,
  };
}

/** The rated side's rating_sum and rating_count move in the rating's own transaction. */
async function addToTotals(
  tx: Tx,
  direction: RatingDirection,
  booking: BookingRow,
  stars: number,
  now: Date,
) {
  if (direction === "employer_to_worker") await repo.addToWorkerRating(tx, booking.workerId, stars, now);
  else await repo.addToEmployerRating(tx, booking.employerId, stars);
}

export async function rateBooking(
  ctx: AppContext,
  user: SessionUser,
  bookingId: string,
  input: RateInput,
): Promise<{ id: string; direction: RatingDirection; stars: number; tags: string[]; comment: string }> {
  const now = ctx.clock.now();
  return ctx.database.db.transaction(async (tx) => {
    const { row, party } = await lockBookingFor(tx, user, bookingId, ["worker", "employer"]);
    if (!RATEABLE.has(row.booking.status)) throw ratingErrors.rating_not_open_yet();
    const direction = directionOf(party === "worker" ? "worker" : "employer");
    const unknown = firstUnknownTag(direction, input.tags);
    if (unknown !== null) throw ratingErrors.unknown_rating_tag({ tag: unknown });
    const rating = await repo.insertRating(tx, {
      cityCode: row.gig.cityCode,
      bookingId,
      direction,
      raterUserId: user.id,
      stars: input.stars,
      tags: input.tags,
      comment: input.comment.trim(),
      createdAt: now,
    });
    if (!rating) throw ratingErrors.already_rated();
    await addToTotals(tx, direction, row.booking, input.stars, now);
    await recordMarketEvent(tx, {
      ...eventPlace(row, now),
      kind: "rating_given",
      subjectId: rating.id,
      detail: { direction, stars: input.stars, bookingId },
    });
    return { id: rating.id, direction, stars: rating.stars, tags: rating.tags, comment: rating.comment };
  });
}

const averageOf = (rows: RatingView[]) =>
  rows.length === 0 ? null : Math.round((rows.reduce((sum, r) => sum + r.stars, 0) / rows.length) * 10) / 10;

/** What the caller was given, what they gave, and the shifts still waiting for their rating. */
export async function myRatings(ctx: AppContext, user: SessionUser): Promise<MyRatingsView> {
  const db = ctx.database.db;
  const role = user.role === "worker" ? "worker" : "employer";
  const received = (await repo.ratingsReceived(db, role, user.id)).map((r) => ratingView(r, role));
  const given = (await repo.ratingsGiven(db, user.id)).map((r) => ratingView(r, role));
  const toRate = (await repo.bookingsToRate(db, role, user.id)).map((b) => ({
    bookingId: b.bookingId,
    gigTitle: b.gigTitle,
    endsAt: b.endsAt.toISOString(),
    otherPartyName: role === "worker" ? b.employerName : b.workerName,
  }));
  return {
    received,
    given,
    givenBookingIds: given.map((r) => r.bookingId),
    toRate,
    average: averageOf(received),
  };
}
