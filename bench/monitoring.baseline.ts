/**
 * The comparison the rollups are measured against: the same figures computed per request by
 * plain aggregate queries over the raw tables (gigs, applications, bookings, worker_profiles),
 * for the period, the previous period and the same period last year, as the API does.
 */
import { sql } from "drizzle-orm";
import { type Db, queryRows } from "../src/db/client.ts";
import {
  dayStart,
  type Period,
  periodContaining,
  previousPeriod,
  samePeriodLastYear,
} from "../src/monitoring/periods.ts";

const at = (day: string) => sql`${dayStart(day).toISOString()}::timestamptz`;

function periodsOf(query: string): Period[] {
  const params = new URLSearchParams(query);
  const period = periodContaining(params.get("period") as "month", params.get("date") as string);
  return [period, previousPeriod(period), samePeriodLastYear(period)];
}

/** Seekers valid in the period straight from the raw tables: registered or applied within 30 days before. */
function rawSeekers(p: Period) {
  return sql`(select wp.* from worker_profiles wp where wp.user_id in (
      select worker_id from applications where created_at >= ${at(p.from)} - interval '30 days' and created_at < ${at(p.to)}
      union select user_id from worker_profiles where seeking_since >= ${at(p.from)} - interval '30 days'
        and seeking_since < ${at(p.to)}))`;
}

async function overview(db: Db, p: Period): Promise<void> {
  await Promise.all([
    queryRows(
      db,
      sql`select count(*) from gigs where created_at >= ${at(p.from)} and created_at < ${at(p.to)}`,
    ),
    queryRows(
      db,
      sql`select count(*) from applications where created_at >= ${at(p.from)} and created_at < ${at(p.to)}`,
    ),
    queryRows(
      db,
      sql`select status, count(*) from bookings where created_at >= ${at(p.from)} and created_at < ${at(p.to)} group by 1`,
    ),
    queryRows(
      db,
      sql`select sum(headcount), sum(filled_count) from gigs where created_at < ${at(p.to)} and ends_at >= ${at(p.from)}`,
    ),
    queryRows(db, sql`select count(*) from ${rawSeekers(p)} s`),
    queryRows(db, sql`select count(*) from worker_profiles where seeking_since < ${at(p.to)}`),
  ]);
}

async function supplyDemand(db: Db, p: Period): Promise<void> {
  await Promise.all([
    queryRows(
      db,
      sql`select g.category_code, g.district_code, e.industry_code, sum(g.headcount) from gigs g
          join employers e on e.id = g.employer_id
          where g.created_at < ${at(p.to)} and g.ends_at >= ${at(p.from)} group by 1, 2, 3`,
    ),
    queryRows(
      db,
      sql`select s.category_codes[1], s.sex, s.birth_year / 10, s.education, count(*) from ${rawSeekers(p)} s
          group by 1, 2, 3, 4`,
    ),
    queryRows(db, sql`select s.district_codes[1], count(*) from ${rawSeekers(p)} s group by 1`),
  ]);
}

export const baselineQueries: Record<string, (db: Db, query: string) => Promise<unknown>> = {
  overview: (db, query) => Promise.all(periodsOf(query).map((p) => overview(db, p))),
  "supply-demand": (db, query) => Promise.all(periodsOf(query).map((p) => supplyDemand(db, p))),
};
