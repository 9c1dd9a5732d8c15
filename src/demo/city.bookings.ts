/**
 * How places on a gig are taken: a worker applies (or is invited), the employer accepts and a
 * booking is made; then the worker confirms, cancels (sometimes late), fails to turn up, or
 * works the shift. Times run forward from the post and stop at "now".
 */
import {
  type BookingRow,
  type CityBuild,
  type DemoWorker,
  HOUR_MS,
  localDay,
  MINUTE_MS,
} from "./city.build.ts";
import type { DemoGig } from "./city.gigs.ts";
import { type UnpaidShift, workShift } from "./city.shift.ts";

/** The city's default free-cancel window (cities.free_cancel_hours). */
const FREE_CANCEL_HOURS = 12;

export type Outcome = "work" | "worker_cancel" | "late_cancel" | "employer_cancel" | "no_show";

/** Workers by district and category, to find people for a place quickly. */
export class WorkerIndex {
  private byCategory = new Map<number, DemoWorker[]>();
  private byDistrictCategory = new Map<string, DemoWorker[]>();

  constructor(workers: readonly DemoWorker[]) {
    for (const w of workers)
      for (const c of w.categories) {
        push(this.byCategory, c, w);
        push(this.byDistrictCategory, `${w.district}:${c}`, w);
      }
  }

  /** A worker of the gig's category, free that day, registered in time, not yet on this gig. */
  find(build: CityBuild, gig: DemoGig, byMs: number): DemoWorker | null {
    const { random } = build;
    const day = localDay(gig.startMs);
    for (let attempt = 0; attempt < 12; attempt++) {
      const pool = random.chance(0.8)
        ? this.byDistrictCategory.get(`${gig.district}:${gig.categoryIndex}`)
        : this.byCategory.get(gig.categoryIndex);
      if (!pool?.length) continue;
      const worker = random.pick(pool);
      if (worker.createdMs < byMs && !worker.busyDays.has(day) && !gig.workersSeen.has(worker.id))
        return worker;
    }
    return null;
  }
}

function push<K>(map: Map<K, DemoWorker[]>, key: K, worker: DemoWorker): void {
  const list = map.get(key);
  if (list) list.push(worker);
  else map.set(key, [worker]);
}

/** Records an application or invitation; returns its id. */
export function apply(
  build: CityBuild,
  gig: DemoGig,
  worker: DemoWorker,
  atMs: number,
  status: "pending" | "accepted" | "rejected" | "expired",
  decidedMs: number | null,
  kind: "application" | "invitation" = build.random.chance(0.2) ? "invitation" : "application",
): string {
  const { random } = build;
  const id = random.uuid();
  gig.workersSeen.add(worker.id);
  build.rows.applications.push({
    id,
    cityCode: build.cityCode,
    gigId: gig.row.id as string,
    workerId: worker.id,
    kind,
    status,
    message:
      kind === "invitation"
        ? "您好，看到您的资料很合适，欢迎来做。"
        : random.pick(["", "我有经验，随时可以来", "离得近，可以准时到"]),
    createdAt: new Date(atMs),
    decidedAt: decidedMs === null ? null : new Date(decidedMs),
  });
  const facts = {
    districtCode: gig.row.districtCode,
    categoryCode: gig.row.categoryCode,
    subjectId: id,
    detail: { gigId: gig.row.id, workerId: worker.id },
  };
  build.event(kind === "invitation" ? "invitation_sent" : "application_made", atMs, facts);
  if (decidedMs !== null)
    build.event("application_decided", decidedMs, { ...facts, detail: { ...facts.detail, status } });
  return id;
}

/** When an application for this place came in: after the post, the worker's sign-up and `afterMs`. */
export function applicationTime(build: CityBuild, gig: DemoGig, worker: DemoWorker, afterMs: number): number {
  const from = Math.max(gig.postedMs, worker.createdMs, afterMs);
  const until = Math.min(gig.startMs - 2 * HOUR_MS, build.nowMs);
  return from + Math.floor(build.random.next() * Math.max(0, until - from) * 0.7);
}

export interface PlaceResult {
  booking: BookingRow;
  /** When the place became free again by a cancellation, so another worker may take it. */
  freedMs: number | null;
  unpaid: UnpaidShift | null;
}

export function takePlace(
  build: CityBuild,
  gig: DemoGig,
  worker: DemoWorker,
  afterMs: number,
  outcome: Outcome,
): PlaceResult {
  const { random } = build;
  const appliedMs = applicationTime(build, gig, worker, afterMs);
  const bookedMs = Math.min(
    appliedMs + random.int(5, 6 * 60) * MINUTE_MS,
    build.nowMs,
    gig.startMs - 30 * MINUTE_MS,
  );
  const applicationId = apply(build, gig, worker, appliedMs, "accepted", bookedMs);
  worker.busyDays.add(localDay(gig.startMs));
  const booking: BookingRow = {
    id: random.uuid(),
    cityCode: build.cityCode,
    gigId: gig.row.id as string,
    workerId: worker.id,
    employerId: gig.employer.id,
    applicationId,
    status: "booked",
    createdAt: new Date(bookedMs),
  };
  build.rows.bookings.push(booking);
  const facts = {
    districtCode: gig.row.districtCode,
    categoryCode: gig.row.categoryCode,
    subjectId: booking.id,
    detail: { gigId: gig.row.id, workerId: worker.id },
  };
  build.event("booking_made", bookedMs, facts);
  const confirmedMs = Math.max(bookedMs + 10 * MINUTE_MS, gig.startMs - random.int(12, 30) * HOUR_MS);
  const endMs = ending(build, gig, bookedMs, outcome);
  if (random.chance(0.9) && confirmedMs <= build.nowMs && confirmedMs < (endMs ?? Number.POSITIVE_INFINITY)) {
    booking.status = "confirmed";
    booking.confirmedAt = new Date(confirmedMs);
    build.event("booking_confirmed", confirmedMs, facts);
  }
  if (outcome === "work") return { booking, freedMs: null, unpaid: workShift(build, gig, worker, booking) };
  if (endMs === null || endMs > build.nowMs) return { booking, freedMs: null, unpaid: null };
  if (outcome === "no_show") {
    booking.status = "no_show";
    booking.noShowAt = new Date(endMs);
    build.event("no_show", endMs, facts);
    return { booking, freedMs: null, unpaid: null };
  }
  cancel(build, gig, booking, outcome, endMs, facts);
  return { booking, freedMs: endMs, unpaid: null };
}

/** When a booking that does not end in work ends: the cancellation or the no-show mark. */
function ending(build: CityBuild, gig: DemoGig, bookedMs: number, outcome: Outcome): number | null {
  const { random } = build;
  if (outcome === "work") return null;
  if (outcome === "no_show") return gig.startMs + random.int(30, 120) * MINUTE_MS;
  const freeUntil = gig.startMs - FREE_CANCEL_HOURS * HOUR_MS;
  if (outcome !== "late_cancel" && freeUntil > bookedMs + 10 * MINUTE_MS)
    return bookedMs + 10 * MINUTE_MS + Math.floor(random.next() * (freeUntil - bookedMs - 10 * MINUTE_MS));
  const late = gig.startMs - random.int(1, 11) * HOUR_MS;
  return Math.max(late, bookedMs + 5 * MINUTE_MS);
}

function cancel(
  build: CityBuild,
  gig: DemoGig,
  booking: BookingRow,
  outcome: Outcome,
  atMs: number,
  facts: Parameters<CityBuild["event"]>[2],
): void {
  const byEmployer = outcome === "employer_cancel";
  booking.status = "cancelled";
  booking.cancelledAt = new Date(atMs);
  booking.cancelledBy = byEmployer ? "employer" : "worker";
  booking.cancelReason = byEmployer
    ? "人数已够，取消安排"
    : build.random.pick(["家里有事", "身体不舒服", "临时找到别的活"]);
  // Inside the free-cancel window (12 hours by default) a worker's cancellation counts against them.
  booking.lateCancel = !byEmployer && atMs > gig.startMs - FREE_CANCEL_HOURS * HOUR_MS;
  build.event("booking_cancelled", atMs, {
    ...facts,
    detail: { ...facts.detail, by: booking.cancelledBy, lateCancel: booking.lateCancel },
  });
}
