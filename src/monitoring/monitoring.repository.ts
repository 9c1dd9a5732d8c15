/**
 * Reads of the monitoring platform: from the rollups (daily counts, vacancies, seeking
 * spells) and, for small bounded sets (complaints, station services), from current rows.
 * A scope is one city or several (a province admin's), or one district when `district` is set.
 */
import { type SQL, sql } from "drizzle-orm";
import { type DbOrTx, queryRows } from "../db/client.ts";
import type { FlowDemandRow, FlowSeekerRow } from "./official-flow.ts";
import { dayStart, type Period } from "./periods.ts";
import type { DemandRow } from "./supply-demand.ts";

export interface Scope {
  /** One city for a city or district admin; the cities chosen of her province for a province admin. */
  cityCodes: string[];
  district: string | null;
}

export interface KindCount {
  kind: string;
  events: number;
  quantity: number;
  valueSum: number;
}

/** The UTC instant a local day begins, for comparing with timestamps. */
const instant = (day: string) => sql`${dayStart(day).toISOString()}::timestamptz`;

/** The rows of the scope's cities: what every read of the platform is limited to. */
export const inCities = (scope: Pick<Scope, "cityCodes">, column: SQL) =>
  scope.cityCodes.length === 0
    ? sql`false`
    : sql`${column} in (${sql.join(
        scope.cityCodes.map((code) => sql`${code}`),
        sql`, `,
      )})`;

export const inDistrict = (scope: Pick<Scope, "district">, column: SQL) =>
  scope.district === null ? sql`true` : sql`${column} = ${scope.district}`;

/** Daily counts of the period by event kind, optionally also by district or day. */
export async function eventCounts(
  db: DbOrTx,
  scope: Scope,
  period: Period,
  by: "kind" | "district" | "day" = "kind",
): Promise<Array<KindCount & { key: string }>> {
  const keys = { kind: sql`''`, district: sql`district_code`, day: sql`day::text` };
  return queryRows(
    db,
    sql`select kind, ${keys[by]} as key, sum(events)::int as events, sum(quantity)::float8 as quantity,
          sum(value_sum)::float8 as "valueSum"
        from monitoring_daily_districts
        where ${inCities(scope, sql`city_code`)} and ${inDistrict(scope, sql`district_code`)}
          and day >= ${period.from} and day < ${period.to}
        group by 1, 2`,
  );
}

/** Everything counted before the period ends (registered workers and employers to date). */
export async function countsUntil(
  db: DbOrTx,
  scope: Scope,
  to: string,
  kinds: string[],
): Promise<Map<string, number>> {
  const rows = await queryRows<{ kind: string; events: number }>(
    db,
    sql`select kind, sum(events)::int as events from monitoring_daily_districts
        where ${inCities(scope, sql`city_code`)} and ${inDistrict(scope, sql`district_code`)} and day < ${to}
          and kind in (${sql.join(
            kinds.map((k) => sql`${k}`),
            sql`, `,
          )})
        group by kind`,
  );
  return new Map(rows.map((r) => [r.kind, r.events]));
}

/** Vacancies valid in the period (需求人数) by category, district and industry. */
export async function demandRows(db: DbOrTx, scope: Scope, period: Period): Promise<DemandRow[]> {
  return queryRows(
    db,
    sql`select category_code as "categoryCode", district_code as "districtCode", industry_code as "industryCode",
          sum(headcount)::int as vacancies
        from monitoring_vacancies
        where ${inCities(scope, sql`city_code`)} and ${inDistrict(scope, sql`district_code`)}
          and valid_from < ${period.to} and valid_until > ${period.from}
        group by 1, 2, 3`,
  );
}

export interface GigOutcomes {
  /** Median hours from posting to filling, among the gigs posted in the period that filled. */
  medianHoursToFill: number | null;
  /** Vacancies valid in the period, and of those posted in it (new) rather than carried over. */
  validVacancies: number;
  newVacancies: number;
}

export async function gigOutcomes(db: DbOrTx, scope: Scope, period: Period): Promise<GigOutcomes> {
  const [row] = await queryRows<GigOutcomes>(
    db,
    sql`select
          (percentile_cont(0.5) within group (order by extract(epoch from filled_at - posted_at) / 3600)
            filter (where posted and filled_at is not null))::float8 as "medianHoursToFill",
          coalesce(sum(headcount), 0)::int as "validVacancies",
          coalesce(sum(headcount) filter (where posted), 0)::int as "newVacancies"
        from (select *, valid_from >= ${period.from} as posted from monitoring_vacancies
          where ${inCities(scope, sql`city_code`)} and ${inDistrict(scope, sql`district_code`)}
            and valid_from < ${period.to} and valid_until > ${period.from}) v`,
  );
  return row;
}

/** 岗位满足率's counts: places offered and held on the start day, of gigs whose work began in the period. */
export interface FillCounts {
  offered: number;
  filled: number;
}

export async function fillCounts(db: DbOrTx, scope: Scope, period: Period): Promise<FillCounts> {
  const [row] = await queryRows<FillCounts>(
    db,
    sql`select coalesce(sum(headcount), 0)::int as offered,
          coalesce(sum(filled_by_start), 0)::int as filled
        from monitoring_vacancies
        where ${inCities(scope, sql`city_code`)} and ${inDistrict(scope, sql`district_code`)}
          and start_day >= ${period.from} and start_day < ${period.to} and not withdrawn_by_start`,
  );
  return row;
}

/** Median daily pay (fen) of gigs posted in the period, by category. */
export async function medianPayByCategory(
  db: DbOrTx,
  scope: Scope,
  period: Period,
): Promise<Array<{ categoryCode: string; gigs: number; medianFen: number }>> {
  return queryRows(
    db,
    sql`select category_code as "categoryCode", count(*)::int as gigs,
          percentile_cont(0.5) within group (order by daily_pay_fen)::float8 as "medianFen"
        from monitoring_vacancies
        where ${inCities(scope, sql`city_code`)} and ${inDistrict(scope, sql`district_code`)}
          and valid_from >= ${period.from} and valid_from < ${period.to} and daily_pay_fen is not null
        group by 1`,
  );
}

/** Median daily pay of the vacancies posted each day of the period (工资价位 by day). */
export async function medianPayByDay(
  db: DbOrTx,
  scope: Scope,
  period: Period,
): Promise<Array<{ day: string; medianFen: number }>> {
  return queryRows(
    db,
    sql`select valid_from::text as day,
          percentile_cont(0.5) within group (order by daily_pay_fen)::float8 as "medianFen"
        from monitoring_vacancies
        where ${inCities(scope, sql`city_code`)} and ${inDistrict(scope, sql`district_code`)}
          and valid_from >= ${period.from} and valid_from < ${period.to} and daily_pay_fen is not null
        group by 1 order by 1`,
  );
}

/** 岗位满足率's counts for each day of the period on which some gig's work began. */
export async function fillCountsByDay(
  db: DbOrTx,
  scope: Scope,
  period: Period,
): Promise<Array<FillCounts & { day: string }>> {
  return queryRows(
    db,
    sql`select start_day::text as day, sum(headcount)::int as offered, sum(filled_by_start)::int as filled
        from monitoring_vacancies
        where ${inCities(scope, sql`city_code`)} and ${inDistrict(scope, sql`district_code`)}
          and start_day >= ${period.from} and start_day < ${period.to} and not withdrawn_by_start
        group by 1`,
  );
}

/** A line of the 大屏's feed as read: a gig posted or a booking made, with what the screen names. */
export interface FeedRow {
  kind: "gig_posted" | "booking_made";
  id: string;
  at: Date;
  gigTitle: string;
  employerName: string;
  employerKind: "individual" | "enterprise";
  districtName: string;
  categoryCode: string;
  categoryName: string;
  payFen: number;
  payUnit: "day" | "hour" | "piece";
  places: number;
}

const feedColumns = sql`g.title as "gigTitle", e.name as "employerName", e.kind as "employerKind",
  coalesce(d.name, g.district_code) as "districtName", g.category_code as "categoryCode",
  coalesce(c.name_zh, g.category_code) as "categoryName", g.pay_fen as "payFen", g.pay_unit as "payUnit"`;
const feedJoins = sql`join employers e on e.id = g.employer_id
  left join divisions d on d.city_code = g.city_code and d.code = g.district_code
  left join categories c on c.code = g.category_code`;

/**
 * The feed's lines before the end of the period: its newest gigs, whatever the day, and the
 * bookings made in it; at most `limit` of each, newest first. Nothing about the workers is read.
 */
export async function feedRows(db: DbOrTx, scope: Scope, period: Period, limit: number): Promise<FeedRow[]> {
  const end = instant(period.to);
  const [gigRows, bookingRows] = await Promise.all([
    queryRows<FeedRow>(
      db,
      sql`select 'gig_posted' as kind, g.id, g.created_at as at, g.headcount as places, ${feedColumns}
          from gigs g ${feedJoins}
          where ${inCities(scope, sql`g.city_code`)} and ${inDistrict(scope, sql`g.district_code`)}
            and g.created_at < ${end}
          order by g.created_at desc limit ${limit}`,
    ),
    queryRows<FeedRow>(
      db,
      sql`select 'booking_made' as kind, b.id, b.created_at as at, 1 as places, ${feedColumns}
          from bookings b join gigs g on g.id = b.gig_id ${feedJoins}
          where ${inCities(scope, sql`b.city_code`)} and ${inDistrict(scope, sql`g.district_code`)}
            and b.created_at >= ${instant(period.from)} and b.created_at < ${end}
          order by b.created_at desc limit ${limit}`,
    ),
  ]);
  return [...gigRows, ...bookingRows].sort((a, b) => new Date(b.at).getTime() - new Date(a.at).getTime());
}

/** Wages recovered for workers (追回工钱) recorded on complaints' follow-ups within the period. */
export async function recoveredArrearsFen(db: DbOrTx, scope: Scope, period: Period): Promise<number> {
  const [row] = await queryRows<{ fen: number }>(
    db,
    sql`select coalesce(sum(f.recovered_fen), 0)::float8 as fen
        from complaint_follow_ups f join complaints c on c.id = f.complaint_id
        where ${inCities(scope, sql`c.city_code`)} and ${inDistrict(scope, sql`c.district_code`)}
          and f.at >= ${instant(period.from)} and f.at < ${instant(period.to)}`,
  );
  return row?.fen ?? 0;
}

/** People who used each station's self-service terminal on these days (sessions begun). */
export async function terminalSessions(
  db: DbOrTx,
  scope: Scope,
  period: Period,
): Promise<Map<string, number>> {
  const rows = await queryRows<{ stationId: string; sessions: number }>(
    db,
    sql`select u.station_id as "stationId", sum(u.count)::int as sessions
        from device_use_daily u join stations st on st.id = u.station_id
        where ${inCities(scope, sql`st.city_code`)} and ${inDistrict(scope, sql`st.district_code`)}
          and u.kind = 'session' and u.day >= ${period.from} and u.day < ${period.to}
        group by 1`,
  );
  return new Map(rows.map((r) => [r.stationId, r.sessions]));
}

export interface ComplaintCounts {
  kind: string;
  opened: number;
  resolved: number;
  /** Still open past their due date at `now`. */
  overdue: number;
  arrearsFen: number;
}

export async function complaintCounts(
  db: DbOrTx,
  scope: Scope,
  period: Period,
  now: Date,
): Promise<ComplaintCounts[]> {
  return queryRows(
    db,
    sql`select kind,
          count(*) filter (where created_at >= ${instant(period.from)}
            and created_at < ${instant(period.to)})::int as opened,
          count(*) filter (where resolved_at >= ${instant(period.from)}
            and resolved_at < ${instant(period.to)})::int as resolved,
          count(*) filter (where status in ('open', 'in_progress') and due_at < ${now.toISOString()}::timestamptz)::int
            as overdue,
          coalesce(sum(amount_fen) filter (where status in ('open', 'in_progress')), 0)::float8 as "arrearsFen"
        from complaints
        where ${inCities(scope, sql`city_code`)} and ${inDistrict(scope, sql`district_code`)}
        group by kind`,
  );
}

export async function stationServices(
  db: DbOrTx,
  scope: Scope,
  period: Period,
): Promise<Array<{ stationId: string; name: string; districtCode: string; services: number }>> {
  return queryRows(
    db,
    sql`select st.id as "stationId", st.name, st.district_code as "districtCode", count(sr.id)::int as services
        from stations st
        left join service_records sr on sr.station_id = st.id
          and sr.created_at >= ${instant(period.from)}
          and sr.created_at < ${instant(period.to)}
        where ${inCities(scope, sql`st.city_code`)} and ${inDistrict(scope, sql`st.district_code`)}
        group by st.id order by services desc, st.name`,
  );
}

export async function divisionsOf(
  db: DbOrTx,
  cityCodes: string[],
): Promise<
  Array<{
    code: string;
    cityCode: string;
    name: string;
    centerLat: number;
    centerLng: number;
    boundary: unknown;
  }>
> {
  return queryRows(
    db,
    sql`select code, city_code as "cityCode", name, center_lat as "centerLat", center_lng as "centerLng", boundary
        from divisions where ${inCities({ cityCodes }, sql`city_code`)} order by code`,
  );
}

/** The cities' districts by name, without their boundaries (the pages that only name them). */
export async function divisionNames(
  db: DbOrTx,
  cityCodes: string[],
): Promise<Array<{ code: string; cityCode: string; name: string }>> {
  return queryRows(
    db,
    sql`select code, city_code as "cityCode", name from divisions
        where ${inCities({ cityCodes }, sql`city_code`)} order by code`,
  );
}

export async function categoryNames(
  db: DbOrTx,
): Promise<Array<{ code: string; nameZh: string; nameEn: string; occupationGroup: number }>> {
  return queryRows(
    db,
    sql`select code, name_zh as "nameZh", name_en as "nameEn", occupation_group as "occupationGroup"
        from categories order by sort_order`,
  );
}

/** 需求人数 registered in the period: the headcount of gigs posted in it, by what and by requirements. */
export async function flowDemandRows(db: DbOrTx, scope: Scope, period: Period): Promise<FlowDemandRow[]> {
  return queryRows(
    db,
    sql`select g.category_code as "categoryCode", coalesce(c.occupation_group, 0)::int as "occupationGroup",
          coalesce(e.industry_code, '') as "industryCode", g.required_sex as "requiredSex",
          g.required_age_band as "requiredAgeBand", g.required_education as "requiredEducation",
          sum(g.headcount)::int as vacancies
        from gigs g join employers e on e.id = g.employer_id left join categories c on c.code = g.category_code
        where ${inCities(scope, sql`g.city_code`)} and ${inDistrict(scope, sql`g.district_code`)}
          and g.created_at >= ${instant(period.from)} and g.created_at < ${instant(period.to)}
        group by 1, 2, 3, 4, 5, 6`,
  );
}

/**
 * 求职人数 registered in the period: workers a seeking spell of whom begins in it (a registration,
 * or the first act after the last spell lapsed), once each, by the traits the spell carries.
 * In a district, those whose main district it is and those who take work anywhere.
 */
export async function flowSeekerRows(db: DbOrTx, scope: Scope, period: Period): Promise<FlowSeekerRow[]> {
  const district =
    scope.district === null
      ? sql`true`
      : sql`(s.district_code = ${scope.district} or s.district_code is null)`;
  return queryRows(
    db,
    sql`select s.category_code as "categoryCode", c.occupation_group as "occupationGroup", s.sex,
          s.birth_year as "birthYear", s.education, count(distinct s.worker_id)::int as people
        from monitoring_seeker_spells s left join categories c on c.code = s.category_code
        where ${inCities(scope, sql`s.city_code`)} and s.has_profile and ${district}
          and s.valid_from >= ${period.from} and s.valid_from < ${period.to}
        group by 1, 2, 3, 4, 5`,
  );
}

/**
 * The names of a scope: the district's (京口区), or its cities' (镇江市, or 南京市 and 镇江市 for a
 * province), by code; a code where a name is missing.
 */
export async function scopeNames(db: DbOrTx, scope: Scope): Promise<string[]> {
  const rows = await queryRows<{ code: string; name: string }>(
    db,
    scope.district === null
      ? sql`select code, name from cities where ${inCities(scope, sql`code`)} order by code`
      : sql`select code, name from divisions where ${inCities(scope, sql`city_code`)} and code = ${scope.district}`,
  );
  if (scope.district !== null) return [rows[0]?.name ?? scope.district];
  return scope.cityCodes.map((code) => rows.find((r) => r.code === code)?.name ?? code);
}
