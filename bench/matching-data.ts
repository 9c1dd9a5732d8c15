/**
 * The matching benchmark's data, shared by the benchmark and its profile (matching-profile.ts):
 * indexes built from the demo generator (src/demo/columns.ts), with ids as UUIDs as the server has.
 */
import { randomUUID } from "node:crypto";
import {
  COLUMNS_DEFAULT_NOW,
  type GigColumns,
  generateOpenGigColumns,
  generateWorkerColumns,
  type WorkerColumns,
} from "../src/demo/columns.ts";
import { ZHENJIANG_DISTRICTS } from "../src/demo/places.ts";
import { DEMO_CATEGORIES } from "../src/demo/work-patterns.ts";
import { CategoryTable } from "../src/matching/catalog.ts";
import { type DispatchProblem, problemFromPairs } from "../src/matching/dispatch.solver.ts";
import { toRadians } from "../src/matching/geo.ts";
import { GigIndex, type GigRecord } from "../src/matching/gig-index.ts";
import type { OpenGigRow } from "../src/matching/matching.repository.ts";
import { NOT_A_MATCH, scorePair } from "../src/matching/score.ts";
import type { WorkerRecord } from "../src/matching/worker-index.ts";

export const NOW = COLUMNS_DEFAULT_NOW;
export const table = new CategoryTable(DEMO_CATEGORIES);

/**
 * A UUID as one flat string, as the database driver gives it: `randomUUID` returns a rope of
 * concatenated pieces, about 480 bytes of heap against 56.
 */
function uuid(): string {
  return Buffer.from(randomUUID()).toString("latin1");
}

/** Gig `i` of the demo generator's columns as the index takes it; `extra` is what the columns lack. */
export function gigFromColumns(
  c: GigColumns,
  i: number,
  extra: Pick<GigRecord, "id" | "sameDayPay" | "employerRatingSum" | "employerRatingCount" | "postedAt">,
): GigRecord {
  return {
    districtCode: ZHENJIANG_DISTRICTS[c.district[i]].code,
    categoryCode: DEMO_CATEGORIES[c.category[i]].code,
    lat: c.lat[i],
    lng: c.lng[i],
    startsAt: c.startMs[i],
    endsAt: c.endMs[i],
    dailyPayFen: c.dailyPayFen[i],
    utcOffsetMin: 480,
    ...extra,
  };
}

export function buildGigIndex(count: number): GigIndex {
  const c = generateOpenGigColumns(count, 1);
  const index = new GigIndex(table);
  for (let i = 0; i < count; i++) {
    index.upsert(
      gigFromColumns(c, i, {
        // A gig's id is a UUID, held as a 36-character string as the server holds it.
        id: uuid(),
        sameDayPay: i % 3 === 0,
        employerRatingSum: (i % 7) * 9,
        employerRatingCount: (i % 7) * 2,
        postedAt: NOW - (i % 96) * 3_600_000,
      }),
    );
  }
  index.refreshMedians();
  return index;
}

/** What a worker has done, which the demo generator's columns do not say. */
export type WorkerHistory = Pick<
  WorkerRecord,
  "completed" | "noShow" | "ratingSum" | "ratingCount" | "recentBookings" | "activeAtMs"
>;

/** Worker `i` of the demo generator's columns as the index takes her, with her history. */
export function workerFromColumns(c: WorkerColumns, i: number, history: WorkerHistory): WorkerRecord {
  const lat = toRadians(c.lat[i]);
  const second = c.secondCategory[i];
  return {
    id: `w${i}`,
    latDeg: c.lat[i],
    lngDeg: c.lng[i],
    latRad: lat,
    lngRad: toRadians(c.lng[i]),
    cosLat: Math.cos(lat),
    rangeKm: c.rangeKm[i],
    categories: second >= 0 ? [c.category[i], second] : [c.category[i]],
    anyCategory: false,
    doneByCategory: new Map(),
    availability: null,
    expectedDailyPayFen: c.expectedDailyPayFen[i],
    busy: [],
    lateCancel: 0,
    districtCodes: [ZHENJIANG_DISTRICTS[c.district[i]].code],
    ...history,
  };
}

export function workersFrom(count: number, seed: number): WorkerRecord[] {
  const c = generateWorkerColumns(count, seed);
  return Array.from({ length: count }, (_, i) =>
    workerFromColumns(c, i, {
      completed: i % 20,
      noShow: i % 11 === 0 ? 1 : 0,
      ratingSum: (i % 20) * 4,
      ratingCount: i % 20,
      recentBookings: i % 5,
      activeAtMs: NOW - (i % 500) * 3_600_000,
    }),
  );
}

/**
 * Rows as `openGigRows` returns them at start (Date objects, title and address), from the demo
 * generator: what the server has in hand once PostgreSQL has answered.
 */
export function openGigRowsLike(count: number): OpenGigRow[] {
  const c = generateOpenGigColumns(count, 2);
  return Array.from({ length: count }, (_, i) => {
    const district = ZHENJIANG_DISTRICTS[c.district[i]];
    const category = DEMO_CATEGORIES[c.category[i]];
    return {
      id: uuid(),
      cityCode: "321100",
      districtCode: district.code,
      categoryCode: category.code,
      lat: c.lat[i],
      lng: c.lng[i],
      startsAt: new Date(c.startMs[i]),
      endsAt: new Date(c.endMs[i]),
      payFen: c.dailyPayFen[i],
      payUnit: "day" as const,
      settlement: i % 3 === 0 ? ("same_day" as const) : ("on_completion" as const),
      createdAt: new Date(NOW - (i % 96) * 3_600_000),
      title: `${category.nameZh}${i}号`,
      address: `镇江市${district.streets[i % district.streets.length]}${i % 997}号${i % 31}楼`,
      headcount: 1 + (i % 5),
      filledCount: 0,
      employerRatingSum: (i % 7) * 9,
      employerRatingCount: (i % 7) * 2,
    };
  });
}

/** 5,000 workers × 2,000 gigs, 125 candidate workers a gig, weights from the real score. */
export function dispatchInstance(gigs: GigIndex): DispatchProblem {
  const workers = workersFrom(5_000, 9).map((w) => ({ ...w, anyCategory: true, rangeKm: 50 }));
  let seed = 12345;
  const next = () => {
    seed = (seed * 1664525 + 1013904223) >>> 0;
    return seed / 2 ** 32;
  };
  const pairs: Array<{ worker: number; gig: number; weight: number }> = [];
  const capacity: number[] = [];
  for (let g = 0; g < 2_000; g++) {
    capacity.push(1 + Math.floor(next() * 5));
    const facts = gigs.facts(g * 31);
    const chosen = new Set<number>();
    while (chosen.size < 125) chosen.add(Math.floor(next() * workers.length));
    for (const w of chosen) {
      const score = scorePair(workers[w], facts, NOW);
      if (score !== NOT_A_MATCH) pairs.push({ worker: w, gig: g, weight: Math.round(score * 1000) });
    }
  }
  return problemFromPairs(workers.length, capacity, pairs);
}
