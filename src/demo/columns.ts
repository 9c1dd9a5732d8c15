/**
 * Columnar demo data for benchmarks: a million open gigs or workers in typed arrays, in a
 * few seconds, with the same shapes as the demo city (districts, category mix, pay around
 * the reference, typical start hours). Points are drawn from a pool sampled inside the
 * districts' boundaries and jittered by up to ~300 m, which is exact enough for matching.
 */
import { pointIn, zhenjiangPlaces } from "./places.ts";
import { cumulative, drawIndex, Random } from "./random.ts";
import { DEMO_CATEGORIES, dailyEquivalentFen, rateAround } from "./work-patterns.ts";

export interface GigColumns {
  count: number;
  lat: Float64Array;
  lng: Float64Array;
  /** Index into DEMO_CATEGORIES (reference order of CATEGORY_SEEDS). */
  category: Uint16Array;
  /** Index into the city's districts (ZHENJIANG_DISTRICTS order). */
  district: Uint8Array;
  /** Pay in the category's unit (day, hour or piece), fen. */
  payFen: Int32Array;
  /** The same pay as a day's work, fen, for comparing with expectations. */
  dailyPayFen: Int32Array;
  startMs: Float64Array;
  endMs: Float64Array;
  headcount: Uint8Array;
}

export interface WorkerColumns {
  count: number;
  lat: Float64Array;
  lng: Float64Array;
  category: Uint16Array;
  /** A second kind of work, or -1. */
  secondCategory: Int16Array;
  district: Uint8Array;
  expectedDailyPayFen: Int32Array;
  rangeKm: Uint8Array;
}

const POOL_PER_DISTRICT = 1024;
const JITTER_DEG = 0.003;
const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
/** Asia/Shanghai has no daylight saving: local time is UTC+8 all year. */
const SHANGHAI_OFFSET_MS = 8 * HOUR_MS;
/** A fixed default "now" so that columns are reproducible unless a time is given. */
export const COLUMNS_DEFAULT_NOW = Date.UTC(2024, 2, 4, 0, 0, 0);

interface PointPool {
  lat: Float64Array;
  lng: Float64Array;
  districtWeights: Float64Array;
}

function pointPool(random: Random): PointPool {
  const { districts } = zhenjiangPlaces();
  const lat = new Float64Array(districts.length * POOL_PER_DISTRICT);
  const lng = new Float64Array(lat.length);
  districts.forEach((district, d) => {
    for (let i = 0; i < POOL_PER_DISTRICT; i++) {
      const point = pointIn(district, random);
      lat[d * POOL_PER_DISTRICT + i] = point.lat;
      lng[d * POOL_PER_DISTRICT + i] = point.lng;
    }
  });
  return { lat, lng, districtWeights: cumulative(districts.map((d) => d.weight)) };
}

function drawPoint(
  pool: PointPool,
  random: Random,
  out: { lat: Float64Array; lng: Float64Array; district: Uint8Array },
  i: number,
): void {
  const d = drawIndex(pool.districtWeights, random.next());
  const k = d * POOL_PER_DISTRICT + Math.floor(random.next() * POOL_PER_DISTRICT);
  out.lat[i] = pool.lat[k] + (random.next() - 0.5) * 2 * JITTER_DEG;
  out.lng[i] = pool.lng[k] + (random.next() - 0.5) * 2 * JITTER_DEG;
  out.district[i] = d;
}

/** `count` open gigs starting over the 14 days after `nowMs`. */
export function generateOpenGigColumns(count: number, seed: number, nowMs = COLUMNS_DEFAULT_NOW): GigColumns {
  const random = new Random(seed);
  const pool = pointPool(random);
  const demand = cumulative(DEMO_CATEGORIES.map((c) => c.pattern.demand));
  const columns: GigColumns = {
    count,
    lat: new Float64Array(count),
    lng: new Float64Array(count),
    category: new Uint16Array(count),
    district: new Uint8Array(count),
    payFen: new Int32Array(count),
    dailyPayFen: new Int32Array(count),
    startMs: new Float64Array(count),
    endMs: new Float64Array(count),
    headcount: new Uint8Array(count),
  };
  const firstLocalMidnight = Math.floor((nowMs + SHANGHAI_OFFSET_MS) / DAY_MS) * DAY_MS - SHANGHAI_OFFSET_MS;
  for (let i = 0; i < count; i++) {
    drawPoint(pool, random, columns, i);
    const c = drawIndex(demand, random.next());
    const category = DEMO_CATEGORIES[c];
    columns.category[i] = c;
    columns.payFen[i] = rateAround(category, random.normal() * 0.12);
    columns.dailyPayFen[i] = dailyEquivalentFen(category, columns.payFen[i]);
    const day = 1 + Math.floor(random.next() * 14);
    const start = firstLocalMidnight + day * DAY_MS + random.pick(category.pattern.startHours) * HOUR_MS;
    columns.startMs[i] = start;
    columns.endMs[i] = start + category.pattern.hours * HOUR_MS;
    columns.headcount[i] = random.chance(0.08) ? random.int(6, 30) : random.int(1, 5);
  }
  return columns;
}

/** `count` workers with one or two kinds of work, an expected daily pay and a travel range. */
export function generateWorkerColumns(count: number, seed: number): WorkerColumns {
  const random = new Random(seed);
  const pool = pointPool(random);
  const demand = cumulative(DEMO_CATEGORIES.map((c) => c.pattern.demand));
  const columns: WorkerColumns = {
    count,
    lat: new Float64Array(count),
    lng: new Float64Array(count),
    category: new Uint16Array(count),
    secondCategory: new Int16Array(count),
    district: new Uint8Array(count),
    expectedDailyPayFen: new Int32Array(count),
    rangeKm: new Uint8Array(count),
  };
  for (let i = 0; i < count; i++) {
    drawPoint(pool, random, columns, i);
    const c = drawIndex(demand, random.next());
    columns.category[i] = c;
    const second = random.chance(0.5) ? drawIndex(demand, random.next()) : -1;
    columns.secondCategory[i] = second === c ? -1 : second;
    const reference = DEMO_CATEGORIES[c].referenceDailyPayFen;
    columns.expectedDailyPayFen[i] = Math.round((reference * (0.95 + random.normal() * 0.1)) / 1000) * 1000;
    columns.rangeKm[i] = random.pick([3, 5, 5, 8, 10, 10, 15, 20, 30]);
  }
  return columns;
}
