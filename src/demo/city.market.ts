/**
 * The market over time: a history of past gigs and what became of each place (worked, cancelled,
 * no-show), then the open gigs of the next 14 days with bookings and pending applications.
 * The posting rate of the history is that of the open market, so the city looks steady.
 */
import { applicationTime, apply, type Outcome, takePlace, type WorkerIndex } from "./city.bookings.ts";
import { type CityBuild, HOUR_MS, localDay, localTime, MINUTE_MS } from "./city.build.ts";
import { type DemoGig, drawGigRequest, employerTable, makeGig, postGig } from "./city.gigs.ts";
import type { UnpaidShift } from "./city.shift.ts";

const HISTORY_OUTCOMES: Outcome[] = ["work", "worker_cancel", "late_cancel", "employer_cancel", "no_show"];
const HISTORY_WEIGHTS = [90, 3, 2.5, 1, 3.5];
const GIG_CANCEL_REASONS = ["项目推迟", "客户取消订单", "天气原因"];

export function generateHistory(
  build: CityBuild,
  index: WorkerIndex,
  gigsPerDay: number,
  historyDays: number,
): UnpaidShift[] {
  const table = employerTable(build);
  const today = localDay(build.nowMs);
  const unpaid: UnpaidShift[] = [];
  const total = Math.round(gigsPerDay * historyDays);
  for (let i = 0; i < total; i++) {
    const gig = makeGig(build, drawGigRequest(build, table, today - historyDays, historyDays));
    postGig(build, gig);
    if (build.random.chance(0.03)) {
      cancelGig(build, gig, gig.startMs);
      continue;
    }
    fillPlaces(build, index, gig, 0.85, unpaid);
    turnAwayApplicants(build, index, gig);
  }
  return unpaid;
}

/**
 * Every district's market has work for tomorrow morning that is still taking people, as a real
 * one does: the first gigs drawn are two per district for tomorrow, the rest spread over 14 days.
 */
export function generateOpenMarket(build: CityBuild, index: WorkerIndex, count: number): void {
  const table = employerTable(build);
  const today = localDay(build.nowMs);
  const districts = build.places.districts.length;
  const tomorrowMarket = Math.min(count, 2 * districts);
  for (let i = 0; i < count; i++) {
    const request = drawGigRequest(build, table, today + 1, 14);
    if (i < tomorrowMarket) {
      const district = i % districts;
      const local = build.employers.filter((e) => e.district === district && e.kind !== "individual");
      if (local.length > 0) {
        request.employer = build.random.pick(local);
        request.category = build.random.pick(request.employer.categories);
      }
      request.day = today + 1;
      request.district = district;
      request.headcount = build.random.int(2, 5);
      request.postedMs = localTime(today, 0) - build.random.int(6, 48) * HOUR_MS;
    }
    request.postedMs = Math.min(request.postedMs, build.nowMs - build.random.int(10, 600) * MINUTE_MS);
    const gig = makeGig(build, request);
    postGig(build, gig);
    if (i >= tomorrowMarket && build.random.chance(0.02)) {
      cancelGig(build, gig, build.nowMs);
      continue;
    }
    const soon = gig.startMs - build.nowMs < 3 * 24 * HOUR_MS;
    fillPlaces(build, index, gig, i < tomorrowMarket ? 0.3 : soon ? 0.55 : 0.25, []);
    addPendingApplications(build, index, gig, build.random.int(0, 3));
  }
}

/** Each place is taken with probability `fillRate`; a place freed by a cancellation is often re-taken. */
export function fillPlaces(
  build: CityBuild,
  index: WorkerIndex,
  gig: DemoGig,
  fillRate: number,
  unpaid: UnpaidShift[],
): void {
  const { random } = build;
  const byMs = Math.min(gig.startMs - 3 * HOUR_MS, build.nowMs);
  for (let place = 0; place < (gig.row.headcount ?? 1); place++) {
    if (!random.chance(fillRate)) continue;
    const worker = index.find(build, gig, byMs);
    if (!worker) continue;
    const first = takePlace(
      build,
      gig,
      worker,
      gig.postedMs,
      random.weighted(HISTORY_OUTCOMES, HISTORY_WEIGHTS),
    );
    if (first.unpaid) unpaid.push(first.unpaid);
    const freedMs = first.freedMs;
    if (freedMs === null || freedMs > gig.startMs - 2 * HOUR_MS || !random.chance(0.5)) continue;
    const replacement = index.find(build, gig, Math.min(byMs, freedMs));
    if (!replacement) continue;
    const second = takePlace(build, gig, replacement, freedMs, random.chance(0.95) ? "work" : "no_show");
    if (second.unpaid) unpaid.push(second.unpaid);
  }
}

/** Applicants who were not taken: rejected by the employer or left to expire at the start. */
function turnAwayApplicants(build: CityBuild, index: WorkerIndex, gig: DemoGig): void {
  const { random } = build;
  for (let i = random.int(0, 2); i > 0; i--) {
    const worker = index.find(build, gig, gig.startMs - 3 * HOUR_MS);
    if (!worker) return;
    const appliedMs = applicationTime(build, gig, worker, gig.postedMs);
    const rejected = random.chance(0.6);
    const decidedMs = rejected ? appliedMs + random.int(10, 600) * MINUTE_MS : gig.startMs;
    apply(build, gig, worker, appliedMs, rejected ? "rejected" : "expired", Math.min(decidedMs, build.nowMs));
  }
}

export function addPendingApplications(
  build: CityBuild,
  index: WorkerIndex,
  gig: DemoGig,
  count: number,
): void {
  for (let i = 0; i < count; i++) {
    const worker = index.find(build, gig, build.nowMs);
    if (!worker) return;
    apply(build, gig, worker, applicationTime(build, gig, worker, gig.postedMs), "pending", null);
  }
}

/** The employer called the gig off before anyone was booked. */
function cancelGig(build: CityBuild, gig: DemoGig, untilMs: number): void {
  const atMs =
    gig.postedMs + Math.floor(build.random.next() * (Math.min(untilMs, build.nowMs) - gig.postedMs));
  gig.row.status = "cancelled";
  gig.row.cancelReason = build.random.pick(GIG_CANCEL_REASONS);
  gig.row.updatedAt = new Date(atMs);
  build.event("gig_cancelled", atMs, {
    districtCode: gig.row.districtCode,
    categoryCode: gig.row.categoryCode,
    subjectId: gig.row.id,
    detail: { reasonCode: "employer_cancelled", bookingsCancelled: 0 },
  });
}
