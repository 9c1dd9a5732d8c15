/**
 * Workers who can be offered work, in memory, with a spatial grid per (category, range band):
 * a worker willing to travel 5 km is only looked for within 5 km of a gig, so a search reads
 * few cells even over a million workers. Workers open to any work sit in their own group.
 */
import type { CategoryTable } from "./catalog.ts";
import type { Ranked } from "./gig-index.ts";
import { Grid, TopK } from "./grid.ts";
import {
  fairnessBoost,
  fitPart,
  type GigFacts,
  NOT_A_MATCH,
  reliabilityPart,
  type ScoreOptions,
  scorePair,
  starAverage,
  type WorkerBest,
  type WorkerFacts,
  workerScoreBound,
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

/** Added to each bound so rounding in its arithmetic never puts it below a score it covers. */
const BOUND_SLACK = 1e-9;
const ANY_CATEGORY = 0xffff;

type BucketBest = Omit<WorkerBest, "nearestKm">;

export class WorkerIndex {
  readonly rows: Array<WorkerRecord | undefined> = [];
  private readonly free: number[] = [];
  private readonly rowOf = new Map<string, number>();
  private readonly grid = new Grid();
  /** The best each bucket's workers reach; not lowered when one leaves, so still a bound. */
  private readonly best = new WeakMap<number[], BucketBest>();
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
    for (const group of this.groupsOf(w)) {
      const category = Math.floor(group / RANGE_BANDS.length);
      this.raiseBest(this.grid.add(group, w.latDeg, w.lngDeg, row), w, category);
    }
    this.count += 1;
  }

  remove(id: string): void {
    const row = this.rowOf.get(id);
    if (row === undefined) return;
    const w = this.rows[row] as WorkerRecord;
    for (const group of this.groupsOf(w)) this.grid.remove(group, w.latDeg, w.lngDeg, row);
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
    const bounds: number[] = [];
    const best = { nearestKm: 0 } as WorkerBest;
    this.forEachNearbyBucket(g.category, latDeg, lngDeg, options.maxKm, (rows, nearestKm) => {
      Object.assign(best, this.best.get(rows));
      best.nearestKm = nearestKm;
      buckets.push(rows);
      bounds.push(workerScoreBound(g, best, nowMs, options) + BOUND_SLACK);
    });
    const order = Uint32Array.from(bounds.keys()).sort((a, b) => bounds[b] - bounds[a]);
    for (const i of order) {
      // A tie with the k-th may still enter (the lower row wins), so stop only strictly below it.
      if (bounds[i] < top.threshold) break;
      const rows = buckets[i];
      for (let j = 0; j < rows.length; j++) this.consider(rows[j], g, nowMs, accept, options, top);
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

  /** Rough bytes per worker: the record object, its arrays and the grid entries. */
  approximateBytes(): number {
    return this.count * 320 + this.grid.approximateBytes();
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

  /** Raises the bucket's best to cover worker `w` (in a category's group, or "any work"'s). */
  private raiseBest(bucket: number[], w: WorkerRecord, category: number): void {
    const fit = category === ANY_CATEGORY ? fitAnywhere(w) : fitPart(w, category);
    const expects = w.expectedDailyPayFen !== null && w.expectedDailyPayFen > 0;
    const b = this.best.get(bucket);
    const mine: BucketBest = {
      maxRangeKm: w.rangeKm,
      maxFit: fit,
      minExpectedFen: expects ? (w.expectedDailyPayFen as number) : Number.POSITIVE_INFINITY,
      someExpectNothing: !expects,
      maxReliability: reliabilityPart(w),
      maxStars: starAverage(w.ratingSum, w.ratingCount),
      latestActiveMs: w.activeAtMs,
      maxFairness: fairnessBoost(w.recentBookings),
      allWithoutAvailability: w.availability === null,
    };
    if (!b) {
      this.best.set(bucket, mine);
      return;
    }
    b.maxRangeKm = Math.max(b.maxRangeKm, mine.maxRangeKm);
    b.maxFit = Math.max(b.maxFit, mine.maxFit);
    b.minExpectedFen = Math.min(b.minExpectedFen, mine.minExpectedFen);
    b.someExpectNothing ||= mine.someExpectNothing;
    b.maxReliability = Math.max(b.maxReliability, mine.maxReliability);
    b.maxStars = Math.max(b.maxStars, mine.maxStars);
    b.latestActiveMs = Math.max(b.latestActiveMs, mine.latestActiveMs);
    b.maxFairness = Math.max(b.maxFairness, mine.maxFairness);
    b.allWithoutAvailability &&= mine.allWithoutAvailability;
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
