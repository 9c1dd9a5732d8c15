/**
 * The fixed demo accounts (documented in docs/demo-city.md): a worker and an employer who
 * sign in by phone, and the staff and admins who sign in with the demo password. Their
 * scenes — the worker's history, upcoming shift and invitation, the employer's open gigs
 * with applicants — are built on purpose, so every seed shows them.
 */

import { apply, takePlace, type WorkerIndex } from "./city.bookings.ts";
import { type CityBuild, DAY_MS, type DemoEmployer, type DemoWorker, localDay } from "./city.build.ts";
import { addEnterprise, addHousehold } from "./city.employers.ts";
import { type DemoGig, makeGig, postGig } from "./city.gigs.ts";
import { addPendingApplications } from "./city.market.ts";
import { DEMO_PASSWORD } from "./city.staff.ts";
import { addWorker } from "./city.workers.ts";
import { ZHENJIANG_DISTRICTS } from "./places.ts";
import { DEMO_CATEGORIES } from "./work-patterns.ts";

export const DEMO_WORKER_PHONE = "13800000001";
export const DEMO_EMPLOYER_PHONE = "13800000002";
export const DEMO_EMPLOYER_NAME = "镇江润扬餐饮管理有限公司";

/** Every account a visitor may sign in with, as printed on first start. */
export function demoAccountList(): string[] {
  return [
    `零工 worker       手机 ${DEMO_WORKER_PHONE}（王秀英，验证码显示在屏幕上）`,
    `雇主 employer     手机 ${DEMO_EMPLOYER_PHONE}（${DEMO_EMPLOYER_NAME}）`,
    `驿站 station staff ${ZHENJIANG_DISTRICTS.map((d) => `station.${d.slug}`).join(", ")}`,
    `区人社 district   ${ZHENJIANG_DISTRICTS.map((d) => `admin.${d.slug}`).join(", ")}`,
    "市人社 city       admin.city",
    `密码 password     ${DEMO_PASSWORD}`,
  ];
}

export interface DemoCast {
  worker: DemoWorker;
  employer: DemoEmployer;
}

const JINGKOU = 0;
const RUNZHOU = 1;
const category = (code: string) => DEMO_CATEGORIES.findIndex((c) => c.code === code);

export function addDemoCast(build: CityBuild): DemoCast {
  const nowYear = new Date(build.nowMs).getUTCFullYear();
  const worker = addWorker(build, {
    name: "王秀英",
    sex: "female",
    birthYear: nowYear - 54,
    phone: DEMO_WORKER_PHONE,
    district: JINGKOU,
    categories: ["cleaning", "housekeeping"],
    createdMs: build.nowMs - 300 * DAY_MS,
  });
  const employer = addEnterprise(build, new Set(), {
    phone: DEMO_EMPLOYER_PHONE,
    district: RUNZHOU,
    name: DEMO_EMPLOYER_NAME,
    industry: "H",
    activity: 4,
  });
  build.usedPhones.add(DEMO_WORKER_PHONE).add(DEMO_EMPLOYER_PHONE);
  return { worker, employer };
}

/** A gig by a household in 京口 for the demo worker, `dayOffset` days from today. */
function householdGig(build: CityBuild, household: DemoEmployer, code: string, dayOffset: number): DemoGig {
  const day = localDay(build.nowMs) + dayOffset;
  const postedMs = Math.min(build.nowMs - DAY_MS / 2, (day - 3) * DAY_MS);
  const gig = makeGig(build, {
    employer: household,
    category: category(code),
    day,
    postedMs,
    headcount: 1,
    startHour: 8,
  });
  postGig(build, gig);
  return gig;
}

export function addDemoScenes(
  build: CityBuild,
  cast: DemoCast,
  index: WorkerIndex,
  historyDays: number,
): void {
  const household = addHousehold(build, JINGKOU);
  for (let i = 1; i <= 6; i++) {
    const gig = householdGig(
      build,
      household,
      i % 2 ? "cleaning" : "housekeeping",
      -Math.round((historyDays * i) / 7),
    );
    takePlace(build, gig, cast.worker, gig.postedMs, "work");
  }
  const upcoming = householdGig(build, household, "cleaning", 2);
  const booking = takePlace(build, upcoming, cast.worker, upcoming.postedMs, "work").booking;
  if (booking.status === "booked") {
    const confirmedMs = build.nowMs - 60_000;
    booking.status = "confirmed";
    booking.confirmedAt = new Date(confirmedMs);
    build.event("booking_confirmed", confirmedMs, {
      districtCode: upcoming.row.districtCode,
      categoryCode: upcoming.row.categoryCode,
      subjectId: booking.id,
      detail: { gigId: upcoming.row.id, workerId: cast.worker.id },
    });
  }
  const invited = householdGig(build, household, "housekeeping", 4);
  apply(build, invited, cast.worker, build.nowMs - 3 * 3_600_000, "pending", null, "invitation");
  for (const [code, offset] of [
    ["waiter", 2],
    ["dishwasher", 3],
    ["kitchen_helper", 5],
  ] as const) {
    const day = localDay(build.nowMs) + offset;
    const gig = makeGig(build, {
      employer: cast.employer,
      category: category(code),
      day,
      postedMs: build.nowMs - DAY_MS,
      headcount: 4,
    });
    postGig(build, gig);
    addPendingApplications(build, index, gig, 3);
  }
}
