/**
 * Browsing open gigs from the instance's gig index (matching/gig-index.ts) instead of the
 * database: the same filters, orders and paging as the SQL in gigs.repository.ts `browseGigs`,
 * answered from memory in well under a millisecond for a city's open gigs, where the SQL reads
 * and sorts every open gig for the total and for the "best paid" and "nearest" orders. The
 * route then reads only the page's rows by id.
 *
 * The index holds the open gigs with places left that have not started; so does the SQL
 * (a gig with no place left is "filled", not "open"). Distances are the one haversine rule.
 */
import { toRadians } from "../matching/geo.ts";
import type { GigIndex } from "../matching/gig-index.ts";
import { haversineMetres } from "./geography.ts";
import { HOURS_PER_DAY } from "./gig.rules.ts";
import type { BrowseFilter } from "./gigs.repository.ts";

const RADIANS = Math.PI / 180;

/** A day's pay for comparing gigs, as the SQL's `dailyEquivalent`: none for piece rates. */
function dailyEquivalent(index: GigIndex, row: number): number | null {
  const display = index.display[row];
  if (!display) return null;
  if (display.payUnit === "day") return display.payFen;
  if (display.payUnit === "hour") return display.payFen * HOURS_PER_DAY;
  return null;
}

interface Candidate {
  row: number;
  startMs: number;
  /** The sort's first key: metres for "nearest", minus the day's pay for "best paid", 0 for "soonest". */
  key: number;
}

/**
 * The first `size` candidates in order, kept sorted; most candidates lose to the last at once,
 * before an object is made for them (a browse offers every open gig of the city).
 */
class FirstN {
  readonly items: Candidate[] = [];
  constructor(
    private readonly size: number,
    private readonly index: GigIndex,
  ) {}

  offer(row: number, startMs: number, key: number): void {
    const items = this.items;
    if (items.length === this.size && this.compare(row, startMs, key, items[items.length - 1]) >= 0) return;
    let lo = 0;
    let hi = items.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const m = items[mid];
      if (this.compare(m.row, m.startMs, m.key, { row, startMs, key }) <= 0) lo = mid + 1;
      else hi = mid;
    }
    items.splice(lo, 0, { row, startMs, key });
    if (items.length > this.size) items.pop();
  }

  /** By key, then start, then id (compared as the index holds it, not spelled out). */
  private compare(row: number, startMs: number, key: number, b: Candidate): number {
    return key - b.key || startMs - b.startMs || this.index.compareIds(row, b.row);
  }
}

/** The ids of one page of open gigs, in order, and how many match in all. */
export function browseIndex(index: GigIndex, f: BrowseFilter): { ids: string[]; total: number } {
  const city = index.cityNumber(f.cityCode);
  const district = f.districtCode === undefined ? undefined : index.districtNumber(f.districtCode);
  const categories = index.categories;
  const category =
    f.categoryCode === undefined || !categories.has(f.categoryCode)
      ? undefined
      : categories.idOf(f.categoryCode);
  const unknown =
    city === undefined ||
    (f.districtCode !== undefined && district === undefined) ||
    (f.categoryCode !== undefined && category === undefined);
  if (unknown) return { ids: [], total: 0 };
  const nowMs = f.now.getTime();
  const near = f.near;
  const nearLat = near ? near.lat * RADIANS : 0;
  const nearLng = near ? near.lng * RADIANS : 0;
  const nearCos = Math.cos(nearLat);
  const first = new FirstN(f.offset + f.limit, index);
  let total = 0;
  for (let row = 0; row < index.rows; row++) {
    if (!index.alive[row] || index.city[row] !== city) continue;
    const startMs = index.startMs[row];
    if (startMs <= nowMs) continue;
    if (category !== undefined && index.category[row] !== category) continue;
    if (district !== undefined && index.district[row] !== district) continue;
    if (f.day && (startMs < f.day.from.getTime() || startMs >= f.day.to.getTime())) continue;
    if (f.sameDayPayOnly && !index.sameDayPay[row]) continue;
    const pay = f.minDailyPayFen !== undefined || f.sort === "best_paid" ? dailyEquivalent(index, row) : null;
    if (f.minDailyPayFen !== undefined && (pay === null || pay < f.minDailyPayFen)) continue;
    let metres = 0;
    if (near && (f.withinM !== undefined || f.sort === "nearest")) {
      metres = haversineMetres(
        nearLat,
        nearLng,
        nearCos,
        toRadians(index.latDeg[row]),
        toRadians(index.lngDeg[row]),
      );
      if (f.withinM !== undefined && metres > f.withinM) continue;
    }
    total += 1;
    const key =
      f.sort === "nearest" && near
        ? metres
        : f.sort === "best_paid"
          ? pay === null
            ? Number.POSITIVE_INFINITY
            : -pay
          : 0;
    first.offer(row, startMs, key);
  }
  return { ids: first.items.slice(f.offset).map((c) => index.idOf(c.row)), total };
}
