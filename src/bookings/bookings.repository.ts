/**
 * SQL for bookings. `findBookingWithGig` and `lockBookingWithGig` are the way other areas
 * (shifts, timesheets, payments, ratings) load a booking together with its gig.
 */
import { and, desc, eq, gt, inArray, lt, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { DbOrTx } from "../db/client.ts";
import {
  type BookingStatus,
  bookings,
  cities,
  employers,
  gigs,
  users,
  workerProfiles,
} from "../db/schema/index.ts";
import { lockGig } from "../gigs/gigs.repository.ts";
import { LIVE_BOOKING_STATUSES } from "./booking.machine.ts";

export type BookingRow = typeof bookings.$inferSelect;

const workerUser = alias(users, "worker_user");
const ownerUser = alias(users, "owner_user");

const bookingWithGig = {
  booking: bookings,
  gig: gigs,
  workerName: sql<string>`coalesce(${workerProfiles.name}, ${workerUser.displayName})`,
  workerPhone: workerUser.phone,
  employerName: employers.name,
  employerOwnerUserId: employers.ownerUserId,
  employerPhone: ownerUser.phone,
};

function selectBookingsWithGig(db: DbOrTx) {
  return db
    .select(bookingWithGig)
    .from(bookings)
    .innerJoin(gigs, eq(gigs.id, bookings.gigId))
    .innerJoin(employers, eq(employers.id, bookings.employerId))
    .innerJoin(workerUser, eq(workerUser.id, bookings.workerId))
    .innerJoin(ownerUser, eq(ownerUser.id, employers.ownerUserId))
    .leftJoin(workerProfiles, eq(workerProfiles.userId, bookings.workerId));
}

export type BookingWithGig = NonNullable<Awaited<ReturnType<typeof findBookingWithGig>>>;

export async function findBookingWithGig(db: DbOrTx, id: string) {
  const [row] = await selectBookingsWithGig(db).where(eq(bookings.id, id)).limit(1);
  return row ?? null;
}

/**
 * Locks the booking's gig (shared) and then the booking row for the rest of the transaction,
 * in the order every command follows (decision 0006), then loads the booking with its gig.
 * A booking never moves to another gig, so reading its gig before the locks is safe.
 */
export async function lockBookingWithGig(db: DbOrTx, id: string): Promise<BookingWithGig | null> {
  const [found] = await db.select({ gigId: bookings.gigId }).from(bookings).where(eq(bookings.id, id));
  if (!found) return null;
  await lockGig(db, found.gigId, "share");
  await db.select({ id: bookings.id }).from(bookings).where(eq(bookings.id, id)).for("update");
  return findBookingWithGig(db, id);
}

export async function bookingsOfWorker(db: DbOrTx, workerId: string) {
  return selectBookingsWithGig(db)
    .where(eq(bookings.workerId, workerId))
    .orderBy(desc(gigs.startsAt))
    .limit(200);
}

export async function bookingsOfEmployer(db: DbOrTx, employerId: string, gigId?: string) {
  const where = gigId
    ? and(eq(bookings.employerId, employerId), eq(bookings.gigId, gigId))
    : eq(bookings.employerId, employerId);
  return selectBookingsWithGig(db).where(where).orderBy(desc(gigs.startsAt)).limit(500);
}

export async function insertBooking(db: DbOrTx, values: typeof bookings.$inferInsert): Promise<BookingRow> {
  const [row] = await db.insert(bookings).values(values).returning();
  return row;
}

/** Moves a booking only if it is still in `from`; null when another request got there first. */
export async function moveBookingStatus(
  db: DbOrTx,
  id: string,
  from: readonly BookingStatus[],
  values: Partial<typeof bookings.$inferInsert> & { status: BookingStatus },
): Promise<BookingRow | null> {
  const [row] = await db
    .update(bookings)
    .set(values)
    .where(and(eq(bookings.id, id), inArray(bookings.status, [...from])))
    .returning();
  return row ?? null;
}

/**
 * Serialises booking decisions for one worker (row lock on their profile), so two
 * overlapping offers accepted at the same moment cannot both pass the clash check.
 */
export async function lockWorker(db: DbOrTx, workerId: string): Promise<boolean> {
  const rows = await db
    .select({ id: workerProfiles.userId })
    .from(workerProfiles)
    .where(eq(workerProfiles.userId, workerId))
    .for("update");
  return rows.length > 0;
}

/** Whether the worker holds a live booking whose gig overlaps [startsAt, endsAt). */
export async function workerHasClash(
  db: DbOrTx,
  workerId: string,
  startsAt: Date,
  endsAt: Date,
): Promise<boolean> {
  const rows = await db
    .select({ id: bookings.id })
    .from(bookings)
    .innerJoin(gigs, eq(gigs.id, bookings.gigId))
    .where(
      and(
        eq(bookings.workerId, workerId),
        inArray(bookings.status, [...LIVE_BOOKING_STATUSES]),
        lt(gigs.startsAt, endsAt),
        gt(gigs.endsAt, startsAt),
      ),
    )
    .limit(1);
  return rows.length > 0;
}

/** Cancels every booking of the gig that has not started work; used when the gig is cancelled. */
export async function cancelLiveBookingsOfGig(
  db: DbOrTx,
  gigId: string,
  now: Date,
  reason: string,
): Promise<BookingRow[]> {
  return db
    .update(bookings)
    .set({ status: "cancelled", cancelledAt: now, cancelledBy: "employer", cancelReason: reason })
    .where(and(eq(bookings.gigId, gigId), inArray(bookings.status, ["booked", "confirmed"])))
    .returning();
}

/** Bookings of the gig whose worker has checked in (or finished). */
export async function countBookingsAtWork(db: DbOrTx, gigId: string): Promise<number> {
  const [{ count }] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(bookings)
    .where(
      and(eq(bookings.gigId, gigId), inArray(bookings.status, ["checked_in", "checked_out", "completed"])),
    );
  return count;
}

export async function addToWorkerCounter(
  db: DbOrTx,
  workerId: string,
  counter: "noShowCount" | "lateCancelCount",
  now: Date,
): Promise<void> {
  const column = workerProfiles[counter];
  await db
    .update(workerProfiles)
    .set({ [counter]: sql`${column} + 1`, updatedAt: now })
    .where(eq(workerProfiles.userId, workerId));
}

/** The city's tunable rules: free-cancel window and no-show grace. */
export async function cityRules(db: DbOrTx, cityCode: string) {
  const [row] = await db
    .select({ freeCancelHours: cities.freeCancelHours, noShowGraceMin: cities.noShowGraceMin })
    .from(cities)
    .where(eq(cities.code, cityCode))
    .limit(1);
  return row ?? { freeCancelHours: 12, noShowGraceMin: 30 };
}

export async function findWorkerProfile(db: DbOrTx, workerId: string) {
  const [row] = await db.select().from(workerProfiles).where(eq(workerProfiles.userId, workerId)).limit(1);
  return row ?? null;
}
