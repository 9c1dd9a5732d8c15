/**
 * The worker index's cells, one per (group, grid cell): the row numbers of the cell's workers,
 * best first by their own part of the score (`ownPart`), and what they reach at best
 * (`WorkerBest`). All cells share two typed arrays, rows and own parts side by side, each cell at
 * its offset with room for 4, 8, 16… rows; a full cell moves to a slot with twice the room, and the
 * slot it leaves is kept for the next cell needing that much. A cell is a number, not an object: a
 * city has tens of thousands of them and an object with two arrays each would cost more than its rows.
 */

import { grown } from "../platform/typed-arrays.ts";
import { forEachCellNear } from "./grid.ts";
import type { WorkerBest } from "./score.ts";

const FIRST_ROOM = 4;
/** The arrays grow by a quarter: a million workers' cells then waste little of them. */
const GROWTH = 1.25;
/** Flags of a cell's best: some worker states no expected pay; some worker has said when they work. */
const SOME_EXPECT_NOTHING = 1;
const SOME_SAY_WHEN = 2;

export class WorkerCells {
  /**
   * Row numbers and their own parts, each cell's in descending order of own part. Own parts are
   * kept in 4 bytes, rounded up: a search reads them only as bounds, which rounding up keeps.
   */
  rows = new Int32Array(1 << 12);
  own = new Float32Array(1 << 12);
  /** Per cell: where its rows start and how many it has. */
  start = new Int32Array(0);
  length = new Int32Array(0);
  private room = new Int32Array(0);
  private maxRangeKm = new Float64Array(0);
  private minExpectedFen = new Float64Array(0);
  private latestActiveMs = new Float64Array(0);
  private flags = new Uint8Array(0);
  /** Per group, its cells by grid cell number, and the longest range of any worker it had. */
  private readonly groups = new Map<number, Map<number, number>>();
  private readonly reach = new Map<number, number>();
  private readonly freeCells: number[] = [];
  /** Slots left by cells that moved or emptied, by size class (room 4 << class). */
  private readonly freeSlots: number[][] = [];
  private cellCount = 0;
  private end = 0;

  /** Adds `row` with own part `key` to its cell, after the rows whose own part is not below it. */
  insert(group: number, gridCell: number, row: number, key: number, w: WorkerBest): void {
    const cell = this.cellFor(group, gridCell);
    if (this.length[cell] === this.room[cell]) this.widen(cell);
    const from = this.start[cell];
    const to = from + this.length[cell];
    const own = float32AtLeast(key);
    const at = firstBelow(this.own, from, to, own);
    this.rows.copyWithin(at + 1, at, to);
    this.own.copyWithin(at + 1, at, to);
    this.rows[at] = row;
    this.own[at] = own;
    this.length[cell] += 1;
    this.raiseBest(cell, w);
    this.reach.set(group, Math.max(this.reach.get(group) ?? 0, w.maxRangeKm));
  }

  /** Takes `row` out of its cell, keeping the order of the rest; an emptied cell is forgotten. */
  take(group: number, gridCell: number, row: number): void {
    const cells = this.groups.get(group);
    const cell = cells?.get(gridCell);
    if (cells === undefined || cell === undefined) return;
    const from = this.start[cell];
    const to = from + this.length[cell];
    const at = this.rows.subarray(from, to).indexOf(row);
    if (at < 0) return;
    this.rows.copyWithin(from + at, from + at + 1, to);
    this.own.copyWithin(from + at, from + at + 1, to);
    this.length[cell] -= 1;
    if (this.length[cell] > 0) return;
    cells.delete(gridCell);
    this.freeSlot(cell);
    this.freeCells.push(cell);
  }

  /**
   * Calls `visit` with each cell of `group` that may hold a worker within `km`, and how near it
   * can be; no farther than the group's workers travel.
   */
  forEachNear(
    group: number,
    latDeg: number,
    lngDeg: number,
    km: number,
    visit: (cell: number, nearestKm: number) => void,
  ): void {
    const cells = this.groups.get(group);
    if (cells) forEachCellNear(cells, latDeg, lngDeg, Math.min(km, this.reach.get(group) ?? 0), visit);
  }

  /**
   * What the cell's workers reach at best, written into `into`. Raised as workers come and not
   * lowered when one leaves, so it may be above the best left: still a bound.
   */
  bestOf(cell: number, into: WorkerBest): WorkerBest {
    into.maxRangeKm = this.maxRangeKm[cell];
    into.minExpectedFen = this.minExpectedFen[cell];
    into.someExpectNothing = (this.flags[cell] & SOME_EXPECT_NOTHING) !== 0;
    into.latestActiveMs = this.latestActiveMs[cell];
    into.allWithoutAvailability = (this.flags[cell] & SOME_SAY_WHEN) === 0;
    return into;
  }

  bytes(): number {
    const perCell = 4 * 3 + 8 * 3 + 1 + 40;
    const freeSlots = this.freeSlots.reduce((n, slots) => n + slots.length * 8, 0);
    return this.rows.byteLength + this.own.byteLength + this.start.length * perCell + freeSlots;
  }

  private raiseBest(cell: number, w: WorkerBest): void {
    this.maxRangeKm[cell] = Math.max(this.maxRangeKm[cell], w.maxRangeKm);
    this.minExpectedFen[cell] = Math.min(this.minExpectedFen[cell], w.minExpectedFen);
    this.latestActiveMs[cell] = Math.max(this.latestActiveMs[cell], w.latestActiveMs);
    if (w.someExpectNothing) this.flags[cell] |= SOME_EXPECT_NOTHING;
    if (!w.allWithoutAvailability) this.flags[cell] |= SOME_SAY_WHEN;
  }

  private cellFor(group: number, gridCell: number): number {
    let cells = this.groups.get(group);
    if (!cells) {
      cells = new Map();
      this.groups.set(group, cells);
    }
    let cell = cells.get(gridCell);
    if (cell === undefined) {
      cell = this.freeCells.pop() ?? this.newCell();
      cells.set(gridCell, cell);
      this.length[cell] = 0;
      this.room[cell] = 0;
      this.maxRangeKm[cell] = 0;
      this.minExpectedFen[cell] = Number.POSITIVE_INFINITY;
      this.latestActiveMs[cell] = Number.NEGATIVE_INFINITY;
      this.flags[cell] = 0;
    }
    return cell;
  }

  private newCell(): number {
    if (this.cellCount === this.start.length) {
      const size = Math.max(1024, this.cellCount * 2);
      this.start = grown(this.start, size);
      this.length = grown(this.length, size);
      this.room = grown(this.room, size);
      this.maxRangeKm = grown(this.maxRangeKm, size);
      this.minExpectedFen = grown(this.minExpectedFen, size);
      this.latestActiveMs = grown(this.latestActiveMs, size);
      this.flags = grown(this.flags, size);
    }
    return this.cellCount++;
  }

  /** Moves a full cell to a slot with twice the room. */
  private widen(cell: number): void {
    const room = Math.max(FIRST_ROOM, this.room[cell] * 2);
    const at = this.takeSlot(room);
    const from = this.start[cell];
    const to = from + this.length[cell];
    this.rows.copyWithin(at, from, to);
    this.own.copyWithin(at, from, to);
    this.freeSlot(cell);
    this.start[cell] = at;
    this.room[cell] = room;
  }

  private takeSlot(room: number): number {
    const kept = this.freeSlots[sizeClass(room)]?.pop();
    if (kept !== undefined) return kept;
    if (this.end + room > this.rows.length) {
      const size = Math.ceil((this.end + room) * GROWTH);
      this.rows = grown(this.rows, size);
      this.own = grown(this.own, size);
    }
    this.end += room;
    return this.end - room;
  }

  private freeSlot(cell: number): void {
    const room = this.room[cell];
    this.room[cell] = 0;
    if (room === 0) return;
    const c = sizeClass(room);
    this.freeSlots[c] ??= [];
    this.freeSlots[c].push(this.start[cell]);
  }
}

function sizeClass(room: number): number {
  return Math.log2(room / FIRST_ROOM);
}

/** The first index in [from, to) whose value is below `value` (the range is in descending order). */
function firstBelow(list: Float32Array, from: number, to: number, value: number): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid] >= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const float32 = new Float32Array(1);
const float32Bits = new Int32Array(float32.buffer);

/** The least float32 not below `x` (own parts are positive, where the next float32 up is one bit more). */
function float32AtLeast(x: number): number {
  float32[0] = x;
  if (float32[0] < x) float32Bits[0] += float32[0] >= 0 ? 1 : -1;
  return float32[0];
}
