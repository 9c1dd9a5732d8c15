/**
 * The official flow table (部分城市公共就业服务机构市场供求状况, MOHRSS): 需求人数 and 求职人数
 * registered in the period, 求人倍率 = 需求人数 ÷ 求职人数. Unlike the valid-stock ratio of the live
 * view (supply-demand.ts), each registration counts once, in the period it was made, and nothing
 * is spread: seekers open to any work are a row of their own (不限工种). Demand is broken down by
 * the employer's industry, the occupation group and category, and by what the employer asks
 * (性别, 年龄, 文化程度, each with 无要求); seekers by their own traits. Pure; docs/indicators.md.
 */
import { AGE_BANDS, type AgeBand, ageBand, jobsToSeekersRatio } from "./indicators.ts";

/** Vacancies of gigs posted in the period, by what and by the employer's requirements. */
export interface FlowDemandRow {
  categoryCode: string;
  occupationGroup: number;
  industryCode: string;
  /** "any" (无要求), "male", "female". */
  requiredSex: string;
  /** "any" or the gig's band; 45-54 and 55+ both count as the tables' 45+. */
  requiredAgeBand: string;
  requiredEducation: string;
  vacancies: number;
}

/** Workers whose seeking registration (a spell's start) falls in the period. */
export interface FlowSeekerRow {
  /** Main category; null: any work (不限工种). */
  categoryCode: string | null;
  occupationGroup: number | null;
  sex: string | null;
  birthYear: number | null;
  education: string | null;
  people: number;
}

export interface FlowRow {
  key: string;
  /** 需求人数 */
  demand: number;
  /** 求职人数 */
  seekers: number;
  /** 求人倍率; null with no seekers. */
  ratio: number | null;
}

export interface Split {
  key: string;
  people: number;
}

export interface OfficialFlowTable {
  total: FlowRow;
  byOccupationGroup: FlowRow[];
  byCategory: FlowRow[];
  /** Seekers open to any work: counted in the total, in no group or category. */
  anyCategorySeekers: number;
  demandByIndustry: Split[];
  /** Demand by the employer's requirements; the "any" row is 无要求. */
  demandBySex: Split[];
  demandByAgeBand: Split[];
  demandByEducation: Split[];
  /** Seekers by their own traits; "unknown" where the worker did not say. */
  seekersBySex: Split[];
  seekersByAgeBand: Split[];
  seekersByEducation: Split[];
}

/** The tables' age band of a gig's requirement: 45-54 and 55+ are both 45+. */
export function officialAgeBand(required: string): string {
  return required === "45-54" || required === "55+" ? "45+" : required;
}

function add(map: Map<string, number>, key: string, n: number): void {
  map.set(key, (map.get(key) ?? 0) + n);
}

const splits = (map: Map<string, number>, order: readonly string[] = []): Split[] =>
  [...map]
    .map(([key, people]) => ({ key, people }))
    .sort((a, b) => {
      const ia = order.indexOf(a.key);
      const ib = order.indexOf(b.key);
      if (ia !== ib) return (ia < 0 ? order.length : ia) - (ib < 0 ? order.length : ib);
      return a.key.localeCompare(b.key);
    });

function rows(demand: Map<string, number>, seekers: Map<string, number>): FlowRow[] {
  const keys = [...new Set([...demand.keys(), ...seekers.keys()])].sort((a, b) =>
    a.localeCompare(b, "en", { numeric: true }),
  );
  return keys.map((key) => {
    const d = demand.get(key) ?? 0;
    const s = seekers.get(key) ?? 0;
    return { key, demand: d, seekers: s, ratio: jobsToSeekersRatio(d, s) };
  });
}

/** The table of one period; `year` places the seekers in their age bands. */
export function officialFlowTable(
  demandRows: readonly FlowDemandRow[],
  seekerRows: readonly FlowSeekerRow[],
  year: number,
): OfficialFlowTable {
  const demandByGroup = new Map<string, number>();
  const demandByCategory = new Map<string, number>();
  const industry = new Map<string, number>();
  const dSex = new Map<string, number>();
  const dAge = new Map<string, number>();
  const dEdu = new Map<string, number>();
  let demand = 0;
  for (const r of demandRows) {
    demand += r.vacancies;
    add(demandByGroup, String(r.occupationGroup), r.vacancies);
    add(demandByCategory, r.categoryCode, r.vacancies);
    add(industry, r.industryCode || "unknown", r.vacancies);
    add(dSex, r.requiredSex, r.vacancies);
    add(dAge, officialAgeBand(r.requiredAgeBand), r.vacancies);
    add(dEdu, r.requiredEducation, r.vacancies);
  }
  const seekersByGroup = new Map<string, number>();
  const seekersByCategory = new Map<string, number>();
  const sSex = new Map<string, number>();
  const sAge = new Map<string, number>();
  const sEdu = new Map<string, number>();
  let seekers = 0;
  let anyCategory = 0;
  for (const r of seekerRows) {
    seekers += r.people;
    if (r.categoryCode === null) anyCategory += r.people;
    else {
      add(seekersByCategory, r.categoryCode, r.people);
      add(seekersByGroup, String(r.occupationGroup ?? 0), r.people);
    }
    add(sSex, r.sex ?? "unknown", r.people);
    add(sAge, ageBand(r.birthYear, year) ?? "unknown", r.people);
    add(sEdu, r.education ?? "unknown", r.people);
  }
  const bands: readonly string[] = ["any", ...(AGE_BANDS as readonly AgeBand[])];
  return {
    total: { key: "all", demand, seekers, ratio: jobsToSeekersRatio(demand, seekers) },
    byOccupationGroup: rows(demandByGroup, seekersByGroup),
    byCategory: rows(demandByCategory, seekersByCategory),
    anyCategorySeekers: anyCategory,
    demandByIndustry: splits(industry),
    demandBySex: splits(dSex, ["any", "male", "female"]),
    demandByAgeBand: splits(dAge, bands),
    demandByEducation: splits(dEdu, ["any"]),
    seekersBySex: splits(sSex, ["male", "female"]),
    seekersByAgeBand: splits(sAge, bands),
    seekersByEducation: splits(sEdu),
  };
}
