/**
 * SQL for station performance: the facts per station and local day (Asia/Shanghai) that
 * station-performance.ts counts. A station's people are those it registered and those its staff
 * served (from their first service there on).
 */
import { sql } from "drizzle-orm";
import { type DbOrTx, queryRows } from "../db/client.ts";
import { inCities } from "./monitoring.repository.ts";
import type { BookingFact, ClosedFact, PaidFact, ServiceFact, StationFacts } from "./station-performance.ts";

export interface StationsScope {
  cityCodes: string[];
  district: string | null;
  from: Date;
  to: Date;
}

const at = (when: Date) => sql`${when.toISOString()}::timestamptz`;
const localDay = (column: ReturnType<typeof sql.raw>) =>
  sql`to_char(${column} at time zone 'Asia/Shanghai', 'YYYY-MM-DD')`;

/** The stations in scope: every station of the cities, or of one district. */
function stationsIn(s: StationsScope) {
  return sql`select id from stations where ${inCities(s, sql`city_code`)}
               and (${s.district}::text is null or district_code = ${s.district}::text)`;
}

/** (station, person, since): since is null for the station that registered her. */
const STATION_PEOPLE = sql`
  select registered_by_station_id as station_id, user_id as person_id, null::timestamptz as since
    from worker_profiles where registered_by_station_id is not null
  union all
  select station_id, person_user_id, min(created_at)
    from service_records where person_user_id is not null group by station_id, person_user_id`;

async function services(db: DbOrTx, s: StationsScope): Promise<ServiceFact[]> {
  const rows = await queryRows<ServiceFact>(
    db,
    sql`select r.station_id as "stationId", ${localDay(sql.raw("r.created_at"))} as day,
               r.person_user_id as "personId", count(*)::int as services,
               (count(*) filter (where r.kind = 'registration'))::int as registrations
          from service_records r
         where r.station_id in (${stationsIn(s)})
           and r.created_at >= ${at(s.from)} and r.created_at < ${at(s.to)}
         group by 1, 2, 3`,
  );
  return rows;
}

async function bookings(db: DbOrTx, s: StationsScope): Promise<BookingFact[]> {
  const rows = await queryRows<BookingFact & { minutesFromArrival: string | number | null }>(
    db,
    sql`with people as (${STATION_PEOPLE}),
         booked as (
           select p.station_id, ${localDay(sql.raw("b.created_at"))} as day, b.worker_id,
                  min(b.created_at) as booked_at
             from bookings b
             join people p on p.person_id = b.worker_id and (p.since is null or p.since <= b.created_at)
            where ${inCities(s, sql`b.city_code`)}
              and p.station_id in (${stationsIn(s)})
              and b.created_at >= ${at(s.from)} and b.created_at < ${at(s.to)}
            group by 1, 2, 3)
        select k.station_id as "stationId", k.day, k.worker_id as "workerId",
               extract(epoch from k.booked_at - (
                 select min(r.created_at) from service_records r
                  where r.station_id = k.station_id and r.person_user_id = k.worker_id
                    and r.created_at <= k.booked_at
                    and ${localDay(sql.raw("r.created_at"))} = k.day)) / 60 as "minutesFromArrival"
          from booked k`,
  );
  return rows.map((r) => ({
    ...r,
    minutesFromArrival: r.minutesFromArrival === null ? null : Number(r.minutesFromArrival),
  }));
}

async function paid(db: DbOrTx, s: StationsScope): Promise<PaidFact[]> {
  return queryRows<PaidFact>(
    db,
    sql`with people as (${STATION_PEOPLE})
        select distinct p.station_id as "stationId", ${localDay(sql.raw("pay.confirmed_at"))} as day,
               b.worker_id as "workerId"
          from payments pay
          join bookings b on b.id = pay.booking_id
          join people p on p.person_id = b.worker_id and (p.since is null or p.since <= pay.confirmed_at)
         where pay.status = 'confirmed' and ${inCities(s, sql`b.city_code`)}
           and p.station_id in (${stationsIn(s)})
           and pay.confirmed_at >= ${at(s.from)} and pay.confirmed_at < ${at(s.to)}`,
  );
}

async function closed(db: DbOrTx, s: StationsScope): Promise<ClosedFact[]> {
  return queryRows<ClosedFact>(
    db,
    sql`select u.station_id as "stationId", ${localDay(sql.raw("c.resolved_at"))} as day,
               count(*)::int as complaints
          from complaints c
          join users u on u.id = c.assigned_to
         where ${inCities(s, sql`c.city_code`)} and c.status in ('resolved', 'rejected')
           and u.station_id in (${stationsIn(s)})
           and c.resolved_at >= ${at(s.from)} and c.resolved_at < ${at(s.to)}
         group by 1, 2`,
  );
}

export async function stationFacts(db: DbOrTx, scope: StationsScope): Promise<StationFacts> {
  return {
    services: await services(db, scope),
    bookings: await bookings(db, scope),
    paid: await paid(db, scope),
    closed: await closed(db, scope),
  };
}

export async function stationsOf(db: DbOrTx, scope: Pick<StationsScope, "cityCodes" | "district">) {
  return queryRows<{ id: string; name: string; districtCode: string; kind: string }>(
    db,
    sql`select id, name, district_code as "districtCode", kind from stations
         where ${inCities(scope, sql`city_code`)}
           and (${scope.district}::text is null or district_code = ${scope.district}::text)
         order by district_code, kind, name`,
  );
}
