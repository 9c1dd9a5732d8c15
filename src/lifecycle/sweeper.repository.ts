/**
 * SQL for the sweeper: each step is one set-based, conditional UPDATE, so a row a person
 * changed a moment earlier (a worker checking out, an employer marking a no-show) no longer
 * matches and is left alone.
 */
import { and, eq, exists, inArray, lte, ne, or, sql } from "drizzle-orm";
import type { DbOrTx } from "../db/client.ts";
import { applications, bookings, cities, gigs, timesheets, workerProfiles } from "../db/schema/index.ts";

/** One instance sweeps per round; the others find the lock taken and skip. */
const SWEEPER_LOCK = 72_631_202;

export async function tryRoundLock(tx: DbOrTx): Promise<boolean> {
  const result = (await tx.execute(
    sql`select pg_try_advisory_xact_lock(${SWEEPER_LOCK}) as locked`,
  )) as unknown as {
    rows: Array<{ locked: boolean }>;
  };
  return result.rows[0]?.locked === true;
}

const at = (now: Date) => sql`${now.toISOString()}::timestamptz`;

/**
 * Locks, in id order, every gig this round may change or whose bookings it may change: ended
 * gigs still open or filled, or with bookings not yet settled. Taking the gigs first, as every
 * request does (decision 0006), means the round cannot deadlock with a cancellation.
 */
export async function lockGigsToSweep(tx: DbOrTx, now: Date): Promise<void> {
  const unsettled = tx
    .select({ id: bookings.id })
    .from(bookings)
    .where(and(eq(bookings.gigId, gigs.id), inArray(bookings.status, ["booked", "confirmed", "checked_in"])));
  await tx
    .select({ id: gigs.id })
    .from(gigs)
    .where(and(lte(gigs.endsAt, at(now)), or(inArray(gigs.status, ["open", "filled"]), exists(unsettled))))
    .orderBy(gigs.id)
    .for("no key update");
}

/** The gig fields a market event and a timesheet need. */
const gigOfBooking = {
  id: bookings.id,
  gigId: bookings.gigId,
  workerId: bookings.workerId,
  checkedInAt: bookings.checkedInAt,
  cityCode: gigs.cityCode,
  districtCode: gigs.districtCode,
  categoryCode: gigs.categoryCode,
  startsAt: gigs.startsAt,
  endsAt: gigs.endsAt,
};
export type SweptBooking = {
  id: string;
  gigId: string;
  workerId: string;
  checkedInAt: Date | null;
  cityCode: string;
  districtCode: string;
  categoryCode: string;
  startsAt: Date;
  endsAt: Date;
};

/** Checked-in bookings whose gig ended more than the city's auto-check-out grace ago. */
function forgottenCheckOuts(tx: DbOrTx, now: Date) {
  return tx
    .select({ id: bookings.id })
    .from(bookings)
    .innerJoin(gigs, eq(gigs.id, bookings.gigId))
    .innerJoin(cities, eq(cities.code, gigs.cityCode))
    .where(
      and(
        eq(bookings.status, "checked_in"),
        lte(sql`${gigs.endsAt} + make_interval(mins => ${cities.autoCheckOutGraceMin})`, at(now)),
      ),
    );
}

async function withGigs(tx: DbOrTx, ids: string[]): Promise<SweptBooking[]> {
  if (ids.length === 0) return [];
  return tx
    .select(gigOfBooking)
    .from(bookings)
    .innerJoin(gigs, eq(gigs.id, bookings.gigId))
    .where(inArray(bookings.id, ids));
}

/** Checks out at the gig's end, flagged for the employer's review. */
export async function closeForgottenCheckOuts(tx: DbOrTx, now: Date): Promise<SweptBooking[]> {
  const moved = await tx
    .update(bookings)
    .set({
      status: "checked_out",
      autoCheckedOut: true,
      checkedOutAt: sql`(select ${gigs.endsAt} from ${gigs} where ${gigs.id} = ${bookings.gigId})`,
    })
    .where(and(eq(bookings.status, "checked_in"), inArray(bookings.id, forgottenCheckOuts(tx, now))))
    .returning({ id: bookings.id });
  return withGigs(
    tx,
    moved.map((row) => row.id),
  );
}

export async function insertTimesheets(
  tx: DbOrTx,
  rows: Array<typeof timesheets.$inferInsert>,
): Promise<void> {
  if (rows.length > 0) await tx.insert(timesheets).values(rows).onConflictDoNothing();
}

/** Bookings never checked in once their gig has ended. */
export async function markNoShows(tx: DbOrTx, now: Date): Promise<SweptBooking[]> {
  const ended = tx
    .select({ id: gigs.id })
    .from(gigs)
    .where(lte(gigs.endsAt, at(now)));
  const moved = await tx
    .update(bookings)
    .set({ status: "no_show", noShowAt: now })
    .where(and(inArray(bookings.status, ["booked", "confirmed"]), inArray(bookings.gigId, ended)))
    .returning({ id: bookings.id });
  return withGigs(
    tx,
    moved.map((row) => row.id),
  );
}

/** Each worker's no-show count goes up by their bookings among `bookingIds`. */
export async function countNoShows(tx: DbOrTx, bookingIds: string[], now: Date): Promise<void> {
  if (bookingIds.length === 0) return;
  const mine = sql`(select count(*)::int from ${bookings} where ${bookings.workerId} = ${workerProfiles.userId} and ${inArray(bookings.id, bookingIds)})`;
  const workers = tx.select({ id: bookings.workerId }).from(bookings).where(inArray(bookings.id, bookingIds));
  await tx
    .update(workerProfiles)
    .set({ noShowCount: sql`${workerProfiles.noShowCount} + ${mine}`, updatedAt: now })
    .where(inArray(workerProfiles.userId, workers));
}

/** A no-show holds no place: the gigs' filled counts drop by their no-shows among `bookingIds`. */
export async function releaseNoShowPlaces(tx: DbOrTx, bookingIds: string[], now: Date): Promise<void> {
  if (bookingIds.length === 0) return;
  const theirs = sql`(select count(*)::int from ${bookings} where ${bookings.gigId} = ${gigs.id} and ${inArray(bookings.id, bookingIds)})`;
  const affected = tx.select({ id: bookings.gigId }).from(bookings).where(inArray(bookings.id, bookingIds));
  await tx
    .update(gigs)
    .set({ filledCount: sql`greatest(${gigs.filledCount} - ${theirs}, 0)`, updatedAt: now })
    .where(inArray(gigs.id, affected));
}

/** Open or filled gigs whose end has passed. */
export async function closeEndedGigs(tx: DbOrTx, now: Date) {
  return tx
    .update(gigs)
    .set({ status: "closed", updatedAt: now })
    .where(and(inArray(gigs.status, ["open", "filled"]), lte(gigs.endsAt, at(now))))
    .returning({
      id: gigs.id,
      cityCode: gigs.cityCode,
      districtCode: gigs.districtCode,
      categoryCode: gigs.categoryCode,
    });
}

/** Pending applications and invitations of gigs that started, filled, closed or were cancelled. */
export async function expireStaleApplications(tx: DbOrTx, now: Date) {
  const past = tx
    .select({ id: gigs.id })
    .from(gigs)
    .where(or(lte(gigs.startsAt, at(now)), ne(gigs.status, "open")));
  return tx
    .update(applications)
    .set({ status: "expired", decidedAt: now })
    .where(and(eq(applications.status, "pending"), inArray(applications.gigId, past)))
    .returning({ id: applications.id, cityCode: applications.cityCode, kind: applications.kind });
}
