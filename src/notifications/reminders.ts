/**
 * Reminders the sweeper sends because time passed: the evening before a shift (from 18:00
 * Shanghai time, for shifts tomorrow), an hour and a quarter before (so the worker still has time
 * to set off), when the check-in window opens, and to staff a day before a complaint falls due.
 * Each carries a once-key, so however many sweeps see it, it is sent once.
 */
import type { DbOrTx } from "../db/client.ts";
import { checkInOpensAt } from "../shifts/check-in.rules.ts";
import { notify } from "./notify.ts";
import * as repo from "./reminders.repository.ts";
import type { NotificationKind } from "./templates.ts";

const HOUR_MS = 3_600_000;
const SHANGHAI_OFFSET_MS = 8 * HOUR_MS;
/** The evening reminder goes out from this local hour. */
export const EVENING_FROM_HOUR = 18;
/** The "one hour before" reminder: early enough to set off on time. */
export const HOUR_REMINDER_MS = 75 * 60_000;
const COMPLAINT_WARNING_MS = 24 * HOUR_MS;

/** The start and end of tomorrow in Shanghai, when it is evening now; otherwise null. */
export function tomorrowIfEvening(now: Date): { from: Date; to: Date } | null {
  const local = new Date(now.getTime() + SHANGHAI_OFFSET_MS);
  if (local.getUTCHours() < EVENING_FROM_HOUR) return null;
  const midnight =
    Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate()) - SHANGHAI_OFFSET_MS;
  return { from: new Date(midnight + 24 * HOUR_MS), to: new Date(midnight + 48 * HOUR_MS) };
}

async function remindShifts(tx: DbOrTx, shifts: repo.DueShift[], kind: NotificationKind, now: Date) {
  for (const s of shifts) {
    await notify(tx, {
      userId: s.workerId,
      kind,
      facts: {
        gig: s.gig,
        startsAt: s.startsAt.toISOString(),
        address: s.address,
        bring: s.bring,
        employer: s.employer,
      },
      link: kind === "check_in_open" ? `/worker/shifts/${s.bookingId}` : "/worker/work",
      onceKey: `${kind}:${s.bookingId}`,
      at: now,
    });
  }
  return shifts.length;
}

/** One sweep's reminders; returns how many were sent. */
export async function sendReminders(tx: DbOrTx, now: Date): Promise<number> {
  let sent = 0;
  const tomorrow = tomorrowIfEvening(now);
  if (tomorrow) {
    const due = await repo.shiftsStartingBetween(tx, tomorrow.from, tomorrow.to, "reminder_evening");
    sent += await remindShifts(tx, due, "reminder_evening", now);
  }
  const soon = await repo.shiftsStartingBetween(
    tx,
    now,
    new Date(now.getTime() + HOUR_REMINDER_MS),
    "reminder_hour",
  );
  sent += await remindShifts(tx, soon, "reminder_hour", now);
  // The window opens an hour before the start: shifts starting within the hour have it open.
  const opensWithin = now.getTime() - checkInOpensAt({ startsAt: now }).getTime();
  const open = await repo.shiftsStartingBetween(
    tx,
    now,
    new Date(now.getTime() + opensWithin),
    "check_in_open",
  );
  sent += await remindShifts(tx, open, "check_in_open", now);
  for (const c of await repo.complaintsDueBefore(tx, new Date(now.getTime() + COMPLAINT_WARNING_MS))) {
    await notify(tx, {
      userId: c.staffUserId,
      kind: "complaint_due_soon",
      facts: { dueAt: c.dueAt.toISOString() },
      link: "/station/complaints",
      onceKey: `complaint_due:${c.complaintId}`,
      at: now,
    });
    sent += 1;
  }
  return sent;
}
