/** The lists behind the figures (明细): the rows a number counts, a page at a time. */
import { sql } from "drizzle-orm";
import { type DbOrTx, queryRows } from "../db/client.ts";
import { inCities, inDistrict, type Scope } from "./monitoring.repository.ts";
import { dayStart, type Period } from "./periods.ts";

export interface Page {
  limit: number;
  offset: number;
}

const instant = (day: string) => sql`${dayStart(day).toISOString()}::timestamptz`;

export interface VacancyItem {
  gigId: string;
  title: string;
  categoryCode: string;
  districtCode: string;
  employerName: string;
  employerKind: string;
  headcount: number;
  filledCount: number;
  status: string;
  postedAt: string;
}

/** Gigs whose vacancies are valid in the period, newest first. */
export async function vacancyList(
  db: DbOrTx,
  scope: Scope,
  period: Period,
  page: Page,
): Promise<VacancyItem[]> {
  return queryRows(
    db,
    sql`select v.gig_id as "gigId", g.title, v.category_code as "categoryCode", v.district_code as "districtCode",
          e.name as "employerName", e.kind as "employerKind", v.headcount, v.filled_count as "filledCount",
          v.status, v.posted_at as "postedAt"
        from monitoring_vacancies v join gigs g on g.id = v.gig_id join employers e on e.id = g.employer_id
        where ${inCities(scope, sql`v.city_code`)} and ${inDistrict(scope, sql`v.district_code`)}
          and v.valid_from < ${period.to} and v.valid_until > ${period.from}
        order by v.posted_at desc, v.gig_id limit ${page.limit} offset ${page.offset}`,
  );
}

export interface SeekerItem {
  workerId: string;
  name: string;
  phone: string | null;
  sex: string | null;
  birthYear: number | null;
  education: string | null;
  categoryCodes: string[];
  anyCategory: boolean;
  districtCodes: string[];
  lastActiveDay: string;
}

/** Workers seeking work validly in the period, most recently active first. */
export async function seekerList(
  db: DbOrTx,
  scope: Scope,
  period: Period,
  page: Page,
): Promise<SeekerItem[]> {
  const district =
    scope.district === null
      ? sql`true`
      : sql`(wp.district_codes[1] = ${scope.district} or cardinality(wp.district_codes) = 0)`;
  return queryRows(
    db,
    sql`select wp.user_id as "workerId", wp.name, u.phone, wp.sex, wp.birth_year as "birthYear", wp.education,
          wp.category_codes as "categoryCodes", wp.any_category as "anyCategory",
          wp.district_codes as "districtCodes", s.last_active_day::text as "lastActiveDay"
        from (select worker_id, max(last_active_day) as last_active_day from monitoring_seeker_spells
              where ${inCities(scope, sql`city_code`)} and valid_from < ${period.to} and valid_until > ${period.from}
              group by worker_id) s
        join worker_profiles wp on wp.user_id = s.worker_id join users u on u.id = wp.user_id
        where ${district}
        order by s.last_active_day desc, wp.user_id limit ${page.limit} offset ${page.offset}`,
  );
}

export interface ComplaintItem {
  complaintId: string;
  kind: string;
  status: string;
  districtCode: string;
  complainantName: string;
  complainantPhone: string | null;
  amountFen: number | null;
  createdAt: string;
  dueAt: string;
  resolvedAt: string | null;
}

/** Complaints opened in the period, newest first. */
export async function complaintList(
  db: DbOrTx,
  scope: Scope,
  period: Period,
  page: Page,
): Promise<ComplaintItem[]> {
  return queryRows(
    db,
    sql`select c.id as "complaintId", c.kind, c.status, c.district_code as "districtCode",
          coalesce(wp.name, u.display_name) as "complainantName", u.phone as "complainantPhone",
          c.amount_fen as "amountFen", c.created_at as "createdAt", c.due_at as "dueAt", c.resolved_at as "resolvedAt"
        from complaints c join users u on u.id = c.complainant_user_id
        left join worker_profiles wp on wp.user_id = c.complainant_user_id
        where ${inCities(scope, sql`c.city_code`)} and ${inDistrict(scope, sql`c.district_code`)}
          and c.created_at >= ${instant(period.from)} and c.created_at < ${instant(period.to)}
        order by c.created_at desc, c.id limit ${page.limit} offset ${page.offset}`,
  );
}
