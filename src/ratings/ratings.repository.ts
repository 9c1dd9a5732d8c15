/** SQL for ratings: the rating itself, the rated side's running totals, and each side's lists. */
import { and, desc, eq, inArray, notExists, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { DbOrTx } from "../db/client.ts";
import { bookings, employers, gigs, ratings, users, workerProfiles } from "../db/schema/index.ts";
import type { RatingDirection } from "./rating-tags.ts";

export type RatingRow = typeof ratings.$inferSelect;

/** Null when this direction was already rated: the unique index decides, under any race. */
export async function insertRating(
  db: DbOrTx,
  values: typeof ratings.$inferInsert,
): Promise<RatingRow | null> {
  const [row] = await db.insert(ratings).values(values).onConflictDoNothing().returning();
  return row ?? null;
}

export async function addToWorkerRating(db: DbOrTx, workerId: string, stars: number, now: Date) {
  await db
    .update(workerProfiles)
    .set({
      ratingSum: sql`${workerProfiles.ratingSum} + ${stars}`,
      ratingCount: sql`${workerProfiles.ratingCount} + 1`,
      updatedAt: now,
    })
    .where(eq(workerProfiles.userId, workerId));
}

export async function addToEmployerRating(db: DbOrTx, employerId: string, stars: number) {
  await db
    .update(employers)
    .set({
      ratingSum: sql`${employers.ratingSum} + ${stars}`,
      ratingCount: sql`${employers.ratingCount} + 1`,
    })
    .where(eq(employers.id, employerId));
}

const workerUser = alias(users, "rated_worker");
const ratingWithShift = {
  rating: ratings,
  gigTitle: gigs.title,
  workerName: sql<string>`coalesce(${workerProfiles.name}, ${workerUser.displayName})`,
  employerName: employers.name,
};

function ratingsWhere(db: DbOrTx, where: SQL | undefined) {
  return db
    .select(ratingWithShift)
    .from(ratings)
    .innerJoin(bookings, eq(bookings.id, ratings.bookingId))
    .innerJoin(gigs, eq(gigs.id, bookings.gigId))
    .innerJoin(employers, eq(employers.id, bookings.employerId))
    .innerJoin(workerUser, eq(workerUser.id, bookings.workerId))
    .leftJoin(workerProfiles, eq(workerProfiles.userId, bookings.workerId))
    .where(where)
    .orderBy(desc(ratings.createdAt))
    .limit(200);
}

export type RatingWithShift = Awaited<ReturnType<typeof ratingsWhere>>[number];

/** Whose side of a booking a user is on: the worker by id, the employer through its owner. */
function sideOf(role: "worker" | "employer", userId: string): SQL {
  return role === "worker" ? eq(bookings.workerId, userId) : eq(employers.ownerUserId, userId);
}

export function ratingsGiven(db: DbOrTx, userId: string) {
  return ratingsWhere(db, eq(ratings.raterUserId, userId));
}

export function ratingsReceived(db: DbOrTx, role: "worker" | "employer", userId: string) {
  const toMe: RatingDirection = role === "worker" ? "employer_to_worker" : "worker_to_employer";
  return ratingsWhere(db, and(eq(ratings.direction, toMe), sideOf(role, userId)));
}

/** Bookings past check-out that this side has not rated yet, latest first. */
export function bookingsToRate(db: DbOrTx, role: "worker" | "employer", userId: string) {
  const mine: RatingDirection = role === "worker" ? "worker_to_employer" : "employer_to_worker";
  const rated = db
    .select({ id: ratings.id })
    .from(ratings)
    .where(and(eq(ratings.bookingId, bookings.id), eq(ratings.direction, mine)));
  return db
    .select({
      bookingId: bookings.id,
      gigTitle: gigs.title,
      endsAt: gigs.endsAt,
      workerName: sql<string>`coalesce(${workerProfiles.name}, ${workerUser.displayName})`,
      employerName: employers.name,
    })
    .from(bookings)
    .innerJoin(gigs, eq(gigs.id, bookings.gigId))
    .innerJoin(employers, eq(employers.id, bookings.employerId))
    .innerJoin(workerUser, eq(workerUser.id, bookings.workerId))
    .leftJoin(workerProfiles, eq(workerProfiles.userId, bookings.workerId))
    .where(
      and(sideOf(role, userId), inArray(bookings.status, ["checked_out", "completed"]), notExists(rated)),
    )
    .orderBy(desc(gigs.endsAt))
    .limit(100);
}
