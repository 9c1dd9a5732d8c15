/**
 * 求人倍率 (jobs-to-seekers ratio) and its breakdowns, from the valid (有效) vacancies and
 * seekers of a period, as the MOHRSS 人力资源市场供求状况 tables define them.
 *
 * Counting rules (docs/indicators.md):
 * - A vacancy counts under its gig's category, district and employer's industry.
 * - A seeker counts once, under the first category and the first district they list
 *   (their main intention). Seekers open to any category (or listing none) are shown at
 *   their actual count in their own row, and for the ratio are spread over the categories
 *   in proportion to each category's demand; likewise for districts.
 * - Breakdowns by seekers' traits (age band, sex, education) face the demand of the work
 *   they seek: each category's demand is shared among its seekers in proportion to their
 *   weight there. Breakdowns by employers' traits (industry) face the seekers of the work
 *   offered, shared in proportion to the industry's part of each category's demand.
 */
import { type AgeBand, jobsToSeekersRatio, round } from "./indicators.ts";

/** Valid vacancies of a period by where and what (rows as the repository groups them). */
export interface DemandRow {
  categoryCode: string;
  districtCode: string;
  industryCode: string;
  vacancies: number;
}

/** Valid seekers by main category (null: any category) and traits. */
export interface SeekerRow {
  categoryCode: string | null;
  sex: string | null;
  ageBand: AgeBand | null;
  education: string | null;
  people: number;
}

/** Valid seekers by main district (null: any district). */
export interface SeekerDistrictRow {
  districtCode: string | null;
  people: number;
}

export interface RatioRow {
  key: string;
  /** 需求人数 */
  demand: number;
  /** 求职人数, the actual people (any-category seekers are in their own row). */
  seekers: number;
  /** The seekers the ratio divides by, with any-category seekers spread in. */
  seekersForRatio: number;
  /** 求人倍率; null when nobody seeks this work. */
  ratio: number | null;
}

export interface SupplyDemand {
  overall: RatioRow;
  /** People open to any category (不限工种), shown at their actual count. */
  anyCategorySeekers: number;
  anyDistrictSeekers: number;
  byCategory: RatioRow[];
  byOccupationGroup: RatioRow[];
  byDistrict: RatioRow[];
  byIndustry: RatioRow[];
  byAgeBand: RatioRow[];
  bySex: RatioRow[];
  byEducation: RatioRow[];
  /** Top 10 by highest ratio among categories with demand (short of workers, 紧缺). */
  shortages: RatioRow[];
  /** Top 10 by lowest ratio among categories with seekers (short of work, 过剩). */
  surpluses: RatioRow[];
}

type Sums = Map<string, number>;

function add(map: Sums, key: string, amount: number): void {
  map.set(key, (map.get(key) ?? 0) + amount);
}

function total(map: Sums): number {
  let sum = 0;
  for (const value of map.values()) sum += value;
  return sum;
}

function row(key: string, demand: number, seekers: number, seekersForRatio: number): RatioRow {
  return {
    key,
    demand,
    seekers,
    seekersForRatio: round(seekersForRatio, 2),
    ratio: jobsToSeekersRatio(demand, seekersForRatio),
  };
}

/** Seekers per key for the ratio: the specific ones plus the open ones in proportion to demand. */
function spread(specific: Sums, open: number, demand: Sums): Sums {
  const demandTotal = total(demand);
  const result: Sums = new Map(specific);
  if (demandTotal === 0) return result;
  for (const [key, vacancies] of demand) add(result, key, (open * vacancies) / demandTotal);
  return result;
}

function rowsFor(keys: Iterable<string>, demand: Sums, shown: Sums, forRatio: Sums): RatioRow[] {
  return [...new Set(keys)]
    .sort()
    .map((key) => row(key, demand.get(key) ?? 0, shown.get(key) ?? 0, forRatio.get(key) ?? 0));
}

export function computeSupplyDemand(
  demandInput: readonly DemandRow[],
  seekerInput: readonly SeekerRow[],
  districtInput: readonly SeekerDistrictRow[],
  occupationGroupOf: (categoryCode: string) => number | undefined,
): SupplyDemand {
  // The same rows in any order give the same figures: fractional shares are added in one order.
  const demandRows = inKeyOrder(demandInput);
  const seekerRows = inKeyOrder(seekerInput);
  const districtRows = inKeyOrder(districtInput);
  const demandByCategory: Sums = new Map();
  const demandByDistrict: Sums = new Map();
  const demandByIndustry: Sums = new Map();
  for (const d of demandRows) {
    add(demandByCategory, d.categoryCode, d.vacancies);
    add(demandByDistrict, d.districtCode, d.vacancies);
    add(demandByIndustry, d.industryCode, d.vacancies);
  }
  const seekersByCategory: Sums = new Map();
  let anyCategory = 0;
  for (const s of seekerRows) {
    if (s.categoryCode === null) anyCategory += s.people;
    else add(seekersByCategory, s.categoryCode, s.people);
  }
  const categoryWeight = spread(seekersByCategory, anyCategory, demandByCategory);
  const byCategory = rowsFor(
    [...demandByCategory.keys(), ...seekersByCategory.keys()],
    demandByCategory,
    seekersByCategory,
    categoryWeight,
  );
  const totalDemand = total(demandByCategory);
  const totalSeekers = total(seekersByCategory) + anyCategory;
  return {
    overall: row("all", totalDemand, totalSeekers, totalSeekers),
    anyCategorySeekers: anyCategory,
    anyDistrictSeekers: districtRows.filter((r) => r.districtCode === null).reduce((n, r) => n + r.people, 0),
    byCategory,
    byOccupationGroup: groupRows(byCategory, occupationGroupOf),
    byDistrict: districtRatios(demandByDistrict, districtRows),
    byIndustry: industryRatios(demandRows, demandByCategory, categoryWeight),
    ...traitRatios(seekerRows, demandByCategory, categoryWeight),
    ...topLists(byCategory),
  };
}

function groupRows(
  byCategory: RatioRow[],
  occupationGroupOf: (code: string) => number | undefined,
): RatioRow[] {
  const demand: Sums = new Map();
  const shown: Sums = new Map();
  const forRatio: Sums = new Map();
  for (const r of byCategory) {
    const group = String(occupationGroupOf(r.key) ?? "");
    add(demand, group, r.demand);
    add(shown, group, r.seekers);
    add(forRatio, group, r.seekersForRatio);
  }
  return rowsFor(demand.keys(), demand, shown, forRatio);
}

function districtRatios(demandByDistrict: Sums, districtRows: readonly SeekerDistrictRow[]): RatioRow[] {
  const specific: Sums = new Map();
  let open = 0;
  for (const r of districtRows) {
    if (r.districtCode === null) open += r.people;
    else add(specific, r.districtCode, r.people);
  }
  const forRatio = spread(specific, open, demandByDistrict);
  return rowsFor([...demandByDistrict.keys(), ...specific.keys()], demandByDistrict, specific, forRatio);
}

/** Seekers facing an industry: each category's seekers shared by the industry's part of its demand. */
function industryRatios(
  demandRows: readonly DemandRow[],
  demandByCategory: Sums,
  categoryWeight: Sums,
): RatioRow[] {
  const demand: Sums = new Map();
  const facing: Sums = new Map();
  for (const d of demandRows) {
    add(demand, d.industryCode, d.vacancies);
    const categoryDemand = demandByCategory.get(d.categoryCode) ?? 0;
    const weight = categoryWeight.get(d.categoryCode) ?? 0;
    if (categoryDemand > 0) add(facing, d.industryCode, (weight * d.vacancies) / categoryDemand);
  }
  return rowsFor(demand.keys(), demand, new Map(), facing).map((r) => ({
    ...r,
    seekers: round(r.seekersForRatio, 0),
  }));
}

type TraitKey = "ageBand" | "sex" | "education";

/** Demand facing seekers of each trait value: a share of each category's demand by their weight there. */
function traitRatios(
  seekerRows: readonly SeekerRow[],
  demandByCategory: Sums,
  categoryWeight: Sums,
): Pick<SupplyDemand, "byAgeBand" | "bySex" | "byEducation"> {
  const totalDemand = total(demandByCategory);
  const byTrait = (trait: TraitKey): RatioRow[] => {
    const people: Sums = new Map();
    const facing: Sums = new Map();
    for (const s of seekerRows) {
      const key = s[trait] ?? "unknown";
      add(people, key, s.people);
      const shares: Array<[string, number]> =
        s.categoryCode === null
          ? [...demandByCategory].map(([code, d]) => [
              code,
              totalDemand > 0 ? (s.people * d) / totalDemand : 0,
            ])
          : [[s.categoryCode, s.people]];
      for (const [code, weight] of shares) {
        const w = categoryWeight.get(code) ?? 0;
        if (w > 0) add(facing, key, ((demandByCategory.get(code) ?? 0) * weight) / w);
      }
    }
    return [...people.keys()].sort().map((key) => {
      const faced = facing.get(key) ?? 0;
      const seekers = people.get(key) ?? 0;
      return { ...row(key, round(faced, 0), seekers, seekers), ratio: jobsToSeekersRatio(faced, seekers) };
    });
  };
  return { byAgeBand: byTrait("ageBand"), bySex: byTrait("sex"), byEducation: byTrait("education") };
}

function topLists(byCategory: RatioRow[]): Pick<SupplyDemand, "shortages" | "surpluses"> {
  // Demand with nobody seeking it is the sharpest shortage: it sorts first.
  const scarcity = (r: RatioRow) => (r.ratio === null ? Number.POSITIVE_INFINITY : r.ratio);
  const shortages = byCategory
    .filter((r) => r.demand > 0)
    .sort((a, b) => scarcity(b) - scarcity(a) || b.demand - a.demand)
    .slice(0, 10);
  const surpluses = byCategory
    .filter((r) => r.seekersForRatio > 0 && r.ratio !== null)
    .sort((a, b) => (a.ratio ?? 0) - (b.ratio ?? 0) || b.seekers - a.seekers)
    .slice(0, 10);
  return { shortages, surpluses };
}

/** Rows sorted by their fields' values, so sums of fractions do not depend on the rows' order. */
function inKeyOrder<T extends object>(rows: readonly T[]): T[] {
  const keyed = rows.map(
    (row) => [JSON.stringify(Object.entries(row).sort(([a], [b]) => a.localeCompare(b))), row] as const,
  );
  return keyed.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, row]) => row);
}

/**
 * Several cities' computations as one (a province): each breakdown's rows added up by key and
 * 求人倍率 recomputed from the sums. Computed city by city first, so a seeker open to any district
 * or any work is spread over her own city's demand, never over another city's districts. The
 * rows add as shown: seekers for the ratio to 0.01, demand faced by a trait to whole people.
 */
export function sumSupplyDemands(parts: readonly SupplyDemand[]): SupplyDemand {
  const merged = (pick: (s: SupplyDemand) => RatioRow[]) => sumRows(parts.flatMap(pick));
  const byCategory = merged((s) => s.byCategory);
  return {
    overall: merged((s) => [s.overall])[0] ?? row("all", 0, 0, 0),
    anyCategorySeekers: parts.reduce((n, s) => n + s.anyCategorySeekers, 0),
    anyDistrictSeekers: parts.reduce((n, s) => n + s.anyDistrictSeekers, 0),
    byCategory,
    byOccupationGroup: merged((s) => s.byOccupationGroup),
    byDistrict: merged((s) => s.byDistrict),
    byIndustry: merged((s) => s.byIndustry),
    byAgeBand: merged((s) => s.byAgeBand),
    bySex: merged((s) => s.bySex),
    byEducation: merged((s) => s.byEducation),
    ...topLists(byCategory),
  };
}

function sumRows(rows: readonly RatioRow[]): RatioRow[] {
  const demand: Sums = new Map();
  const shown: Sums = new Map();
  const forRatio: Sums = new Map();
  for (const r of rows) {
    add(demand, r.key, r.demand);
    add(shown, r.key, r.seekers);
    add(forRatio, r.key, r.seekersForRatio);
  }
  return rowsFor(demand.keys(), demand, shown, forRatio);
}
