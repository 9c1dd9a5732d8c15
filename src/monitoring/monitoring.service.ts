/**
 * The monitoring platform's pages: each reads the rollups for the caller's scope and a
 * period, and returns figures with their comparisons. Reads only; no transactions needed.
 */
import { assertDistrictScope } from "../accounts/scope.ts";
import type { DbOrTx } from "../db/client.ts";
import type { AppContext } from "../platform/context.ts";
import { commonErrors } from "../platform/errors.ts";
import type { SessionUser } from "../platform/http/access.ts";
import { maskName } from "../privacy/mask.ts";
import { citiesStartingWith } from "../reference/city.repository.ts";
import { type Figure, figure, fillRate, round } from "./indicators.ts";
import { monitoringErrors } from "./monitoring.errors.ts";
import {
  categoryNames,
  complaintCounts,
  demandRows,
  divisionNames,
  eventCounts,
  feedRows,
  fillCountsByDay,
  flowDemandRows,
  flowSeekerRows,
  medianPayByCategory,
  medianPayByDay,
  recoveredArrearsFen,
  type Scope,
  scopeNames,
  stationServices,
  terminalSessions,
} from "./monitoring.repository.ts";
import { occupationGroupName } from "./occupation-groups.ts";
import { type FlowRow, officialFlowTable } from "./official-flow.ts";
import { addDays, localDay, type Period } from "./periods.ts";
import { readCursor } from "./rollup.repository.ts";
import { ROLLUP_NAME } from "./rollup.ts";
import { seekerIndex } from "./seeker-counts.ts";
import { type Comparison, compareFigures, comparisonFor, snapshots } from "./snapshot.ts";
import { computeSupplyDemand, type RatioRow, type SupplyDemand, sumSupplyDemands } from "./supply-demand.ts";

/** What a page is asked for: one city of a province admin's, one district. */
export interface ScopeRequest {
  city?: string;
  district?: string;
}

/**
 * The part of the market a caller sees. A district admin sees her own district, whatever she
 * asks for; asking for another is refused. The city admin sees the city or any district. The
 * province admin sees her province's cities together, or one of them, or one district of them.
 */
export async function scopeFor(ctx: AppContext, user: SessionUser, requested: ScopeRequest): Promise<Scope> {
  if (user.role === "province_admin") return provinceScope(ctx, user, requested);
  if (requested.city !== undefined && requested.city !== user.cityCode) throw commonErrors.out_of_scope();
  const cityCodes = [user.cityCode];
  if (user.role === "district_admin" && !user.districtCode) throw commonErrors.forbidden();
  if (requested.district) assertDistrictScope(user, requested.district);
  if (user.role === "district_admin") return { cityCodes, district: user.districtCode };
  if (user.role !== "city_admin") throw commonErrors.forbidden();
  if (!requested.district) return { cityCodes, district: null };
  const known = await divisionNames(ctx.database.reads(), cityCodes);
  if (!known.some((d) => d.code === requested.district))
    throw monitoringErrors.unknown_district({ district: requested.district });
  return { cityCodes, district: requested.district };
}

/** A province (GB/T 2260): the first two digits of any of its codes — 32 is 江苏. */
const provinceDigits = (code: string) => code.slice(0, 2);

/** The deployment's cities in the province admin's province (her own city among them). */
export function citiesOfProvince(ctx: AppContext, user: SessionUser) {
  return citiesStartingWith(ctx.database.reads(), provinceDigits(user.cityCode));
}

async function provinceScope(ctx: AppContext, user: SessionUser, requested: ScopeRequest): Promise<Scope> {
  const inProvince = (code: string) => provinceDigits(code) === provinceDigits(user.cityCode);
  let cityCodes = (await citiesOfProvince(ctx, user)).map((c) => c.code);
  if (requested.city !== undefined) {
    if (!inProvince(requested.city)) throw commonErrors.out_of_scope();
    if (!cityCodes.includes(requested.city)) throw monitoringErrors.unknown_city({ city: requested.city });
    cityCodes = [requested.city];
  }
  const { district } = requested;
  if (district === undefined) return { cityCodes, district: null };
  if (!inProvince(district)) throw commonErrors.out_of_scope();
  const division = (await divisionNames(ctx.database.reads(), cityCodes)).find((d) => d.code === district);
  if (!division) throw monitoringErrors.unknown_district({ district });
  return { cityCodes: [division.cityCode], district };
}

/**
 * The scope's districts by name; with several cities, each after its city's (南京市鼓楼区), as
 * 鼓楼区 is in 南京 and in 徐州 alike.
 */
export async function districtsNamed(db: DbOrTx, scope: Scope) {
  return namedAfterCities(db, scope.cityCodes, divisionNames(db, scope.cityCodes));
}

/** Names districts the pages' way, whatever else was read with them (the map reads boundaries). */
export async function namedAfterCities<D extends { cityCode: string; name: string }>(
  db: DbOrTx,
  cityCodes: string[],
  reading: Promise<D[]>,
): Promise<D[]> {
  const several = cityCodes.length > 1;
  const [divisions, cityNames] = await Promise.all([
    reading,
    several ? scopeNames(db, { cityCodes, district: null }) : [],
  ]);
  if (!several) return divisions;
  return divisions.map((d) => ({ ...d, name: `${cityNames[cityCodes.indexOf(d.cityCode)]}${d.name}` }));
}

export interface PageHead {
  scope: Scope;
  period: Period;
  previous: Period;
  lastYear: Period;
  /** The period is still running: it and its comparisons are cut to the same elapsed days. */
  partial: boolean;
  /** The last market event the figures include. */
  asOfEventId: number;
}

export async function head(ctx: AppContext, scope: Scope, c: Comparison): Promise<PageHead> {
  const asOfEventId = await readCursor(ctx.database.reads(), ROLLUP_NAME);
  return {
    scope,
    period: c.current,
    previous: c.previous,
    lastYear: c.lastYear,
    partial: c.partial,
    asOfEventId,
  };
}

export async function overview(ctx: AppContext, scope: Scope, period: Period) {
  const c = comparisonFor(ctx, period);
  const db = ctx.database.reads();
  const [figures, daily, stations] = await Promise.all([
    compareFigures(ctx, scope, c, [
      "registeredWorkers",
      "newWorkers",
      "validSeekers",
      "newSeekers",
      "activeWorkers",
      "employers",
      "newEmployers",
      "gigsPosted",
      "vacanciesPosted",
      "validVacancies",
      "jobsToSeekersRatio",
      "applications",
      "bookings",
      "completedShifts",
      "fillRate",
      "complaintsOpened",
      "servicesRecorded",
    ]),
    eventCounts(db, scope, period, "day"),
    stationServices(db, scope, period),
  ]);
  return { ...(await head(ctx, scope, c)), figures, trend: trendOf(daily), stations };
}

const TREND_KINDS = [
  "gig_posted",
  "application_made",
  "booking_made",
  "shift_completed",
  "worker_registered",
];

function trendOf(daily: Array<{ key: string; kind: string; events: number; quantity: number }>) {
  const days = new Map<string, Record<string, number>>();
  for (const row of daily) {
    if (!TREND_KINDS.includes(row.kind)) continue;
    const day = days.get(row.key) ?? Object.fromEntries(TREND_KINDS.map((k) => [k, 0]));
    day[row.kind] += row.events;
    if (row.kind === "gig_posted") day.vacancies = (day.vacancies ?? 0) + row.quantity;
    days.set(row.key, day);
  }
  return [...days]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([day, k]) => ({
      day,
      gigsPosted: k.gig_posted,
      vacancies: k.vacancies ?? 0,
      applications: k.application_made,
      bookings: k.booking_made,
      completedShifts: k.shift_completed,
      newWorkers: k.worker_registered,
    }));
}

export async function quality(ctx: AppContext, scope: Scope, period: Period) {
  const c = comparisonFor(ctx, period);
  const figures = await compareFigures(ctx, scope, c, [
    "fillRate",
    "medianHoursToFill",
    "cancellationRate",
    "noShowRate",
    "disputes",
    "averageRating",
    "complaintsOpened",
    "completedShifts",
  ]);
  return { ...(await head(ctx, scope, c)), figures };
}

/** The supply-and-demand computation for a scope and each period, from the rollups. */
export async function supplyDemandsOf(
  ctx: AppContext,
  scope: Scope,
  periods: readonly Period[],
): Promise<SupplyDemand[]> {
  // A province's cities one by one, then added up: seekers are spread over their own city's demand.
  if (scope.cityCodes.length > 1) {
    const cities = await Promise.all(
      scope.cityCodes.map((code) => supplyDemandsOf(ctx, { cityCodes: [code], district: null }, periods)),
    );
    return periods.map((_, i) => sumSupplyDemands(cities.map((city) => city[i])));
  }
  const db = ctx.database.reads();
  const [demand, index, names] = await Promise.all([
    Promise.all(periods.map((p) => demandRows(db, scope, p))),
    seekerIndex(ctx),
    categoryNames(db),
  ]);
  const seekers = index.breakdowns(scope, periods);
  const groupOf = new Map(names.map((n) => [n.code, n.occupationGroup]));
  return periods.map((_, i) =>
    computeSupplyDemand(demand[i], seekers[i].seekers, seekers[i].districts, (code) => groupOf.get(code)),
  );
}

/**
 * 求人倍率 by district alone (the districts page): the same computation, given only the seekers
 * by district, which is all the district ratios depend on.
 */
async function districtRatiosOf(
  ctx: AppContext,
  scope: Scope,
  periods: readonly Period[],
): Promise<RatioRow[][]> {
  // Each city's districts face its own seekers, as on the supply-and-demand page.
  if (scope.cityCodes.length > 1) {
    const cities = await Promise.all(
      scope.cityCodes.map((code) => districtRatiosOf(ctx, { cityCodes: [code], district: null }, periods)),
    );
    return periods.map((_, i) => cities.flatMap((city) => city[i]));
  }
  const db = ctx.database.reads();
  const [demand, index] = await Promise.all([
    Promise.all(periods.map((p) => demandRows(db, scope, p))),
    seekerIndex(ctx),
  ]);
  const seekers = index.breakdowns(scope, periods);
  return periods.map(
    (_, i) => computeSupplyDemand(demand[i], [], seekers[i].districts, () => undefined).byDistrict,
  );
}

export interface ComparedRow extends RatioRow {
  name: string;
  /** 求人倍率 of the previous period and last year, and the change in points (比上期增减). */
  previousRatio: number | null;
  lastYearRatio: number | null;
  ratioChange: number | null;
  ratioChangeYoy: number | null;
}

export const diff = (a: number | null, b: number | null) =>
  a === null || b === null ? null : round(a - b, 2);

function compareRows(
  current: RatioRow[],
  previous: RatioRow[],
  lastYear: RatioRow[],
  nameOf: (key: string) => string,
): ComparedRow[] {
  const prev = new Map(previous.map((r) => [r.key, r.ratio]));
  const ly = new Map(lastYear.map((r) => [r.key, r.ratio]));
  return current.map((r) => ({
    ...r,
    name: nameOf(r.key),
    previousRatio: prev.get(r.key) ?? null,
    lastYearRatio: ly.get(r.key) ?? null,
    ratioChange: diff(r.ratio, prev.get(r.key) ?? null),
    ratioChangeYoy: diff(r.ratio, ly.get(r.key) ?? null),
  }));
}

export async function supplyDemand(ctx: AppContext, scope: Scope, period: Period) {
  const c = comparisonFor(ctx, period);
  const db = ctx.database.reads();
  const [[now, prev, ly], names, divisions] = await Promise.all([
    supplyDemandsOf(ctx, scope, [c.current, c.previous, c.lastYear]),
    categoryNames(db),
    districtsNamed(db, scope),
  ]);
  const category = (key: string) => names.find((n) => n.code === key)?.nameZh ?? key;
  const division = (key: string) => divisions.find((d) => d.code === key)?.name ?? key;
  const same = (key: string) => key;
  const compare = (pick: (s: SupplyDemand) => RatioRow[], nameOf: (key: string) => string) =>
    compareRows(pick(now), pick(prev), pick(ly), nameOf);
  return {
    ...(await head(ctx, scope, c)),
    overall: compare(
      (s) => [s.overall],
      () => "合计",
    )[0],
    anyCategorySeekers: now.anyCategorySeekers,
    anyDistrictSeekers: now.anyDistrictSeekers,
    byCategory: compare((s) => s.byCategory, category),
    byOccupationGroup: compare((s) => s.byOccupationGroup, occupationGroupName),
    byDistrict: compare((s) => s.byDistrict, division),
    byIndustry: compare((s) => s.byIndustry, same),
    byAgeBand: compare((s) => s.byAgeBand, same),
    bySex: compare((s) => s.bySex, same),
    byEducation: compare((s) => s.byEducation, same),
    shortages: now.shortages.map((r) => ({ ...r, name: category(r.key) })),
    surpluses: now.surpluses.map((r) => ({ ...r, name: category(r.key) })),
  };
}

export async function wages(ctx: AppContext, scope: Scope, period: Period) {
  const c = comparisonFor(ctx, period);
  const db = ctx.database.reads();
  const [now, prev, ly, names] = await Promise.all([
    medianPayByCategory(db, scope, c.current),
    medianPayByCategory(db, scope, c.previous),
    medianPayByCategory(db, scope, c.lastYear),
    categoryNames(db),
  ]);
  const medianIn = (rows: typeof now, code: string) =>
    rows.find((r) => r.categoryCode === code)?.medianFen ?? null;
  const byCategory = now.map((r) => ({
    categoryCode: r.categoryCode,
    name: names.find((n) => n.code === r.categoryCode)?.nameZh ?? r.categoryCode,
    gigs: r.gigs,
    medianDailyPayFen: figure(r.medianFen, medianIn(prev, r.categoryCode), medianIn(ly, r.categoryCode)),
  }));
  return { ...(await head(ctx, scope, c)), byCategory };
}

export async function complaints(ctx: AppContext, scope: Scope, period: Period) {
  const c = comparisonFor(ctx, period);
  const db = ctx.database.reads();
  const now = ctx.clock.now();
  const [cur, prev, ly] = await Promise.all(
    [c.current, c.previous, c.lastYear].map((p) => complaintCounts(db, scope, p, now)),
  );
  const sum = (rows: typeof cur, pick: (r: (typeof cur)[number]) => number, wage?: boolean) =>
    rows
      .filter((r) => wage === undefined || (r.kind === "wage_arrears") === wage)
      .reduce((n, r) => n + pick(r), 0);
  const fig = (pick: (r: (typeof cur)[number]) => number, wage?: boolean): Figure =>
    figure(sum(cur, pick, wage), sum(prev, pick, wage), sum(ly, pick, wage));
  return {
    ...(await head(ctx, scope, c)),
    wageArrears: { opened: fig((r) => r.opened, true), resolved: fig((r) => r.resolved, true) },
    others: { opened: fig((r) => r.opened, false), resolved: fig((r) => r.resolved, false) },
    overdue: sum(cur, (r) => r.overdue),
    openArrearsFen: sum(cur, (r) => r.arrearsFen, true),
    byKind: cur,
  };
}

/** Districts side by side (city view): supply and demand with the flows of the period. */
export async function districts(ctx: AppContext, user: SessionUser, asked: Scope, period: Period) {
  // Comparing districts is the view of someone who covers a whole city (or a province's cities).
  if (user.role !== "province_admin") assertDistrictScope(user, null);
  const scope: Scope = { cityCodes: asked.cityCodes, district: null };
  const c = comparisonFor(ctx, period);
  const db = ctx.database.reads();
  const [[byDistrict, byDistrictBefore], flows, divisions] = await Promise.all([
    districtRatiosOf(ctx, scope, [c.current, c.previous]),
    eventCounts(db, scope, period, "district"),
    districtsNamed(db, scope),
  ]);
  const n = (district: string, kind: string) =>
    flows.find((f) => f.key === district && f.kind === kind)?.events ?? 0;
  const rows = divisions.map((d) => {
    const ratioRow = byDistrict.find((r) => r.key === d.code);
    const prevRatio = byDistrictBefore.find((r) => r.key === d.code)?.ratio ?? null;
    return {
      districtCode: d.code,
      name: d.name,
      demand: ratioRow?.demand ?? 0,
      seekers: ratioRow?.seekers ?? 0,
      ratio: ratioRow?.ratio ?? null,
      ratioChange: diff(ratioRow?.ratio ?? null, prevRatio),
      gigsPosted: n(d.code, "gig_posted"),
      applications: n(d.code, "application_made"),
      bookings: n(d.code, "booking_made"),
      completedShifts: n(d.code, "shift_completed"),
      noShows: n(d.code, "no_show"),
      complaintsOpened: n(d.code, "complaint_opened"),
    };
  });
  return { ...(await head(ctx, scope, c)), districts: rows };
}

/**
 * The official flow table (部分城市公共就业服务机构市场供求状况): demand and seekers registered in
 * the period, for the period, 环比 and 同比 (cut like for like while it runs), with names.
 */
export async function officialFlow(ctx: AppContext, scope: Scope, period: Period) {
  const c = comparisonFor(ctx, period);
  const db = ctx.database.reads();
  const periods = [c.current, c.previous, c.lastYear];
  const [tables, names] = await Promise.all([
    Promise.all(
      periods.map(async (p) => {
        const [demand, seekers] = await Promise.all([
          flowDemandRows(db, scope, p),
          flowSeekerRows(db, scope, p),
        ]);
        return officialFlowTable(demand, seekers, Number(p.from.slice(0, 4)));
      }),
    ),
    categoryNames(db),
  ]);
  const [now, prev, ly] = tables;
  const category = (key: string) => names.find((n) => n.code === key)?.nameZh ?? key;
  const named = (rows: FlowRow[], nameOf: (key: string) => string) =>
    rows.map((r) => ({ ...r, name: nameOf(r.key) }));
  return {
    ...(await head(ctx, scope, c)),
    ...now,
    byOccupationGroup: named(now.byOccupationGroup, occupationGroupName),
    byCategory: named(now.byCategory, category),
    /** The totals of 环比 and 同比; 求人倍率 changes in points. */
    previousTotal: prev.total,
    lastYearTotal: ly.total,
    ratioChange: diff(now.total.ratio, prev.total.ratio),
    ratioChangeYoy: diff(now.total.ratio, ly.total.ratio),
  };
}

const SCREEN_DAYS = 30;

/** The day the 大屏 shows: today, or the period's last day when it is over. */
function screenDay(ctx: AppContext, period: Period): string {
  const today = localDay(ctx.clock.now());
  const periodEnd = addDays(period.to, -1);
  // biome-ignore lint/complexity/useMathMinMax: ISO days as strings, which Math.min would not compare
  return periodEnd < today ? periodEnd : today;
}

/** 大屏's trends and lists, ending on its day. */
export async function screen(ctx: AppContext, scope: Scope, period: Period) {
  const db = ctx.database.reads();
  const lastDay = screenDay(ctx, period);
  const first = addDays(lastDay, 1 - SCREEN_DAYS);
  const range: Period = { kind: "custom", from: first, to: addDays(lastDay, 1) };
  const day: Period = { kind: "day", from: lastDay, to: addDays(lastDay, 1) };
  const days = Array.from({ length: SCREEN_DAYS }, (_, i): Period => {
    const d = addDays(first, i);
    return { kind: "day", from: d, to: addDays(d, 1) };
  });
  const [daily, pay, fill, byDistrict, names, stations, terminal, complaintRows, recoveredFen] =
    await Promise.all([
      snapshots(ctx, scope, days, ["jobsToSeekersRatio", "bookings"]),
      medianPayByDay(db, scope, range),
      fillCountsByDay(db, scope, range),
      eventCounts(db, scope, day, "district"),
      districtsNamed(db, scope),
      stationServices(db, scope, day),
      terminalSessions(db, scope, day),
      complaintCounts(db, scope, range, ctx.clock.now()),
      recoveredArrearsFen(db, scope, range),
    ]);
  const payOf = new Map(pay.map((p) => [p.day, p.medianFen]));
  const fillOf = new Map(fill.map((f) => [f.day, fillRate(f.filled, f.offered)]));
  const arrears = complaintRows.filter((r) => r.kind === "wage_arrears");
  return {
    scope,
    day: lastDay,
    days: days.map((p, i) => ({
      day: p.from,
      ratio: daily[i]?.jobsToSeekersRatio ?? null,
      bookings: daily[i]?.bookings ?? 0,
      medianDailyPayFen: payOf.get(p.from) ?? null,
      fillRate: fillOf.get(p.from) ?? null,
    })),
    bookingsByDistrict: names
      .filter((d) => scope.district === null || d.code === scope.district)
      .map((d) => ({
        code: d.code,
        name: d.name,
        bookings: byDistrict.find((r) => r.key === d.code && r.kind === "booking_made")?.events ?? 0,
      }))
      .sort((a, b) => b.bookings - a.bookings),
    // The busiest counters and terminals of the day.
    stations: stations
      .map(({ stationId, name, services }) => ({
        stationId,
        name,
        services,
        terminalSessions: terminal.get(stationId) ?? 0,
      }))
      .filter((s) => s.services + s.terminalSessions > 0)
      .sort((a, b) => b.services + b.terminalSessions - (a.services + a.terminalSessions))
      .slice(0, 8),
    arrears: {
      opened: arrears.reduce((n, r) => n + r.opened, 0),
      resolved: arrears.reduce((n, r) => n + r.resolved, 0),
      recoveredFen,
      openFen: arrears.reduce((n, r) => n + r.arrearsFen, 0),
    },
  };
}

const FEED_LINES = 20;

/** 大屏's running feed for its day: the newest gigs and the day's bookings, no worker named. */
export async function screenFeed(ctx: AppContext, scope: Scope, period: Period) {
  const day = screenDay(ctx, period);
  const rows = await feedRows(
    ctx.database.reads(),
    scope,
    { kind: "day", from: day, to: addDays(day, 1) },
    FEED_LINES,
  );
  return {
    scope,
    day,
    items: rows.map(({ employerKind, employerName, at, ...row }) => ({
      ...row,
      at: new Date(at).toISOString(),
      employerName: employerKind === "individual" ? maskName(employerName) : employerName,
    })),
  };
}
