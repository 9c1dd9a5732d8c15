/**
 * Gigs (零工岗位): where (inside the employer's district), what work, when (weekday
 * patterns and start hours typical for the work), how many people and for what pay
 * (around the category's reference daily pay).
 */
import {
  type CityBuild,
  type DemoEmployer,
  type GigRow,
  HOUR_MS,
  localDay,
  localTime,
} from "./city.build.ts";
import { addressedPlaceIn } from "./places.ts";
import { cumulative, drawIndex } from "./random.ts";
import { DEMO_CATEGORIES, type DemoCategory, rateAround } from "./work-patterns.ts";

/** A gig with what the generator needs beside its row. */
export interface DemoGig {
  row: GigRow;
  category: DemoCategory;
  categoryIndex: number;
  district: number;
  employer: DemoEmployer;
  startMs: number;
  endMs: number;
  postedMs: number;
  /** Workers already attached (booked or applied), for the one-live-row-per-worker rules. */
  workersSeen: Set<string>;
}

export interface GigRequest {
  employer: DemoEmployer;
  category: number;
  /** Local day (days since epoch in Asia/Shanghai). */
  day: number;
  postedMs: number;
  headcount?: number;
  startHour?: number;
  /** Where the work is; by default the employer's district, now and then another. */
  district?: number;
}

const fmtHour = (h: number) => `${String(Math.floor(h)).padStart(2, "0")}:00`;

function headcountFor(build: CityBuild, category: DemoCategory, employer: DemoEmployer): number {
  const { random } = build;
  if (employer.kind === "individual") return random.chance(0.9) ? 1 : 2;
  const factory = [
    "general_labour",
    "electronics_assembly",
    "warehouse",
    "parcel_sorting",
    "garment_work",
  ].includes(category.code);
  if (factory && random.chance(0.2)) return random.int(6, 20);
  return random.weighted([1, 2, 3, 4, 5], [30, 28, 20, 12, 10]);
}

function title(build: CityBuild, category: DemoCategory, startHour: number, individual: boolean): string {
  const shift = startHour >= 15 ? "（晚班）" : startHour <= 6 ? "（早班）" : "";
  if (individual) return `家里需要${category.nameZh}`;
  return `${build.random.pick(["急招", "招", "日结", "招聘"])}${category.nameZh}${shift}`;
}

export function makeGig(build: CityBuild, request: GigRequest): DemoGig {
  const { random, places } = build;
  const { employer } = request;
  const category = DEMO_CATEGORIES[request.category];
  const district =
    request.district ??
    (employer.kind === "individual" || random.chance(0.85)
      ? employer.district
      : random.int(0, places.districts.length - 1));
  const startHour = request.startHour ?? random.pick(category.pattern.startHours);
  const startMs = localTime(request.day, startHour);
  const endMs = startMs + category.pattern.hours * HOUR_MS;
  const place = addressedPlaceIn(places.districts[district], random);
  const payFen = rateAround(category, Math.max(-0.3, random.normal() * 0.12));
  const unitName = { day: "天", hour: "小时", piece: "件" }[category.defaultPayUnit];
  const settlement = random.chance(category.defaultPayUnit === "day" ? 0.6 : 0.3)
    ? "same_day"
    : "on_completion";
  const row: GigRow = {
    id: random.uuid(),
    cityCode: build.cityCode,
    districtCode: places.districts[district].code,
    employerId: employer.id,
    postedByUserId: employer.ownerId,
    categoryCode: category.code,
    title: title(build, category, startHour, employer.kind === "individual"),
    description: `工作内容：${category.nameZh}。工作时间 ${fmtHour(startHour)}–${fmtHour(startHour + category.pattern.hours)}，${payFen / 100}元/${unitName}，${settlement === "same_day" ? "当天结算" : "完工结算"}。`,
    address: place.address,
    lat: place.lat,
    lng: place.lng,
    startsAt: new Date(startMs),
    endsAt: new Date(endMs),
    headcount: request.headcount ?? headcountFor(build, category, employer),
    payFen,
    payUnit: category.defaultPayUnit,
    settlement,
    requirements: category.pattern.heavy
      ? "身体健康，能干体力活"
      : random.chance(0.4)
        ? "有相关经验优先"
        : "",
    status: "open",
    checkInCode: String(random.int(100000, 999999)),
    createdAt: new Date(request.postedMs),
    updatedAt: new Date(request.postedMs),
  };
  return {
    row,
    category,
    categoryIndex: request.category,
    district,
    employer,
    startMs,
    endMs,
    postedMs: request.postedMs,
    workersSeen: new Set(),
  };
}

/** Records the gig and its posting; station staff post some gigs for employers who phone in. */
export function postGig(build: CityBuild, gig: DemoGig): void {
  const { random } = build;
  const staff =
    gig.employer.kind === "individual" && random.chance(0.25)
      ? random.pick(build.districtStaff(gig.district))
      : null;
  if (staff) {
    gig.row.stationId = staff.stationId;
    gig.row.postedByUserId = staff.userId;
    const recordId = random.uuid();
    build.rows.serviceRecords.push({
      id: recordId,
      cityCode: build.cityCode,
      districtCode: gig.row.districtCode,
      stationId: staff.stationId,
      staffUserId: staff.userId,
      personUserId: gig.employer.ownerId,
      kind: "gig_posted_for_employer",
      note: `电话代发岗位：${gig.row.title}`,
      createdAt: new Date(gig.postedMs),
    });
    build.event("service_recorded", gig.postedMs, {
      districtCode: gig.row.districtCode,
      subjectId: recordId,
      detail: { kind: "gig_posted_for_employer" },
    });
  }
  build.rows.gigs.push(gig.row);
  build.event("gig_posted", gig.postedMs, {
    districtCode: gig.row.districtCode,
    categoryCode: gig.row.categoryCode,
    subjectId: gig.row.id,
    quantity: gig.row.headcount,
    detail: { payFen: gig.row.payFen, payUnit: gig.row.payUnit, byStation: staff !== null },
  });
}

/** Draws an employer by activity and one of its categories, then a day fitting the work's weekly pattern. */
export function drawGigRequest(
  build: CityBuild,
  employerTable: Float64Array,
  firstDay: number,
  days: number,
): GigRequest {
  const { random } = build;
  const employer = build.employers[drawIndex(employerTable, random.next())];
  const category = random.pick(employer.categories);
  const weekdays = DEMO_CATEGORIES[category].pattern.weekdays;
  let day = firstDay;
  for (let attempt = 0; attempt < 20; attempt++) {
    day = firstDay + random.int(0, days - 1);
    // Day 0 (1970-01-01) was a Thursday: weekday 4.
    if (random.next() * 1.8 < weekdays[(day + 4) % 7]) break;
  }
  const postedMs = localTime(day, 0) - random.int(6, 6 * 24) * HOUR_MS;
  return { employer, category, day, postedMs };
}

export function employerTable(build: CityBuild): Float64Array {
  return cumulative(build.employers.map((e) => e.activity));
}

export function todayLocal(build: CityBuild): number {
  return localDay(build.nowMs);
}
