/**
 * Counters kept in step with rows, computed from the rows themselves so they are true:
 * a gig's filled_count (live bookings) and status, when it filled, workers' reliability
 * counts and both sides' rating sums.
 */
import type { BookingStatus } from "../db/schema/index.ts";
import type { BookingRow, CityBuild } from "./city.build.ts";

const LIVE: ReadonlySet<BookingStatus> = new Set([
  "booked",
  "confirmed",
  "checked_in",
  "checked_out",
  "completed",
]);

export function settleCounters(build: CityBuild): void {
  settleGigs(build);
  settleWorkers(build);
  settleEmployers(build);
}

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = groups.get(k);
    if (list) list.push(row);
    else groups.set(k, [row]);
  }
  return groups;
}

/** The first moment every place was held at once, by sweeping bookings made and ended. */
function filledMoment(bookings: readonly BookingRow[], headcount: number): number | null {
  const changes: [number, number][] = [];
  for (const b of bookings) {
    changes.push([(b.createdAt as Date).getTime(), 1]);
    const ended = b.cancelledAt ?? b.noShowAt;
    if (ended) changes.push([ended.getTime(), -1]);
  }
  changes.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let held = 0;
  for (const [at, delta] of changes) {
    held += delta;
    if (held >= headcount) return at;
  }
  return null;
}

function settleGigs(build: CityBuild): void {
  const byGig = groupBy(build.rows.bookings, (b) => b.gigId);
  for (const gig of build.rows.gigs) {
    const bookings = byGig.get(gig.id as string) ?? [];
    gig.filledCount = bookings.filter((b) => LIVE.has(b.status as BookingStatus)).length;
    const filledMs = filledMoment(bookings, gig.headcount);
    if (filledMs !== null) {
      gig.filledAt = new Date(filledMs);
      build.event("gig_filled", filledMs, {
        districtCode: gig.districtCode,
        categoryCode: gig.categoryCode,
        subjectId: gig.id,
        quantity: gig.headcount,
      });
    }
    if (gig.status === "cancelled") continue;
    const ended = (gig.endsAt as Date).getTime() <= build.nowMs;
    gig.status = ended ? "closed" : gig.filledCount >= gig.headcount ? "filled" : "open";
    if (ended) gig.updatedAt = gig.endsAt;
  }
}

function settleWorkers(build: CityBuild): void {
  const byWorker = groupBy(build.rows.bookings, (b) => b.workerId);
  const bookingWorker = new Map(build.rows.bookings.map((b) => [b.id, b.workerId]));
  const ratings = groupBy(
    build.rows.ratings.filter((r) => r.direction === "employer_to_worker"),
    (r) => bookingWorker.get(r.bookingId) ?? "",
  );
  for (const profile of build.rows.workerProfiles) {
    const bookings = byWorker.get(profile.userId) ?? [];
    profile.completedCount = bookings.filter((b) => b.status === "completed").length;
    profile.noShowCount = bookings.filter((b) => b.status === "no_show").length;
    profile.lateCancelCount = bookings.filter((b) => b.lateCancel).length;
    const received = ratings.get(profile.userId) ?? [];
    profile.ratingCount = received.length;
    profile.ratingSum = received.reduce((sum, r) => sum + r.stars, 0);
  }
}

function settleEmployers(build: CityBuild): void {
  const bookingEmployer = new Map(build.rows.bookings.map((b) => [b.id, b.employerId]));
  const ratings = groupBy(
    build.rows.ratings.filter((r) => r.direction === "worker_to_employer"),
    (r) => bookingEmployer.get(r.bookingId) ?? "",
  );
  for (const employer of build.rows.employers) {
    const received = ratings.get(employer.id as string) ?? [];
    employer.ratingCount = received.length;
    employer.ratingSum = received.reduce((sum, r) => sum + r.stars, 0);
  }
}
