/**
 * What follows a booking when the worker turns up: check-in, check-out, the timesheet and
 * its approval (which completes the booking), the payment record and the ratings. Each step
 * happens only if its time has come; a shift that ended an hour ago is still awaiting approval.
 */
import { amountDueFen } from "../timesheets/pay.ts";
import type { BookingRow, CityBuild, DemoWorker } from "./city.build.ts";
import { HOUR_MS, MINUTE_MS } from "./city.build.ts";
import type { DemoGig } from "./city.gigs.ts";

const WORKER_TAGS = ["准时", "干活利索", "认真负责", "吃苦耐劳", "态度好", "有经验"];
const EMPLOYER_TAGS = ["结算及时", "活儿和描述一致", "老板客气", "环境好", "管饭"];
const LOW_TAGS = ["迟到", "效率低"];

/** A completed shift that was never paid: the seed of a wage-arrears complaint (欠薪). */
export interface UnpaidShift {
  gig: DemoGig;
  worker: DemoWorker;
  bookingId: string;
  amountFen: number;
  approvedMs: number;
}

export function workShift(
  build: CityBuild,
  gig: DemoGig,
  worker: DemoWorker,
  booking: BookingRow,
): UnpaidShift | null {
  const { random } = build;
  const facts = eventFacts(gig, worker);
  const checkInMs = gig.startMs + random.int(-20, 10) * MINUTE_MS;
  if (checkInMs > build.nowMs) return null;
  checkIn(build, gig, booking, checkInMs);
  build.event("checked_in", checkInMs, { ...facts, subjectId: booking.id });
  const auto = random.chance(0.02);
  const checkOutMs = auto ? gig.endMs + 60 * MINUTE_MS : gig.endMs + random.int(-10, 25) * MINUTE_MS;
  if (checkOutMs > build.nowMs) return null;
  booking.status = "checked_out";
  booking.checkedOutAt = new Date(checkOutMs);
  booking.autoCheckedOut = auto;
  build.event("checked_out", checkOutMs, { ...facts, subjectId: booking.id });
  const approvedMs = checkOutMs + random.int(30, 20 * 60) * MINUTE_MS;
  const amountFen = timesheet(build, gig, booking, checkInMs, checkOutMs, approvedMs);
  if (approvedMs > build.nowMs) return null;
  booking.status = "completed";
  booking.completedAt = new Date(approvedMs);
  build.event("timesheet_approved", approvedMs, { ...facts, subjectId: booking.id });
  build.event("shift_completed", approvedMs, { ...facts, subjectId: booking.id });
  rate(build, gig, booking, "employer_to_worker", approvedMs, 0.75);
  if (random.chance(0.02)) return { gig, worker, bookingId: booking.id as string, amountFen, approvedMs };
  const paidMs = recordPayment(build, gig, worker, booking, amountFen, approvedMs);
  rate(build, gig, booking, "worker_to_employer", paidMs ?? approvedMs, 0.6);
  return null;
}

function eventFacts(gig: DemoGig, worker: DemoWorker) {
  return {
    districtCode: gig.row.districtCode,
    categoryCode: gig.row.categoryCode,
    detail: { gigId: gig.row.id, workerId: worker.id },
  };
}

/** Mostly by location within the radius; some by the employer's code or at the station. */
function checkIn(build: CityBuild, gig: DemoGig, booking: BookingRow, atMs: number): void {
  const { random } = build;
  booking.status = "checked_in";
  booking.checkedInAt = new Date(atMs);
  booking.checkInMethod = random.weighted(["location", "code", "staff"] as const, [80, 16, 4]);
  if (booking.checkInMethod !== "location") return;
  const metres = random.int(5, 350);
  const angle = random.next() * 2 * Math.PI;
  booking.checkInLat = gig.row.lat + (metres * Math.sin(angle)) / 111_320;
  booking.checkInLng =
    gig.row.lng + (metres * Math.cos(angle)) / (111_320 * Math.cos((gig.row.lat * Math.PI) / 180));
  booking.checkInDistanceM = metres;
}

/** The timesheet: measured at check-out, approved as the planned time unless much shorter. */
function timesheet(
  build: CityBuild,
  gig: DemoGig,
  booking: BookingRow,
  inMs: number,
  outMs: number,
  approvedMs: number,
): number {
  const { random } = build;
  const measured = Math.round((outMs - inMs) / MINUTE_MS);
  const planned = Math.round((gig.endMs - gig.startMs) / MINUTE_MS);
  const approved = measured >= planned - 15 ? planned : measured;
  const pieces =
    gig.row.payUnit === "piece"
      ? Math.round((gig.category.pattern.piecesPerDay ?? 50) * (0.8 + random.next() * 0.4))
      : null;
  const amountFen =
    amountDueFen({
      payUnit: gig.row.payUnit,
      payFen: gig.row.payFen,
      startsAt: new Date(gig.startMs),
      endsAt: new Date(gig.endMs),
      minutes: approved,
      pieces,
    }) ?? 0;
  const done = approvedMs <= build.nowMs;
  build.rows.timesheets.push({
    bookingId: booking.id as string,
    cityCode: build.cityCode,
    measuredMinutes: measured,
    approvedMinutes: done ? approved : null,
    amountDueFen: done ? amountFen : null,
    pieces,
    status: done ? "approved" : "pending",
    approvedAt: done ? new Date(approvedMs) : null,
    disputeDeadline: done ? new Date(approvedMs + 72 * HOUR_MS) : null,
    createdAt: new Date(outMs),
  });
  return amountFen;
}

/** Returns when it was paid, or null if not yet. */
function recordPayment(
  build: CityBuild,
  gig: DemoGig,
  worker: DemoWorker,
  booking: BookingRow,
  amountFen: number,
  approvedMs: number,
): number | null {
  const { random } = build;
  const paidMs =
    approvedMs +
    (gig.row.settlement === "same_day" ? random.int(5, 120) : random.int(120, 48 * 60)) * MINUTE_MS;
  if (paidMs > build.nowMs) return null;
  const id = random.uuid();
  const confirmedMs = paidMs + random.int(60, 30 * 60) * MINUTE_MS;
  const outcome = random.weighted(["confirmed", "disputed", "recorded"] as const, [95, 1, 4]);
  const settled = confirmedMs <= build.nowMs && outcome !== "recorded";
  const status = settled ? outcome : "recorded";
  build.rows.payments.push({
    id,
    cityCode: build.cityCode,
    bookingId: booking.id as string,
    amountFen,
    method: random.weighted(["wechat", "cash", "alipay", "bank_transfer"] as const, [55, 20, 15, 10]),
    paidAt: new Date(paidMs),
    recordedBy: gig.employer.ownerId,
    status,
    confirmedAt: status === "confirmed" ? new Date(confirmedMs) : null,
    disputeReason: status === "disputed" ? "实际到手金额比约定少" : null,
    disputedAt: status === "disputed" ? new Date(confirmedMs) : null,
    createdAt: new Date(paidMs),
  });
  const facts = { districtCode: gig.row.districtCode, categoryCode: gig.row.categoryCode, subjectId: id };
  const detail = { gigId: gig.row.id, workerId: worker.id, bookingId: booking.id, amountFen };
  build.event("payment_recorded", paidMs, { ...facts, detail });
  if (status === "confirmed") build.event("payment_confirmed", confirmedMs, { ...facts, detail });
  if (status === "disputed") build.event("payment_disputed", confirmedMs, { ...facts, detail });
  return paidMs;
}

function rate(
  build: CityBuild,
  gig: DemoGig,
  booking: BookingRow,
  direction: "worker_to_employer" | "employer_to_worker",
  afterMs: number,
  share: number,
): void {
  const { random } = build;
  const atMs = afterMs + random.int(1, 36) * HOUR_MS;
  if (!random.chance(share) || atMs > build.nowMs) return;
  const stars = random.weighted([5, 4, 3, 2, 1], [60, 28, 8, 3, 1]);
  const tags =
    stars >= 4
      ? [random.pick(direction === "employer_to_worker" ? WORKER_TAGS : EMPLOYER_TAGS)]
      : stars <= 2 && direction === "employer_to_worker"
        ? [random.pick(LOW_TAGS)]
        : [];
  const id = random.uuid();
  build.rows.ratings.push({
    id,
    cityCode: build.cityCode,
    bookingId: booking.id as string,
    direction,
    raterUserId: direction === "employer_to_worker" ? gig.employer.ownerId : (booking.workerId as string),
    stars,
    tags,
    createdAt: new Date(atMs),
  });
  build.event("rating_given", atMs, {
    districtCode: gig.row.districtCode,
    categoryCode: gig.row.categoryCode,
    subjectId: id,
    detail: { gigId: gig.row.id, direction },
  });
}
