/**
 * Open gigs in memory, column by column in typed arrays (about 65 bytes a gig, its id 25 more:
 * gig-ids.ts), with a spatial grid per category. `topForWorker` reads only the cells within the
 * worker's range; `scanForWorker` reads every row and exists to prove the grid returns the same top k.
 */

import { grown } from "../platform/typed-arrays.ts";
import { type CategoryTable, Dictionary, localParts, weekdayOf } from "./catalog.ts";
import { toRadians } from "./geo.ts";
import { GigIds } from "./gig-ids.ts";
import { Grid, TopK } from "./grid.ts";
import {
  type GigBest,
  type GigFacts,
  NOT_A_MATCH,
  scoreBound,
  scorePair,
  starAverage,
  type WorkerFacts,
} from "./score.ts";

/** What a recommendation shows of a gig, kept with it so the route needs no query for it. */
export interface GigDisplay {
  title: string;
  address: string;
  payFen: number;
  payUnit: "day" | "hour" | "piece";
  settlement: string;
  placesLeft: number;
}

/** A gig as the index needs it; times are epoch milliseconds. */
export interface GigRecord {
  id: string;
  districtCode: string;
  categoryCode: string;
  lat: number;
  lng: number;
  startsAt: number;
  endsAt: number;
  dailyPayFen: number;
  sameDayPay: boolean;
  employerRatingSum: number;
  employerRatingCount: number;
  postedAt: number;
  /** The city's offset from UTC, minutes (+480 in China). */
  utcOffsetMin: number;
  /** The city it is posted in (absent in benchmarks that build bare indexes of one city). */
  cityCode?: string;
  display?: GigDisplay;
}

export interface GigFilters {
  /** Only gigs of this city (its number from `cityNumber`): a city's market is its own. */
  city?: number;
  /** Only this category (a number from the CategoryTable). */
  category?: number;
  district?: string;
  /** Only gigs starting on this local day (see `dayNumber`). */
  day?: number;
  sameDayPayOnly?: boolean;
  maxKm?: number;
}

export interface Ranked {
  row: number;
  score: number;
}

/**
 * The best each bucket's gigs reach in the parts of the score a gig decides. Kept as gigs come;
 * a gig leaving does not lower it, so it may be above the best left: still a bound.
 */
interface BucketBest {
  maxDailyPayFen: number;
  uncomparablePay: boolean;
  maxEmployerStars: number;
  latestPostedMs: number;
}

/** A bucket the search may read, best first by what its gigs could score. */
interface Candidate {
  rows: number[];
  bound: number;
}

/** Added to each bound so rounding in its arithmetic never puts it below a score it covers. */
const BOUND_SLACK = 1e-9;

/** Markets with fewer open gigs of a category than this use the bureau's reference pay as the median. */
const MEDIAN_MIN_SAMPLE = 5;

export class GigIndex {
  private capacity = 0;
  private count = 0;
  private readonly free: number[] = [];
  private readonly ids = new GigIds();
  private readonly grid = new Grid();
  private readonly best = new WeakMap<number[], BucketBest>();
  private readonly districts = new Dictionary();
  private readonly cities = new Dictionary();
  /** Per row, what a recommendation shows (absent in benchmarks that build bare indexes). */
  display: Array<GigDisplay | undefined> = [];
  /** Degrees, as given: the score's radians are computed from them (`toRadians`) when read. */
  latDeg = new Float64Array(0);
  lngDeg = new Float64Array(0);
  startMs = new Float64Array(0);
  /** Ms from start to end: a gig lasts at most MAX_GIG_DAYS (31), well under 2^32 ms. */
  lengthMs = new Uint32Array(0);
  postedMs = new Float64Array(0);
  category = new Uint16Array(0);
  district = new Uint16Array(0);
  city = new Uint16Array(0);
  /** Days since 1970-01-01, local (until 2149). */
  localDay = new Uint16Array(0);
  localStartMin = new Uint16Array(0);
  localEndMin = new Uint16Array(0);
  dailyPay = new Int32Array(0);
  sameDayPay = new Uint8Array(0);
  alive = new Uint8Array(0);
  employerRatingSum = new Int32Array(0);
  employerRatingCount = new Int32Array(0);
  /**
   * Median daily pay of open gigs per city (its number) and category, recomputed by
   * `refreshMedians`: pay is compared with the worker's own city's market.
   */
  private medians = new Map<number, Int32Array>();
  private readonly scratch: GigFacts = emptyFacts();

  constructor(readonly categories: CategoryTable) {
    this.refreshMedians();
  }

  get size(): number {
    return this.count;
  }

  rowOfId(id: string): number | undefined {
    return this.ids.rowOf(id);
  }

  idOf(row: number): string {
    return this.ids.idOf(row);
  }

  /** The order of two rows' ids as strings, without spelling them out (a sort's last tie-break). */
  compareIds(a: number, b: number): number {
    return this.ids.compare(a, b);
  }

  upsert(g: GigRecord): void {
    const start = localParts(g.startsAt, g.utcOffsetMin);
    checkFits(g, start.day);
    this.remove(g.id);
    const row = this.free.pop() ?? this.grow();
    this.ids.set(row, g.id);
    this.display[row] = g.display;
    this.write(row, g, start);
    this.raiseBest(this.grid.add(this.category[row], g.lat, g.lng, row), row);
    this.count += 1;
  }

  remove(id: string): void {
    const row = this.ids.rowOf(id);
    if (row === undefined) return;
    this.grid.remove(this.category[row], this.latDeg[row], this.lngDeg[row], row);
    this.alive[row] = 0;
    this.display[row] = undefined;
    this.ids.delete(row);
    this.free.push(row);
    this.count -= 1;
  }

  /**
   * The best k open gigs for a worker. Reads only nearby cells of the categories the worker can
   * take, the most promising first, and stops once no cell left could beat the k it holds.
   */
  topForWorker(w: WorkerFacts, nowMs: number, k: number, filters: GigFilters = {}): Ranked[] {
    const top = new TopK(k);
    const km = Math.min(w.rangeKm, filters.maxKm ?? Number.POSITIVE_INFINITY);
    const latDeg = (w.latRad * 180) / Math.PI;
    const lngDeg = (w.lngRad * 180) / Math.PI;
    const candidates: Candidate[] = [];
    const bound: GigBest = {
      category: 0,
      nearestKm: 0,
      maxDailyPayFen: 0,
      uncomparablePay: false,
      marketMedianFen: 0,
      maxEmployerStars: 0,
      latestPostedMs: 0,
    };
    for (const category of this.categoriesFor(w, filters.category)) {
      bound.category = category;
      bound.marketMedianFen = this.lowestMedian(filters.city, category);
      this.grid.forEachBucketNear(category, latDeg, lngDeg, km, (rows, nearestKm) => {
        const best = this.best.get(rows) as BucketBest;
        bound.nearestKm = nearestKm;
        bound.maxDailyPayFen = best.maxDailyPayFen;
        bound.uncomparablePay = best.uncomparablePay;
        bound.maxEmployerStars = best.maxEmployerStars;
        bound.latestPostedMs = best.latestPostedMs;
        candidates.push({ rows, bound: scoreBound(w, bound, nowMs, filters) + BOUND_SLACK });
      });
    }
    candidates.sort((a, b) => b.bound - a.bound);
    for (const { rows, bound: limit } of candidates) {
      // A tie with the k-th may still enter (the lower row wins), so stop only strictly below it.
      if (limit < top.threshold) break;
      for (let i = 0; i < rows.length; i++) this.consider(rows[i], w, nowMs, filters, top);
    }
    return ranked(top);
  }

  /** The same answer as `topForWorker`, by reading every row. */
  scanForWorker(w: WorkerFacts, nowMs: number, k: number, filters: GigFilters = {}): Ranked[] {
    const top = new TopK(k);
    for (let row = 0; row < this.capacity; row++) {
      if (this.alive[row]) this.consider(row, w, nowMs, filters, top);
    }
    return ranked(top);
  }

  /** The facts of one row, in a fresh object (the hot paths reuse one instead). */
  facts(row: number): GigFacts {
    return this.fill(row, emptyFacts());
  }

  fill(row: number, f: GigFacts): GigFacts {
    f.latRad = toRadians(this.latDeg[row]);
    f.lngRad = toRadians(this.lngDeg[row]);
    f.category = this.category[row];
    f.startMs = this.startMs[row];
    f.endMs = this.startMs[row] + this.lengthMs[row];
    f.localWeekday = weekdayOf(this.localDay[row]);
    f.localStartMin = this.localStartMin[row];
    f.localEndMin = this.localEndMin[row];
    f.dailyPayFen = this.dailyPay[row];
    f.marketMedianFen = this.medianOf(this.city[row], f.category);
    f.employerRatingSum = this.employerRatingSum[row];
    f.employerRatingCount = this.employerRatingCount[row];
    f.postedMs = this.postedMs[row];
    return f;
  }

  private medianOf(city: number, category: number): number {
    return (
      this.medians.get(city)?.[category] ||
      this.categories.referencePay(this.cities.values[city] ?? "", category)
    );
  }

  /**
   * The market median a bucket's bound may assume: the city's, or without a city the lowest of
   * any city's (pay above a lower median scores higher, so the bound stays a bound).
   */
  private lowestMedian(city: number | undefined, category: number): number {
    if (city !== undefined) return this.medianOf(city, category);
    let lowest = Number.POSITIVE_INFINITY;
    for (let c = 0; c < this.cities.values.length; c++) lowest = Math.min(lowest, this.medianOf(c, category));
    return Number.isFinite(lowest) ? lowest : this.categories.list[category].referenceDailyPayFen;
  }

  /** Raises the bucket's best to cover the gig in `row`. */
  private raiseBest(bucket: number[], row: number): void {
    const stars = starAverage(this.employerRatingSum[row], this.employerRatingCount[row]);
    const best = this.best.get(bucket);
    if (!best) {
      this.best.set(bucket, {
        maxDailyPayFen: this.dailyPay[row],
        uncomparablePay: this.dailyPay[row] <= 0,
        maxEmployerStars: stars,
        latestPostedMs: this.postedMs[row],
      });
      return;
    }
    best.maxDailyPayFen = Math.max(best.maxDailyPayFen, this.dailyPay[row]);
    best.uncomparablePay ||= this.dailyPay[row] <= 0;
    best.maxEmployerStars = Math.max(best.maxEmployerStars, stars);
    best.latestPostedMs = Math.max(best.latestPostedMs, this.postedMs[row]);
  }

  districtOf(row: number): string {
    return this.districts.values[this.district[row]];
  }

  /** The number the `city` column holds for a city code, or undefined when no gig of it is open. */
  cityNumber(cityCode: string): number | undefined {
    return this.cities.find(cityCode);
  }

  /** The number the `district` column holds for a district code, or undefined when none is open. */
  districtNumber(districtCode: string): number | undefined {
    return this.districts.find(districtCode);
  }

  /** Rows in use (some may be free: check `alive`). */
  get rows(): number {
    return this.capacity;
  }

  /**
   * Median daily pay per city and category over open gigs, or the city's reference pay where
   * there are too few.
   */
  refreshMedians(): void {
    const samples = this.cities.values.map((): number[][] => this.categories.list.map(() => []));
    for (let row = 0; row < this.capacity; row++) {
      if (this.alive[row] && this.dailyPay[row] > 0)
        samples[this.city[row]]?.[this.category[row]]?.push(this.dailyPay[row]);
    }
    const medians = new Map<number, Int32Array>();
    samples.forEach((byCategory, city) => {
      const cityCode = this.cities.values[city];
      medians.set(
        city,
        Int32Array.from(byCategory, (s, category) => {
          if (s.length < MEDIAN_MIN_SAMPLE) return this.categories.referencePay(cityCode, category);
          s.sort((a, b) => a - b);
          return s[s.length >> 1];
        }),
      );
    });
    this.medians = medians;
  }

  /** Bytes held by the columns, the ids and the grid (display objects not counted). */
  approximateBytes(): number {
    let perRow = 0;
    for (const name of COLUMNS) perRow += this[name].BYTES_PER_ELEMENT;
    return this.alive.length * (perRow + 8) + this.ids.bytes() + this.grid.approximateBytes();
  }

  private categoriesFor(w: WorkerFacts, only: number | undefined): readonly number[] {
    if (only !== undefined) return w.anyCategory || w.categories.includes(only) ? [only] : [];
    return w.anyCategory ? this.categories.list.map((_, i) => i) : w.categories;
  }

  private consider(row: number, w: WorkerFacts, nowMs: number, filters: GigFilters, top: TopK): void {
    if (!this.passes(row, filters)) return;
    const score = scorePair(w, this.fill(row, this.scratch), nowMs, filters);
    if (score !== NOT_A_MATCH) top.offer(row, score);
  }

  private passes(row: number, f: GigFilters): boolean {
    if (f.city !== undefined && this.city[row] !== f.city) return false;
    if (f.category !== undefined && this.category[row] !== f.category) return false;
    if (f.day !== undefined && this.localDay[row] !== f.day) return false;
    if (f.sameDayPayOnly && !this.sameDayPay[row]) return false;
    return f.district === undefined || this.districts.values[this.district[row]] === f.district;
  }

  private write(row: number, g: GigRecord, start: { day: number; minute: number }): void {
    this.latDeg[row] = g.lat;
    this.lngDeg[row] = g.lng;
    this.startMs[row] = g.startsAt;
    this.lengthMs[row] = g.endsAt - g.startsAt;
    this.postedMs[row] = g.postedAt;
    this.category[row] = this.categories.idOf(g.categoryCode);
    this.district[row] = this.districts.idOf(g.districtCode);
    this.city[row] = this.cities.idOf(g.cityCode ?? "");
    this.localDay[row] = start.day;
    this.localStartMin[row] = start.minute;
    this.localEndMin[row] = localParts(g.endsAt, g.utcOffsetMin).minute;
    this.dailyPay[row] = g.dailyPayFen;
    this.sameDayPay[row] = g.sameDayPay ? 1 : 0;
    this.employerRatingSum[row] = g.employerRatingSum;
    this.employerRatingCount[row] = g.employerRatingCount;
    this.alive[row] = 1;
  }

  /** A new row at the end, doubling every column when full. */
  private grow(): number {
    if (this.capacity === this.alive.length) {
      const next = Math.max(1024, this.capacity * 2);
      for (const name of COLUMNS) (this as Record<string, unknown>)[name] = grown(this[name], next);
      this.ids.reserve(next);
      // An array of exactly the rows, where pushing would leave up to half of it spare.
      const display = this.display;
      this.display = Array.from({ length: next }, (_, row) => display[row]);
    }
    return this.capacity++;
  }
}

const COLUMNS = [
  "latDeg",
  "lngDeg",
  "startMs",
  "lengthMs",
  "postedMs",
  "category",
  "district",
  "city",
  "localDay",
  "localStartMin",
  "localEndMin",
  "dailyPay",
  "sameDayPay",
  "alive",
  "employerRatingSum",
  "employerRatingCount",
] as const;

/** Refuses a gig whose times a row cannot hold exactly, before anything is written. */
function checkFits(g: GigRecord, day: number): void {
  const lengthMs = g.endsAt - g.startsAt;
  if (!Number.isInteger(lengthMs) || lengthMs < 0 || lengthMs > 0xffffffff)
    throw new RangeError(`gig ${g.id} lasts ${lengthMs} ms: a row holds whole ms up to 49 days`);
  if (day < 0 || day > 0xffff) throw new RangeError(`gig ${g.id} starts outside 1970–2149`);
}

function ranked(top: TopK): Ranked[] {
  return top.rows.map((row, i) => ({ row, score: top.scores[i] }));
}

function emptyFacts(): GigFacts {
  return {
    latRad: 0,
    lngRad: 0,
    category: 0,
    startMs: 0,
    endMs: 0,
    localWeekday: 0,
    localStartMin: 0,
    localEndMin: 0,
    dailyPayFen: 0,
    marketMedianFen: 20_000,
    employerRatingSum: 0,
    employerRatingCount: 0,
    postedMs: 0,
  };
}
