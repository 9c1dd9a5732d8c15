/**
 * Workers who can be offered work, in memory, with a spatial grid per (category, range band):
 * a worker willing to travel 5 km is only looked for within 5 km of a gig, so a search reads
 * few cells even over a million workers. Workers open to any work sit in their own group.
 * Each cell keeps its workers best first by the part of the score no gig changes (`ownPart`), so
 * a search reads the promising cells first and, inside a cell, stops at the first worker who can
 * no longer reach the k-th score found.
 */
import type { CategoryTable } from "./catalog.ts";
import { haversineKm } from "./geo.ts";
import type { Ranked } from "./gig-index.ts";
import { Grid, TopK } from "./grid.ts";
import {
  fitPart,
  type GigFacts,
  NOT_A_MATCH,
  ownPart,
  type ScoreOptions,
  scorePair,
  WEIGHTS,
  type WorkerBest,
  type WorkerFacts,
  workerRestBound,
} from "./score.ts";

export interface WorkerRecord extends WorkerFacts {
  id: string;
  latDeg: number;
  lngDeg: number;
  districtCodes: readonly string[];
}

/** Upper limits of the range bands, km; ranges above the last are searched at the last. */
const RANGE_BANDS = [3, 5, 10, 20, 50] as const;
export const MAX_RANGE_KM = RANGE_BANDS[RANGE_BANDS.length - 1];

/** The most `fitPart` can give a worker open to any work, whatever the gig's category. */
function fitAnywhere(w: WorkerFacts): number {
  let fit = fitPart(w, -1);
  for (const c of w.categories) fit = Math.max(fit, fitPart(w, c));
  for (const c of w.doneByCategory.keys()) fit = Math.max(fit, fitPart(w, c));
  return fit;
}

function bandOf(rangeKm: number): number {
  const i = RANGE_BANDS.findIndex((limit) => rangeKm <= limit);
  return i < 0 ? RANGE_BANDS.length - 1 : i;
}

/** What one worker reaches in the parts `workerRestBound` reads. */
function bestOf(w: WorkerRecord): WorkerBest {
  const expects = w.expectedDailyPayFen !== null && w.expectedDailyPayFen > 0;
  return {
    maxRangeKm: w.rangeKm,
    minExpectedFen: expects ? (w.expectedDailyPayFen as number) : Number.POSITIVE_INFINITY,
    someExpectNothing: !expects,
    latestActiveMs: w.activeAtMs,
    allWithoutAvailability: w.availability === null,
  };
}

/** Raises a bucket's best to cover worker `w`. */
function raiseBest(b: WorkerBest, w: WorkerRecord): void {
  const mine = bestOf(w);
  b.maxRangeKm = Math.max(b.maxRangeKm, mine.maxRangeKm);
  b.minExpectedFen = Math.min(b.minExpectedFen, mine.minExpectedFen);
  b.someExpectNothing ||= mine.someExpectNothing;
  b.latestActiveMs = Math.max(b.latestActiveMs, mine.latestActiveMs);
  b.allWithoutAvailability &&= mine.allWithoutAvailability;
}

/** The first index whose own part is below `value` (the list is in descending order). */
function firstBelow(list: readonly number[], value: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid] >= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Added to each bound so rounding in its arithmetic never puts it below a score it covers. */
const BOUND_SLACK = 1e-9;
const ANY_CATEGORY = 0xffff;

/** What a bucket's workers reach at best, and their own parts in the bucket's order (descending). */
interface BucketMeta extends WorkerBest {
  own: number[];
}

/** Per row: where the worker lives and how far they travel, read without touching the record. */
const PLACE_FIELDS = 4;

export class WorkerIndex {
  readonly rows: Array<WorkerRecord | undefined> = [];
  private readonly free: number[] = [];
  private readonly rowOf = new Map<string, number>();
  private readonly grid = new Grid();
  /** Each bucket's best (not lowered when one leaves, so still a bound) and own parts. */
  private readonly meta = new WeakMap<number[], BucketMeta>();
  /** latRad, lngRad, cosLat, rangeKm of each row, side by side. */
  private place = new Float64Array(PLACE_FIELDS * 1024);
  private count = 0;

  /** The group number for "open to any work" comes after every category. */
  constructor(readonly categories: CategoryTable) {}

  get size(): number {
    return this.count;
  }

  get(id: string): WorkerRecord | undefined {
    const row = this.rowOf.get(id);
    return row === undefined ? undefined : this.rows[row];
  }

  upsert(w: WorkerRecord): void {
    this.remove(w.id);
    const row = this.free.pop() ?? this.rows.length;
    w.rangeKm = Math.min(w.rangeKm, MAX_RANGE_KM);
    this.rows[row] = w;
    this.rowOf.set(w.id, row);
    this.setPlace(row, w);
    for (const group of this.groupsOf(w)) {
      const category = Math.floor(group / RANGE_BANDS.length);
      const key = ownPart(w, category === ANY_CATEGORY ? fitAnywhere(w) : fitPart(w, category));
      let meta: BucketMeta | undefined;
      const bucket = this.grid.insert(group, w.latDeg, w.lngDeg, row, (rows) => {
        meta = this.meta.get(rows) as BucketMeta;
        const at = firstBelow(meta.own, key);
        meta.own.splice(at, 0, key);
        return at;
      });
      if (meta) raiseBest(meta, w);
      else this.meta.set(bucket, { ...bestOf(w), own: [key] });
    }
    this.count += 1;
  }

  remove(id: string): void {
    const row = this.rowOf.get(id);
    if (row === undefined) return;
    const w = this.rows[row] as WorkerRecord;
    for (const group of this.groupsOf(w)) {
      const taken = this.grid.take(group, w.latDeg, w.lngDeg, row);
      if (taken) this.meta.get(taken.bucket)?.own.splice(taken.index, 1);
    }
    this.rows[row] = undefined;
    this.rowOf.delete(id);
    this.free.push(row);
    this.count -= 1;
  }

  /**
   * The best k workers for a gig; `accept` narrows the pool (a district, not already invited).
   * Reads the nearby cells the most promising first and stops once none left could beat the k.
   */
  topForGig(
    g: GigFacts,
    latDeg: number,
    lngDeg: number,
    nowMs: number,
    k: number,
    accept: (w: WorkerRecord) => boolean = () => true,
    options: ScoreOptions = {},
  ): Ranked[] {
    const top = new TopK(k);
    const buckets: number[][] = [];
    const metas: BucketMeta[] = [];
    const rests: number[] = [];
    const bounds: number[] = [];
    this.forEachNearbyBucket(g.category, latDeg, lngDeg, options.maxKm, (rows, nearestKm) => {
      const meta = this.meta.get(rows) as BucketMeta;
      const rest = workerRestBound(g, meta, nearestKm, nowMs) + BOUND_SLACK;
      buckets.push(rows);
      metas.push(meta);
      // The rest without its distance part: each worker's own distance replaces it below.
      rests.push(rest - WEIGHTS.distance * Math.max(0, 1 - nearestKm / meta.maxRangeKm));
      bounds.push(meta.own[0] + rest);
    });
    const maxKm = options.maxKm ?? Number.POSITIVE_INFINITY;
    const place = this.place;
    const order = Uint32Array.from(bounds.keys()).sort((a, b) => bounds[b] - bounds[a]);
    for (const i of order) {
      // A tie with the k-th may still enter (the lower row wins), so stop only strictly below it.
      if (bounds[i] < top.threshold) break;
      const rows = buckets[i];
      const own = metas[i].own;
      const bucketBound = bounds[i] - own[0];
      const restBeside = rests[i];
      for (let j = 0; j < rows.length; j++) {
        if (own[j] + bucketBound < top.threshold) break;
        // The worker's own distance, from the side table: out of range is no match; otherwise
        // it tightens the bound before the record itself is read.
        const at = rows[j] * PLACE_FIELDS;
        const rangeKm = place[at + 3];
        const km = haversineKm(place[at], place[at + 1], place[at + 2], g.latRad, g.lngRad);
        if (km > rangeKm || km > maxKm) continue;
        if (own[j] + restBeside + WEIGHTS.distance * (1 - km / rangeKm) < top.threshold) continue;
        this.consider(rows[j], g, nowMs, accept, options, top);
      }
    }
    return top.rows.map((row, i) => ({ row, score: top.scores[i] }));
  }

  /** Every worker a gig may go to, with the pair's score: the candidates of an exact dispatch. */
  forEachCandidate(
    g: GigFacts,
    latDeg: number,
    lngDeg: number,
    nowMs: number,
    accept: (w: WorkerRecord) => boolean,
    options: ScoreOptions,
    emit: (w: WorkerRecord, score: number) => void,
  ): void {
    const visit = (rows: number[]): void => {
      for (const row of rows) {
        const w = this.rows[row] as WorkerRecord;
        const score = scorePair(w, g, nowMs, options);
        if (score !== NOT_A_MATCH && accept(w)) emit(w, score);
      }
    };
    this.forEachNearbyBucket(g.category, latDeg, lngDeg, options.maxKm, visit);
  }

  /** The same answer as `topForGig`, by reading every worker. */
  scanForGig(
    g: GigFacts,
    nowMs: number,
    k: number,
    accept: (w: WorkerRecord) => boolean = () => true,
  ): Ranked[] {
    const top = new TopK(k);
    for (let row = 0; row < this.rows.length; row++) {
      if (this.rows[row]) this.consider(row, g, nowMs, accept, {}, top);
    }
    return top.rows.map((row, i) => ({ row, score: top.scores[i] }));
  }

  /** Rough bytes per worker: the record object, its arrays, the grid entries and their own parts. */
  approximateBytes(): number {
    return this.count * 320 + this.place.byteLength + this.grid.approximateBytes() * 2;
  }

  private consider(
    row: number,
    g: GigFacts,
    nowMs: number,
    accept: (w: WorkerRecord) => boolean,
    options: ScoreOptions,
    top: TopK,
  ): void {
    const w = this.rows[row] as WorkerRecord;
    const score = scorePair(w, g, nowMs, options);
    if (score !== NOT_A_MATCH && accept(w)) top.offer(row, score);
  }

  /** Buckets of the gig's category and of "any work", each range band searched only as far as it reaches. */
  private forEachNearbyBucket(
    category: number,
    latDeg: number,
    lngDeg: number,
    maxKm: number | undefined,
    visit: (rows: number[], nearestKm: number) => void,
  ): void {
    for (let band = 0; band < RANGE_BANDS.length; band++) {
      const km = Math.min(RANGE_BANDS[band], maxKm ?? Number.POSITIVE_INFINITY);
      for (const group of [this.group(category, band), this.group(this.anyGroup(), band)]) {
        this.grid.forEachBucketNear(group, latDeg, lngDeg, km, visit);
      }
    }
  }

  private anyGroup(): number {
    return ANY_CATEGORY;
  }

  private setPlace(row: number, w: WorkerRecord): void {
    if ((row + 1) * PLACE_FIELDS > this.place.length) {
      const grown = new Float64Array(this.place.length * 2);
      grown.set(this.place);
      this.place = grown;
    }
    const at = row * PLACE_FIELDS;
    this.place[at] = w.latRad;
    this.place[at + 1] = w.lngRad;
    this.place[at + 2] = w.cosLat;
    this.place[at + 3] = w.rangeKm;
  }

  private group(category: number, band: number): number {
    return category * RANGE_BANDS.length + band;
  }

  private groupsOf(w: WorkerRecord): number[] {
    const band = bandOf(w.rangeKm);
    if (w.anyCategory) return [this.group(this.anyGroup(), band)];
    return w.categories.map((c) => this.group(c, band));
  }
}
