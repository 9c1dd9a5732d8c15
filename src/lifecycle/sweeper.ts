/**
 * The sweeper: what happens because time passed, not because someone acted.
 *   (a) a worker who forgot to check out is checked out at the gig's end once the city's
 *       auto-check-out grace is over (flagged autoCheckedOut for the employer's review);
 *   (b) a booking never checked in by the gig's end is a no-show (employers may mark one
 *       earlier, after the no-show grace, through the bookings route);
 *   (c) a gig whose end has passed is closed;
 *   (d) pending applications and invitations of gigs that started, filled, closed or were
 *       cancelled expire;
 *   (e) reminders go out, and complaints near or past their due date are escalated (督办).
 * Every instance runs it; `pg_try_advisory_xact_lock` lets one sweep per round and the
 * others skip. Each step is a conditional UPDATE, so it never undoes a person's action.
 */
import { escalateComplaints } from "../complaints/escalation.ts";
import type { Tx } from "../db/client.ts";
import { inTransaction } from "../db/transaction.ts";
import { recordMarketEvent } from "../market/market-events.ts";
import { sendReminders } from "../notifications/reminders.ts";
import type { AppContext } from "../platform/context.ts";
import { measuredMinutes } from "../shifts/check-in.rules.ts";
import * as repo from "./sweeper.repository.ts";

export interface SweepReport {
  /** False when another instance held this round. */
  swept: boolean;
  autoCheckedOut: number;
  noShows: number;
  gigsClosed: number;
  applicationsExpired: number;
}

const place = (row: repo.SweptBooking, at: Date) => ({
  cityCode: row.cityCode,
  districtCode: row.districtCode,
  categoryCode: row.categoryCode,
  subjectId: row.id,
  at,
});

async function closeForgottenCheckOuts(tx: Tx, now: Date): Promise<number> {
  const closed = await repo.closeForgottenCheckOuts(tx, now);
  const minutesOf = (row: repo.SweptBooking) =>
    measuredMinutes(row.startsAt, row.checkedInAt ?? row.startsAt, row.endsAt);
  await repo.insertTimesheets(
    tx,
    closed.map((row) => ({ bookingId: row.id, cityCode: row.cityCode, measuredMinutes: minutesOf(row) })),
  );
  for (const row of closed) {
    await recordMarketEvent(tx, {
      ...place(row, now),
      kind: "checked_out",
      detail: { minutes: minutesOf(row), auto: true },
    });
  }
  return closed.length;
}

async function markNoShows(tx: Tx, now: Date): Promise<number> {
  const missed = await repo.markNoShows(tx, now);
  const ids = missed.map((row) => row.id);
  await repo.countNoShows(tx, ids, now);
  await repo.releaseNoShowPlaces(tx, ids, now);
  for (const row of missed) {
    await recordMarketEvent(tx, { ...place(row, now), kind: "no_show", detail: { by: "sweeper" } });
  }
  return missed.length;
}

async function closeEndedGigs(tx: Tx, now: Date): Promise<number> {
  const closed = await repo.closeEndedGigs(tx, now);
  for (const gig of closed) {
    await recordMarketEvent(tx, { ...gig, subjectId: gig.id, kind: "gig_closed", at: now });
  }
  return closed.length;
}

async function expireStaleApplications(tx: Tx, now: Date): Promise<number> {
  const expired = await repo.expireStaleApplications(tx, now);
  for (const application of expired) {
    await recordMarketEvent(tx, {
      cityCode: application.cityCode,
      kind: "application_decided",
      subjectId: application.id,
      detail: { outcome: "expired", kind: application.kind },
      at: now,
    });
  }
  return expired.length;
}

/** One round, in one transaction: all four steps commit together or not at all. */
export async function sweep(ctx: AppContext): Promise<SweepReport> {
  const now = ctx.clock.now();
  return inTransaction(ctx.database.db, async (tx) => {
    if (!(await repo.tryRoundLock(tx))) {
      return { swept: false, autoCheckedOut: 0, noShows: 0, gigsClosed: 0, applicationsExpired: 0 };
    }
    await repo.lockGigsToSweep(tx, now);
    // Check-outs first: a worker still checked in is not a no-show.
    const autoCheckedOut = await closeForgottenCheckOuts(tx, now);
    const noShows = await markNoShows(tx, now);
    const gigsClosed = await closeEndedGigs(tx, now);
    const applicationsExpired = await expireStaleApplications(tx, now);
    await sendReminders(tx, now);
    await escalateComplaints(tx, now);
    return { swept: true, autoCheckedOut, noShows, gigsClosed, applicationsExpired };
  });
}

/**
 * Sweeps every `intervalMs` until the returned function is called; that function waits for a
 * round in progress, so the database can be closed right after. A failed round is logged and
 * the next one tries again.
 */
export function startSweeper(
  ctx: AppContext,
  intervalMs: number,
  onError: (error: unknown) => void = (error) => console.error("sweeper round failed", error),
): () => Promise<void> {
  let running: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    running = running.then(() => sweep(ctx)).catch(onError);
  }, intervalMs);
  return async () => {
    clearInterval(timer);
    await running;
  };
}
