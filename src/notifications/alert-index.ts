/**
 * Job alerts (订阅) in memory: which saved searches a new gig matches, without looking at every one.
 * Searches by district sit in a map keyed by (category, district); searches by distance sit in the
 * matching grid (src/matching/grid.ts), grouped by (category, radius band), at their centre's cell:
 * a gig reads its own district's two keys and, per band, the cells within that band's radius.
 * "Any kind of work" is category 0, read by every gig as well as the gig's own category.
 *
 *   gig: 保洁, 润州区, (32.19, 119.42), ¥200 a day, paid the same day
 *   matches: {保洁, 润州区, min ¥150}, {any, 5 km of (32.20, 119.43)}
 *   not:     {保洁, 京口区}, {搬运, 润州区}, {保洁, 润州区, min ¥250}, {保洁, 润州区, same-day only} if paid at the end
 */
import { distanceKm } from "../matching/geo.ts";
import { Grid } from "../matching/grid.ts";

export interface AlertSearch {
  id: string;
  workerId: string;
  /** Null: any kind of work. */
  categoryCode: string | null;
  districtCode: string | null;
  lat: number | null;
  lng: number | null;
  radiusKm: number | null;
  minDailyPayFen: number;
  sameDayPayOnly: boolean;
}

export interface AlertGig {
  categoryCode: string;
  districtCode: string;
  lat: number;
  lng: number;
  payFen: number;
  payUnit: "day" | "hour" | "piece";
  settlement: "same_day" | "on_completion";
  startsAt: Date;
  endsAt: Date;
}

/** Radius bands, km: a search is filed under the smallest band that holds its radius. */
export const RADIUS_BANDS = [3, 5, 10, 20, 50] as const;
export const MAX_RADIUS_KM = RADIUS_BANDS[RADIUS_BANDS.length - 1];
const ANY = 0;

/** What a day of the gig pays, fen: hourly pay times the hours; a piece rate cannot say (null). */
export function dailyPayFen(
  gig: Pick<AlertGig, "payFen" | "payUnit" | "startsAt" | "endsAt">,
): number | null {
  if (gig.payUnit === "day") return gig.payFen;
  if (gig.payUnit === "hour")
    return Math.round((gig.payFen * (gig.endsAt.getTime() - gig.startsAt.getTime())) / 3_600_000);
  return null;
}

/** The search's own conditions besides place and category; the index checks place and category. */
export function termsMatch(search: AlertSearch, gig: AlertGig): boolean {
  if (search.sameDayPayOnly && gig.settlement !== "same_day") return false;
  if (search.minDailyPayFen <= 0) return true;
  const daily = dailyPayFen(gig);
  return daily !== null && daily >= search.minDailyPayFen;
}

/** The full test of one search against one gig: the baseline the index must agree with. */
export function searchMatches(search: AlertSearch, gig: AlertGig): boolean {
  if (search.categoryCode !== null && search.categoryCode !== gig.categoryCode) return false;
  if (search.districtCode !== null) {
    if (search.districtCode !== gig.districtCode) return false;
  } else if (search.lat === null || search.lng === null || search.radiusKm === null) {
    return false;
  } else if (distanceKm(search.lat, search.lng, gig.lat, gig.lng) > search.radiusKm) {
    return false;
  }
  return termsMatch(search, gig);
}

export class AlertIndex {
  private readonly searches = new Map<string, AlertSearch>();
  private readonly byDistrict = new Map<string, Set<string>>();
  private readonly grid = new Grid();
  private readonly categoryNumbers = new Map<string, number>();
  /** Row numbers in the grid, and the search of each row. */
  private readonly rowOf = new Map<string, number>();
  private readonly rows: Array<AlertSearch | undefined> = [];
  private readonly freeRows: number[] = [];

  get size(): number {
    return this.searches.size;
  }

  private category(code: string | null): number {
    if (code === null) return ANY;
    let n = this.categoryNumbers.get(code);
    if (n === undefined) {
      n = this.categoryNumbers.size + 1;
      this.categoryNumbers.set(code, n);
    }
    return n;
  }

  private group(category: number, band: number): number {
    return category * RADIUS_BANDS.length + band;
  }

  /** Adds or replaces a search. One without a district or a usable point and radius is left out. */
  put(search: AlertSearch): void {
    this.remove(search.id);
    if (search.districtCode !== null) {
      const key = `${search.categoryCode ?? ""}|${search.districtCode}`;
      let set = this.byDistrict.get(key);
      if (!set) {
        set = new Set();
        this.byDistrict.set(key, set);
      }
      set.add(search.id);
    } else if (
      search.lat !== null &&
      search.lng !== null &&
      search.radiusKm !== null &&
      search.radiusKm > 0
    ) {
      const radius = Math.min(search.radiusKm, MAX_RADIUS_KM);
      const band = RADIUS_BANDS.findIndex((b) => radius <= b);
      const row = this.freeRows.pop() ?? this.rows.length;
      this.rows[row] = { ...search, radiusKm: radius };
      this.rowOf.set(search.id, row);
      this.grid.add(this.group(this.category(search.categoryCode), band), search.lat, search.lng, row);
    } else {
      return;
    }
    this.searches.set(search.id, search);
  }

  remove(id: string): void {
    const search = this.searches.get(id);
    if (!search) return;
    this.searches.delete(id);
    if (search.districtCode !== null) {
      this.byDistrict.get(`${search.categoryCode ?? ""}|${search.districtCode}`)?.delete(id);
      return;
    }
    const row = this.rowOf.get(id) as number;
    const stored = this.rows[row] as AlertSearch;
    const band = RADIUS_BANDS.findIndex((b) => (stored.radiusKm as number) <= b);
    this.grid.remove(
      this.group(this.category(search.categoryCode), band),
      stored.lat as number,
      stored.lng as number,
      row,
    );
    this.rows[row] = undefined;
    this.rowOf.delete(id);
    this.freeRows.push(row);
  }

  /** The searches the gig matches. */
  matches(gig: AlertGig): AlertSearch[] {
    const found: AlertSearch[] = [];
    for (const code of [gig.categoryCode, ""]) {
      for (const id of this.byDistrict.get(`${code}|${gig.districtCode}`) ?? []) {
        const search = this.searches.get(id) as AlertSearch;
        if (termsMatch(search, gig)) found.push(search);
      }
    }
    const categories = [ANY];
    const own = this.categoryNumbers.get(gig.categoryCode);
    if (own !== undefined) categories.push(own);
    for (const category of categories) {
      RADIUS_BANDS.forEach((bandKm, band) => {
        this.grid.forEachBucketNear(
          this.group(category, band),
          gig.lat,
          gig.lng,
          bandKm,
          (rows, nearestKm) => {
            if (nearestKm > bandKm) return;
            for (const row of rows) {
              const search = this.rows[row] as AlertSearch;
              if (
                distanceKm(search.lat as number, search.lng as number, gig.lat, gig.lng) >
                (search.radiusKm as number)
              )
                continue;
              if (termsMatch(search, gig)) found.push(search);
            }
          },
        );
      });
    }
    return found;
  }
}
