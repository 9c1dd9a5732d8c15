/**
 * The facts of every worker in the index, column by column in typed arrays, one row a worker:
 * no JS object per worker, so a million of them are a few dozen arrays to the garbage collector.
 * Categories, districts and completed shifts per category sit in one shared `PackedLists`; live
 * bookings, which few workers have, in a map by row. `readFor` lends one row to the score as a
 * reused `WorkerFacts`; `record` gives a row back as the record it was made from.
 */

import { grown } from "../platform/typed-arrays.ts";
import { Dictionary } from "./catalog.ts";
import { PackedLists } from "./packed-lists.ts";
import type { AvailabilityWindow, WorkerFacts } from "./score.ts";
import type { WorkerRecord } from "./worker-index.ts";

/** Stands for "states no expected pay" in the pay column (pay is whole fen). */
const NO_EXPECTATION = -0x80000000;
const ANY_CATEGORY = 1;
const SAYS_WHEN = 2;

/**
 * One row as `scorePair` sees it for gigs of one category. The score reads a worker's categories
 * and completed shifts only for the gig's category, so the view holds just that one: `categories`
 * is [category] or [], and `doneByCategory` maps the category to the row's count (0 when none,
 * which `fitPart` reads as it reads a missing entry). Reused row after row; nothing is allocated.
 */
export class CategoryView implements WorkerFacts {
  latRad = 0;
  lngRad = 0;
  cosLat = 1;
  rangeKm = 1;
  categories: readonly number[] = [];
  anyCategory = false;
  doneByCategory = new Map<number, number>();
  availability: AvailabilityWindow | null = null;
  expectedDailyPayFen: number | null = null;
  busy: readonly number[] = [];
  completed = 0;
  noShow = 0;
  lateCancel = 0;
  ratingSum = 0;
  ratingCount = 0;
  recentBookings = 0;
  activeAtMs = 0;
  category = -1;
  readonly chosen = [0];
  readonly window: AvailabilityWindow = { weekdayMask: 0, fromMin: 0, toMin: 0 };

  /** Views rows for gigs of `category` from now on. */
  forCategory(category: number): void {
    if (category === this.category) return;
    this.category = category;
    this.chosen[0] = category;
    this.doneByCategory.clear();
  }
}

const NONE: readonly number[] = [];

export class WorkerColumns {
  ids: string[] = [];
  latRad = new Float64Array(0);
  lngRad = new Float64Array(0);
  cosLat = new Float64Array(0);
  rangeKm = new Float64Array(0);
  activeAtMs = new Float64Array(0);
  /** The grid cell of the worker's home (see grid.ts `cellOf`). */
  gridCell = new Int32Array(0);
  expectedPay = new Int32Array(0);
  completed = new Int32Array(0);
  ratingSum = new Int32Array(0);
  ratingCount = new Int32Array(0);
  /** Counts that stay small for anyone (a row refuses more than 65,535). */
  noShow = new Uint16Array(0);
  lateCancel = new Uint16Array(0);
  recentBookings = new Uint16Array(0);
  weekdayMask = new Uint8Array(0);
  fromMin = new Uint16Array(0);
  toMin = new Uint16Array(0);
  flags = new Uint8Array(0);
  /** How many of the row's list are categories, then districts; completed shifts follow in pairs. */
  categoryCount = new Uint8Array(0);
  districtCount = new Uint8Array(0);
  /** The worker's city, a number from `cities`. */
  city = new Uint16Array(0);
  readonly lists = new PackedLists();
  private readonly busy = new Map<number, readonly number[]>();
  private readonly districts = new Dictionary();
  private readonly cities = new Dictionary();
  private capacity = 0;

  /** Rows in use or free. */
  get rows(): number {
    return this.capacity;
  }

  /** A new row at the end, doubling every column when full. */
  grow(): number {
    if (this.capacity === this.flags.length) {
      const next = Math.max(1024, this.capacity * 2);
      for (const name of COLUMNS) (this as Record<string, unknown>)[name] = grown(this[name], next);
      this.lists.reserve(next);
    }
    return this.capacity++;
  }

  /** Whether `row` holds a worker. */
  alive(row: number): boolean {
    return this.ids[row] !== undefined && this.ids[row] !== "";
  }

  /** Refuses a worker whose facts a row cannot hold, before anything is written. */
  checkFits(w: WorkerRecord): void {
    if (Math.max(w.noShow, w.lateCancel, w.recentBookings) > 0xffff)
      throw new RangeError(
        `worker ${w.id} has more no-shows, late cancellations or recent bookings than a row holds`,
      );
    if (w.categories.length > 0xff || w.districtCodes.length > 0xff)
      throw new RangeError(`worker ${w.id} has more categories or districts than a row holds`);
  }

  write(row: number, w: WorkerRecord, rangeKm: number, gridCell: number): void {
    this.ids[row] = w.id;
    this.latRad[row] = w.latRad;
    this.lngRad[row] = w.lngRad;
    this.cosLat[row] = w.cosLat;
    this.rangeKm[row] = rangeKm;
    this.activeAtMs[row] = w.activeAtMs;
    this.gridCell[row] = gridCell;
    this.expectedPay[row] = w.expectedDailyPayFen ?? NO_EXPECTATION;
    this.completed[row] = w.completed;
    this.noShow[row] = w.noShow;
    this.lateCancel[row] = w.lateCancel;
    this.ratingSum[row] = w.ratingSum;
    this.ratingCount[row] = w.ratingCount;
    this.recentBookings[row] = w.recentBookings;
    this.weekdayMask[row] = w.availability?.weekdayMask ?? 0;
    this.fromMin[row] = w.availability?.fromMin ?? 0;
    this.toMin[row] = w.availability?.toMin ?? 0;
    this.flags[row] = (w.anyCategory ? ANY_CATEGORY : 0) | (w.availability ? SAYS_WHEN : 0);
    this.city[row] = this.cities.idOf(w.cityCode ?? "");
    this.writeLists(row, w);
    if (w.busy.length > 0) this.busy.set(row, w.busy);
    else this.busy.delete(row);
  }

  clear(row: number): void {
    this.ids[row] = "";
    this.flags[row] = 0;
    this.lists.clear(row);
    this.busy.delete(row);
  }

  anyCategory(row: number): boolean {
    return (this.flags[row] & ANY_CATEGORY) !== 0;
  }

  /** The row's chosen categories are data[from, from + categoryCount) of `lists`. */
  categoriesFrom(row: number): number {
    return this.lists.start[row];
  }

  /** Lends `row` to the score through `view`, for gigs of the view's category. */
  readFor(row: number, view: CategoryView): CategoryView {
    view.latRad = this.latRad[row];
    view.lngRad = this.lngRad[row];
    view.cosLat = this.cosLat[row];
    view.rangeKm = this.rangeKm[row];
    view.activeAtMs = this.activeAtMs[row];
    const pay = this.expectedPay[row];
    view.expectedDailyPayFen = pay === NO_EXPECTATION ? null : pay;
    view.completed = this.completed[row];
    view.noShow = this.noShow[row];
    view.lateCancel = this.lateCancel[row];
    view.ratingSum = this.ratingSum[row];
    view.ratingCount = this.ratingCount[row];
    view.recentBookings = this.recentBookings[row];
    view.anyCategory = (this.flags[row] & ANY_CATEGORY) !== 0;
    view.availability = this.readWindow(row, view.window);
    view.busy = this.busy.get(row) ?? NONE;
    const { data, start } = this.lists;
    const from = start[row];
    const categoriesEnd = from + this.categoryCount[row];
    let chosen = false;
    for (let i = from; i < categoriesEnd; i++) if (data[i] === view.category) chosen = true;
    view.categories = chosen ? view.chosen : NONE;
    view.doneByCategory.set(view.category, this.doneIn(row, view.category));
    return view;
  }

  /** The row as a record of its own (fresh objects; `latDeg`/`lngDeg` from the radians). */
  record(row: number): WorkerRecord {
    const { data, start } = this.lists;
    const from = start[row];
    const districtsFrom = from + this.categoryCount[row];
    const doneFrom = districtsFrom + this.districtCount[row];
    const done = new Map<number, number>();
    for (let i = doneFrom; i < from + this.lists.length[row]; i += 2) done.set(data[i], data[i + 1]);
    const pay = this.expectedPay[row];
    const cityCode = this.cities.values[this.city[row]];
    return {
      id: this.ids[row],
      ...(cityCode ? { cityCode } : {}),
      latDeg: (this.latRad[row] * 180) / Math.PI,
      lngDeg: (this.lngRad[row] * 180) / Math.PI,
      latRad: this.latRad[row],
      lngRad: this.lngRad[row],
      cosLat: this.cosLat[row],
      rangeKm: this.rangeKm[row],
      categories: Array.from(data.subarray(from, districtsFrom)),
      anyCategory: this.anyCategory(row),
      doneByCategory: done,
      availability: this.readWindow(row, { weekdayMask: 0, fromMin: 0, toMin: 0 }),
      expectedDailyPayFen: pay === NO_EXPECTATION ? null : pay,
      busy: [...(this.busy.get(row) ?? NONE)],
      completed: this.completed[row],
      noShow: this.noShow[row],
      lateCancel: this.lateCancel[row],
      ratingSum: this.ratingSum[row],
      ratingCount: this.ratingCount[row],
      recentBookings: this.recentBookings[row],
      activeAtMs: this.activeAtMs[row],
      districtCodes: Array.from(data.subarray(districtsFrom, doneFrom), (d) => this.districts.values[d]),
    };
  }

  /** Bytes held by the columns and lists (strings of ids counted at 56 bytes each, with their map entry). */
  bytes(live: number): number {
    let perRow = 0;
    for (const name of COLUMNS) perRow += this[name].BYTES_PER_ELEMENT;
    return this.flags.length * perRow + this.lists.bytes() + live * (56 + 8 + 40);
  }

  private doneIn(row: number, category: number): number {
    const { data, start, length } = this.lists;
    const end = start[row] + length[row];
    for (let i = start[row] + this.categoryCount[row] + this.districtCount[row]; i < end; i += 2) {
      if (data[i] === category) return data[i + 1];
    }
    return 0;
  }

  private readWindow(row: number, into: AvailabilityWindow): AvailabilityWindow | null {
    if ((this.flags[row] & SAYS_WHEN) === 0) return null;
    into.weekdayMask = this.weekdayMask[row];
    into.fromMin = this.fromMin[row];
    into.toMin = this.toMin[row];
    return into;
  }

  private writeLists(row: number, w: WorkerRecord): void {
    const n = w.categories.length + w.districtCodes.length + 2 * w.doneByCategory.size;
    let at = this.lists.place(row, n);
    const data = this.lists.data;
    for (const c of w.categories) data[at++] = c;
    for (const d of w.districtCodes) data[at++] = this.districts.idOf(d);
    for (const [c, count] of w.doneByCategory) {
      data[at++] = c;
      data[at++] = count;
    }
    this.categoryCount[row] = w.categories.length;
    this.districtCount[row] = w.districtCodes.length;
  }
}

const COLUMNS = [
  "latRad",
  "lngRad",
  "cosLat",
  "rangeKm",
  "activeAtMs",
  "gridCell",
  "expectedPay",
  "completed",
  "noShow",
  "lateCancel",
  "ratingSum",
  "ratingCount",
  "recentBookings",
  "weekdayMask",
  "fromMin",
  "toMin",
  "flags",
  "categoryCount",
  "districtCount",
  "city",
] as const;
