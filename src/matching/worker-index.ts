/**
 * Workers who can be offered work, in memory, with a spatial grid per (category, range band):
 * a worker willing to travel 5 km is only looked for within 5 km of a gig, so a search reads
 * few cells even over a million workers. Workers open to any work sit in their own group.
 * Each cell keeps its workers best first by the part of the score no gig changes (`ownPart`), so
 * a search reads the promising cells first and, inside a cell, stops at the first worker who can
 * no longer reach the k-th score found.
 *
 * Workers are rows of typed columns (worker-columns.ts) and cells are offsets into two shared
 * typed arrays (worker-cells.ts): under 200 bytes a worker with its id, and no object a worker
 * but the id for the garbage collector to walk. A search allocates no arrays but its answer.
 */
import type { CategoryTable } from "./catalog.ts";
import { haversineKm } from "./geo.ts";
import type { Ranked } from "./gig-index.ts";
import { cellOf, TopK } from "./grid.ts";
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
import { WorkerCells } from "./worker-cells.ts";
import { CategoryView, WorkerColumns } from "./worker-columns.ts";

export interface WorkerRecord extends WorkerFacts {
  id: string;
  /** Her city (absent in benchmarks that build bare indexes of one city). */
  cityCode?: string;
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
function bestOf(w: WorkerFacts, rangeKm: number): WorkerBest {
  const expects = w.expectedDailyPayFen !== null && w.expectedDailyPayFen > 0;
  return {
    maxRangeKm: rangeKm,
    minExpectedFen: expects ? (w.expectedDailyPayFen as number) : Number.POSITIVE_INFINITY,
    someExpectNothing: !expects,
    latestActiveMs: w.activeAtMs,
    allWithoutAvailability: w.availability === null,
  };
}

/** Added to each bound so rounding in its arithmetic never puts it below a score it covers. */
const BOUND_SLACK = 1e-9;
/** The best a cell can have in each part `workerRestBound` reads (each part rises with these). */
const ANY_CELL_AT_BEST: WorkerBest = {
  maxRangeKm: 1,
  minExpectedFen: Number.MIN_VALUE,
  someExpectNothing: true,
  latestActiveMs: Number.POSITIVE_INFINITY,
  allWithoutAvailability: false,
};
const ANY_CATEGORY = 0xffff;

function group(category: number, band: number): number {
  return category * RANGE_BANDS.length + band;
}

export class WorkerIndex {
  private readonly columns = new WorkerColumns();
  private readonly cells = new WorkerCells();
  private readonly free: number[] = [];
  private readonly rowOf = new Map<string, number>();
  private count = 0;
  /** Reused by every search. */
  private readonly view = new CategoryView();
  private readonly top = new TopK(0);
  private readonly queue = new CellQueue();
  private readonly cellBest: WorkerBest = {
    maxRangeKm: 0,
    minExpectedFen: 0,
    someExpectNothing: false,
    latestActiveMs: 0,
    allWithoutAvailability: false,
  };
  /**
   * The most the rest of the score beside distance gives any worker for the gig searched for:
   * `workerRestBound` at the best any cell can have. Cells are queued with it, and bounded by
   * their own best only when the search reaches them: most never are.
   */
  private roughBeside = 0;
  /** Queues a cell near the gig being searched for, with the most its workers could score. */
  private readonly queueCell = (cell: number, nearestKm: number): void => {
    const best = this.cells.bestOf(cell, this.cellBest);
    // Nearer than the cell can be, no worker of it travels: none of them can take the gig.
    if (nearestKm > best.maxRangeKm) return;
    const distance = WEIGHTS.distance * Math.max(0, 1 - nearestKm / best.maxRangeKm);
    const bound = this.cells.own[this.cells.start[cell]] + this.roughBeside + distance;
    this.queue.push(cell, bound, this.roughBeside, nearestKm);
  };

  /** The group number for "open to any work" comes after every category. */
  constructor(readonly categories: CategoryTable) {}

  get size(): number {
    return this.count;
  }

  get(id: string): WorkerRecord | undefined {
    const row = this.rowOf.get(id);
    return row === undefined ? undefined : this.columns.record(row);
  }

  /** The worker in `row` (a row of a search's answer), as a record of its own. */
  record(row: number): WorkerRecord {
    return this.columns.record(row);
  }

  /** Adds or replaces a worker. The index keeps a copy: a later change reaches it only by another upsert. */
  upsert(w: WorkerRecord): void {
    this.columns.checkFits(w);
    this.remove(w.id);
    const row = this.free.pop() ?? this.columns.grow();
    const rangeKm = Math.min(w.rangeKm, MAX_RANGE_KM);
    const gridCell = cellOf(w.latDeg, w.lngDeg);
    this.columns.write(row, w, rangeKm, gridCell);
    this.rowOf.set(w.id, row);
    const best = bestOf(w, rangeKm);
    const band = bandOf(rangeKm);
    if (w.anyCategory) {
      this.cells.insert(group(ANY_CATEGORY, band), gridCell, row, ownPart(w, fitAnywhere(w)), best);
    } else {
      for (const c of w.categories)
        this.cells.insert(group(c, band), gridCell, row, ownPart(w, fitPart(w, c)), best);
    }
    this.count += 1;
  }

  remove(id: string): void {
    const row = this.rowOf.get(id);
    if (row === undefined) return;
    const c = this.columns;
    const band = bandOf(c.rangeKm[row]);
    const gridCell = c.gridCell[row];
    if (c.anyCategory(row)) this.cells.take(group(ANY_CATEGORY, band), gridCell, row);
    else {
      const from = c.categoriesFrom(row);
      for (let i = from; i < from + c.categoryCount[row]; i++)
        this.cells.take(group(c.lists.data[i], band), gridCell, row);
    }
    c.clear(row);
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
    accept?: (w: WorkerRecord) => boolean,
    options: ScoreOptions = {},
  ): Ranked[] {
    const top = this.top;
    top.reset(k);
    this.view.forCategory(g.category);
    this.roughBeside = workerRestBound(g, ANY_CELL_AT_BEST, 0, nowMs) + BOUND_SLACK - WEIGHTS.distance;
    this.queue.clear();
    this.forEachNearbyCell(g.category, latDeg, lngDeg, options.maxKm, this.queueCell);
    this.queue.order();
    const maxKm = options.maxKm ?? Number.POSITIVE_INFINITY;
    const { rows, own, start, length } = this.cells;
    const { latRad, lngRad, cosLat, rangeKm } = this.columns;
    // The k-th score found, read again only when a row was offered.
    let threshold = top.threshold;
    for (let i = this.queue.next(); i >= 0; i = this.queue.next()) {
      const bound = this.queue.bound[i];
      // A tie with the k-th may still enter (the lower row wins), so stop only strictly below it.
      if (bound < threshold) break;
      if (this.queue.rough[i]) {
        this.tighten(i, g, nowMs);
        continue;
      }
      const cell = this.queue.cell[i];
      const from = start[cell];
      const cellBound = bound - own[from];
      const restBeside = this.queue.beside[i];
      for (let j = from; j < from + length[cell]; j++) {
        if (own[j] + cellBound < threshold) break;
        // The worker's own distance: out of range is no match; otherwise it tightens the bound
        // before the rest of the row is read.
        const row = rows[j];
        const km = haversineKm(latRad[row], lngRad[row], cosLat[row], g.latRad, g.lngRad);
        if (km > rangeKm[row] || km > maxKm) continue;
        if (own[j] + restBeside + WEIGHTS.distance * (1 - km / rangeKm[row]) < threshold) continue;
        if (this.consider(row, g, nowMs, accept, options)) threshold = top.threshold;
      }
    }
    return ranked(top);
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
    const { rows, start, length } = this.cells;
    const view = this.view;
    view.forCategory(g.category);
    this.forEachNearbyCell(g.category, latDeg, lngDeg, options.maxKm, (cell) => {
      for (let j = start[cell]; j < start[cell] + length[cell]; j++) {
        const score = scorePair(this.columns.readFor(rows[j], view), g, nowMs, options);
        if (score === NOT_A_MATCH) continue;
        const w = this.columns.record(rows[j]);
        if (accept(w)) emit(w, score);
      }
    });
  }

  /** The same answer as `topForGig`, by reading every worker. */
  scanForGig(g: GigFacts, nowMs: number, k: number, accept?: (w: WorkerRecord) => boolean): Ranked[] {
    const top = this.top;
    top.reset(k);
    this.view.forCategory(g.category);
    for (let row = 0; row < this.columns.rows; row++) {
      if (this.columns.alive(row)) this.consider(row, g, nowMs, accept, {});
    }
    return ranked(top);
  }

  /** Bytes held by the columns, the lists, the cells and the ids. */
  approximateBytes(): number {
    return this.columns.bytes(this.count) + this.cells.bytes();
  }

  /** Bounds a queued cell by its own workers' best and queues it again with that. */
  private tighten(i: number, g: GigFacts, nowMs: number): void {
    const cell = this.queue.cell[i];
    const nearestKm = this.queue.nearestKm[i];
    const best = this.cells.bestOf(cell, this.cellBest);
    const rest = workerRestBound(g, best, nearestKm, nowMs) + BOUND_SLACK;
    // The rest without its distance part: each worker's own distance replaces it when read.
    const beside = rest - WEIGHTS.distance * Math.max(0, 1 - nearestKm / best.maxRangeKm);
    this.queue.tighten(i, this.cells.own[this.cells.start[cell]] + rest, beside);
  }

  private consider(
    row: number,
    g: GigFacts,
    nowMs: number,
    accept: ((w: WorkerRecord) => boolean) | undefined,
    options: ScoreOptions,
  ): boolean {
    const score = scorePair(this.columns.readFor(row, this.view), g, nowMs, options);
    // Below the k-th the row cannot enter: skip reading its record for `accept`.
    if (score === NOT_A_MATCH || score < this.top.threshold) return false;
    if (accept && !accept(this.columns.record(row))) return false;
    this.top.offer(row, score);
    return true;
  }

  /** Cells of the gig's category and of "any work", each range band searched only as far as it reaches. */
  private forEachNearbyCell(
    category: number,
    latDeg: number,
    lngDeg: number,
    maxKm: number | undefined,
    visit: (cell: number, nearestKm: number) => void,
  ): void {
    for (let band = 0; band < RANGE_BANDS.length; band++) {
      const km = Math.min(RANGE_BANDS[band], maxKm ?? Number.POSITIVE_INFINITY);
      this.cells.forEachNear(group(category, band), latDeg, lngDeg, km, visit);
      this.cells.forEachNear(group(ANY_CATEGORY, band), latDeg, lngDeg, km, visit);
    }
  }
}

function ranked(top: TopK): Ranked[] {
  return top.rows.map((row, i) => ({ row, score: top.scores[i] }));
}

/**
 * The cells of one search, taken best bound first: a binary heap over reused typed arrays, so
 * the search reads the few cells it needs without sorting the thousands it could.
 */
class CellQueue {
  cell = new Int32Array(1024);
  bound = new Float64Array(1024);
  beside = new Float64Array(1024);
  nearestKm = new Float64Array(1024);
  /** 1 while an entry's bound is the rough one it was queued with. */
  rough = new Uint8Array(1024);
  private heap = new Int32Array(1024);
  private size = 0;
  private count = 0;

  clear(): void {
    this.count = 0;
    this.size = 0;
  }

  /** Queues a cell with a rough bound, before `order`. */
  push(cell: number, bound: number, beside: number, nearestKm: number): void {
    if (this.count === this.cell.length) this.grow();
    this.cell[this.count] = cell;
    this.bound[this.count] = bound;
    this.beside[this.count] = beside;
    this.nearestKm[this.count] = nearestKm;
    this.rough[this.count] = 1;
    this.count += 1;
  }

  /** Queues entry `i`, just taken, again with a tighter bound (never above its rough one). */
  tighten(i: number, bound: number, beside: number): void {
    this.bound[i] = bound;
    this.beside[i] = beside;
    this.rough[i] = 0;
    const { heap } = this;
    let at = this.size++;
    while (at > 0) {
      const parent = (at - 1) >> 1;
      if (this.bound[heap[parent]] >= bound) break;
      heap[at] = heap[parent];
      at = parent;
    }
    heap[at] = i;
  }

  /** Orders what was pushed (in linear time); `next` then takes them best first. */
  order(): void {
    for (let i = 0; i < this.count; i++) this.heap[i] = i;
    this.size = this.count;
    for (let i = (this.size >> 1) - 1; i >= 0; i--) this.siftDown(i);
  }

  /** The entry with the highest bound left, or -1. */
  next(): number {
    if (this.size === 0) return -1;
    const best = this.heap[0];
    this.size -= 1;
    this.heap[0] = this.heap[this.size];
    this.siftDown(0);
    return best;
  }

  private siftDown(i: number): void {
    const { heap, bound, size } = this;
    const item = heap[i];
    for (;;) {
      let child = 2 * i + 1;
      if (child >= size) break;
      if (child + 1 < size && bound[heap[child + 1]] > bound[heap[child]]) child += 1;
      if (bound[heap[child]] <= bound[item]) break;
      heap[i] = heap[child];
      i = child;
    }
    heap[i] = item;
  }

  private grow(): void {
    const size = this.cell.length * 2;
    const cell = new Int32Array(size);
    const bound = new Float64Array(size);
    const beside = new Float64Array(size);
    const nearestKm = new Float64Array(size);
    const rough = new Uint8Array(size);
    cell.set(this.cell);
    bound.set(this.bound);
    beside.set(this.beside);
    nearestKm.set(this.nearestKm);
    rough.set(this.rough);
    this.cell = cell;
    this.bound = bound;
    this.beside = beside;
    this.nearestKm = nearestKm;
    this.rough = rough;
    this.heap = new Int32Array(size);
  }
}
