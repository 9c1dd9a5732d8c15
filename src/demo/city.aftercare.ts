/**
 * What stations and the bureau do after placement: complaints (wage arrears 欠薪 from shifts
 * never paid, fake posts, up-front fees, abuse), their mediation, follow-up calls, job fairs,
 * counselling and training referrals. Some complaints are still open past their due date.
 */
import type { ComplaintKind, ComplaintStatus, ServiceKind } from "../db/schema/index.ts";
import { type CityBuild, DAY_MS, HOUR_MS, localDay, localTime } from "./city.build.ts";
import type { UnpaidShift } from "./city.shift.ts";

/** The city's default deadline for handling a complaint (cities.complaint_due_days). */
const COMPLAINT_DUE_DAYS = 7;

interface ComplaintFacts {
  kind: ComplaintKind;
  districtCode: string;
  categoryCode: string | null;
  complainantId: string;
  employerId: string | null;
  gigId: string | null;
  bookingId: string | null;
  amountFen: number | null;
  description: string;
  createdMs: number;
}

/** An older complaint is mostly resolved; one past its due date may still be open (overdue). */
function complaintStatus(
  build: CityBuild,
  createdMs: number,
): { status: ComplaintStatus; resolvedMs: number | null } {
  const { random } = build;
  const pastDue = build.nowMs - createdMs > COMPLAINT_DUE_DAYS * DAY_MS;
  const status = random.weighted<ComplaintStatus>(
    ["resolved", "in_progress", "open"],
    pastDue ? [65, 22, 13] : [15, 45, 40],
  );
  if (status !== "resolved") return { status, resolvedMs: null };
  const resolvedMs = createdMs + random.int(12, 6 * 24) * HOUR_MS;
  return resolvedMs <= build.nowMs ? { status, resolvedMs } : { status: "in_progress", resolvedMs: null };
}

function openComplaint(
  build: CityBuild,
  facts: ComplaintFacts,
): { id: string; status: ComplaintStatus; resolvedMs: number | null } {
  const { random } = build;
  const id = random.uuid();
  const district = build.places.districts.findIndex((d) => d.code === facts.districtCode);
  const staff = build.marketStaff(district);
  const outcome = complaintStatus(build, facts.createdMs);
  const rejected = outcome.status === "resolved" && facts.kind !== "wage_arrears" && random.chance(0.25);
  const status: ComplaintStatus = rejected ? "rejected" : outcome.status;
  build.rows.complaints.push({
    id,
    cityCode: build.cityCode,
    districtCode: facts.districtCode,
    kind: facts.kind,
    complainantUserId: facts.complainantId,
    againstEmployerId: facts.employerId,
    gigId: facts.gigId,
    bookingId: facts.bookingId,
    amountFen: facts.amountFen,
    description: facts.description,
    status,
    assignedTo: status === "open" ? null : staff.userId,
    dueAt: new Date(facts.createdMs + COMPLAINT_DUE_DAYS * DAY_MS),
    resolution:
      status === "resolved"
        ? facts.kind === "wage_arrears"
          ? "经调解，雇主已结清工钱"
          : "已核实处理，岗位下架并约谈雇主"
        : status === "rejected"
          ? "经核实情况不属实"
          : null,
    resolvedAt: outcome.resolvedMs === null ? null : new Date(outcome.resolvedMs),
    createdAt: new Date(facts.createdMs),
  });
  const fields = {
    districtCode: facts.districtCode,
    categoryCode: facts.categoryCode,
    subjectId: id,
    detail: { kind: facts.kind },
  };
  build.event("complaint_opened", facts.createdMs, fields);
  if (outcome.resolvedMs !== null) {
    build.event("complaint_resolved", outcome.resolvedMs, {
      ...fields,
      detail: { kind: facts.kind, status },
    });
    serviceRecord(
      build,
      district,
      staff,
      facts.complainantId,
      "dispute_mediation",
      "调解纠纷并回访",
      outcome.resolvedMs,
    );
  }
  return { id, status, resolvedMs: outcome.resolvedMs };
}

/** Workers complain some days after an unpaid shift; a resolved arrears case ends with the pay recorded. */
export function generateArrears(build: CityBuild, unpaid: readonly UnpaidShift[]): void {
  const { random } = build;
  for (const shift of unpaid) {
    const createdMs = shift.approvedMs + random.int(3, 15) * DAY_MS;
    if (createdMs > build.nowMs) continue;
    const complaint = openComplaint(build, {
      kind: "wage_arrears",
      districtCode: shift.gig.row.districtCode,
      categoryCode: shift.gig.row.categoryCode,
      complainantId: shift.worker.id,
      employerId: shift.gig.employer.id,
      gigId: shift.gig.row.id as string,
      bookingId: shift.bookingId,
      amountFen: shift.amountFen,
      description: `干完活已经${random.int(3, 15)}天，老板一直没结工钱，共${shift.amountFen / 100}元。`,
      createdMs,
    });
    if (complaint.resolvedMs !== null) settleArrears(build, shift, complaint.resolvedMs);
  }
}

function settleArrears(build: CityBuild, shift: UnpaidShift, resolvedMs: number): void {
  const id = build.random.uuid();
  const paidMs = resolvedMs - 2 * HOUR_MS;
  build.rows.payments.push({
    id,
    cityCode: build.cityCode,
    bookingId: shift.bookingId,
    amountFen: shift.amountFen,
    method: "bank_transfer",
    paidAt: new Date(paidMs),
    recordedBy: shift.gig.employer.ownerId,
    status: "confirmed",
    note: "经驿站调解后补发",
    confirmedAt: new Date(resolvedMs),
    createdAt: new Date(paidMs),
  });
  const fields = {
    districtCode: shift.gig.row.districtCode,
    categoryCode: shift.gig.row.categoryCode,
    subjectId: id,
    detail: {
      gigId: shift.gig.row.id,
      workerId: shift.worker.id,
      bookingId: shift.bookingId,
      amountFen: shift.amountFen,
    },
  };
  build.event("payment_recorded", paidMs, fields);
  build.event("payment_confirmed", resolvedMs, fields);
}

const OTHER_COMPLAINTS: { kind: ComplaintKind; weight: number; text: string }[] = [
  { kind: "fake_post", weight: 35, text: "到了现场发现工作内容和工资都和发布的不一样" },
  { kind: "upfront_fee", weight: 25, text: "上岗前要求交200元体检费和押金" },
  { kind: "abuse", weight: 20, text: "现场负责人态度恶劣，辱骂工人" },
  { kind: "safety", weight: 10, text: "高处作业没有提供安全带" },
  { kind: "other", weight: 10, text: "说好管午饭，结果没有" },
];

/** About one other complaint for every 300 past bookings. */
export function generateOtherComplaints(build: CityBuild): void {
  const { random } = build;
  const gigsById = new Map(build.rows.gigs.map((g) => [g.id, g]));
  const past = build.rows.bookings.filter((b) => (b.createdAt as Date).getTime() < build.nowMs - DAY_MS);
  for (let i = Math.round(past.length / 300); i > 0; i--) {
    const booking = random.pick(past);
    const gig = gigsById.get(booking.gigId);
    if (!gig) continue;
    const kind = random.weighted(
      OTHER_COMPLAINTS,
      OTHER_COMPLAINTS.map((c) => c.weight),
    );
    const createdMs = Math.min(
      build.nowMs - HOUR_MS,
      (gig.startsAt as Date).getTime() + random.int(1, 48) * HOUR_MS,
    );
    openComplaint(build, {
      kind: kind.kind,
      districtCode: gig.districtCode,
      categoryCode: gig.categoryCode,
      complainantId: booking.workerId,
      employerId: gig.employerId,
      gigId: gig.id as string,
      bookingId: booking.id as string,
      amountFen: null,
      description: kind.text,
      createdMs,
    });
  }
}

export function serviceRecord(
  build: CityBuild,
  district: number,
  staff: { userId: string; stationId: string },
  personId: string | null,
  kind: ServiceKind,
  note: string,
  atMs: number,
): void {
  const id = build.random.uuid();
  const districtCode = build.districtCode(district);
  build.rows.serviceRecords.push({
    id,
    cityCode: build.cityCode,
    districtCode,
    stationId: staff.stationId,
    staffUserId: staff.userId,
    personUserId: personId,
    kind,
    note,
    createdAt: new Date(atMs),
  });
  build.event("service_recorded", atMs, { districtCode, subjectId: id, detail: { kind } });
}

const COUNTER_SERVICES: { kind: ServiceKind; note: string; weight: number }[] = [
  { kind: "counselling", note: "职业指导：帮助选择适合的零工岗位", weight: 45 },
  { kind: "training_referral", note: "推荐参加家政服务培训", weight: 25 },
  { kind: "job_fair", note: "参加驿站零工专场招聘会", weight: 30 },
];

/** Referrals and follow-ups for workers registered at a counter, and walk-in services at stations. */
export function generateStationServices(build: CityBuild, historyDays: number): void {
  const { random } = build;
  const byId = new Map(build.workers.map((w) => [w.id, w]));
  for (const booking of build.rows.bookings) {
    const worker = byId.get(booking.workerId);
    const counter = worker?.registeredByStation;
    if (!worker || !counter || !random.chance(0.5)) continue;
    const staff = { userId: counter.staffId, stationId: counter.stationId };
    serviceRecord(
      build,
      worker.district,
      staff,
      worker.id,
      "job_referral",
      "推荐岗位并协助报名",
      (booking.createdAt as Date).getTime(),
    );
    const followMs = booking.completedAt
      ? (booking.completedAt as Date).getTime() + random.int(1, 3) * DAY_MS
      : null;
    if (followMs !== null && followMs <= build.nowMs && random.chance(0.4))
      serviceRecord(
        build,
        worker.district,
        staff,
        worker.id,
        "follow_up",
        "电话回访：工钱已结清，评价满意",
        followMs,
      );
  }
  const today = localDay(build.nowMs);
  for (let i = Math.round(build.workers.length * 0.3); i > 0; i--) {
    const worker = random.pick(build.workers);
    const atMs = localTime(today - random.int(1, historyDays), random.int(8, 16) + random.next());
    if (atMs < worker.createdMs) continue;
    const service = random.weighted(
      COUNTER_SERVICES,
      COUNTER_SERVICES.map((s) => s.weight),
    );
    serviceRecord(
      build,
      worker.district,
      random.pick(build.districtStaff(worker.district)),
      worker.id,
      service.kind,
      service.note,
      atMs,
    );
  }
}
