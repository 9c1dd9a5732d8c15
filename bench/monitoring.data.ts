/**
 * A year (2024) of a city's gig market generated with set-based SQL: employers, workers,
 * gigs, applications, bookings and the market events that recorded them, in time order.
 */
import pg from "pg";

export const SCALE = {
  workers: 100_000,
  employers: 2_000,
  gigs: 60_000,
  applications: 1_000_000,
  bookings: 150_000,
};

const DISTRICTS = "(array['321102','321111','321112','321181','321182','321183'])";
/** When gig number n (1-based) was posted: evenly through 2024, local time. */
const gigPostedAt = (n: string) =>
  `(timestamptz '2024-01-01 08:00+08' + (${n} * 365.0 / ${SCALE.gigs}) * interval '1 day')`;

const STEPS: string[] = [
  `insert into users (id, city_code, role, phone, display_name, created_at)
   select md5('e' || g)::uuid, '321100', 'employer', '136' || lpad(g::text, 8, '0'), '用工方' || g, timestamptz '2024-01-01 08:00+08'
   from generate_series(1, ${SCALE.employers}) g`,
  `insert into employers (id, city_code, owner_user_id, kind, name, industry_code, district_code, created_at)
   select md5('e' || g)::uuid, '321100', md5('e' || g)::uuid, case when g % 4 = 0 then 'individual' else 'enterprise' end,
     '镇江用工方' || g, (array['C','E','G','H','K','O'])[1 + g % 6], ${DISTRICTS}[1 + g % 6],
     timestamptz '2024-01-01 08:00+08' + (g % 300) * interval '1 day'
   from generate_series(1, ${SCALE.employers}) g`,
  `insert into users (id, city_code, role, phone, display_name, created_at)
   select md5('w' || g)::uuid, '321100', 'worker', '138' || lpad(g::text, 8, '0'), '零工' || g, timestamptz '2024-01-01 08:00+08'
   from generate_series(1, ${SCALE.workers}) g`,
  `insert into worker_profiles (user_id, city_code, name, sex, birth_year, education, category_codes, any_category,
     district_codes, seeking_since)
   select md5('w' || g)::uuid, '321100', '王' || g, case when g % 2 = 0 then 'male' else 'female' end, 1958 + g % 47,
     (array['primary','junior','senior','vocational','college','bachelor_plus'])[1 + g % 6],
     case when g % 10 = 0 then '{}'::text[] else array[c.codes[1 + (g * 7) % cardinality(c.codes)]] end, g % 10 = 0,
     case when g % 9 = 0 then '{}'::text[] else array[${DISTRICTS}[1 + g % 6]] end,
     timestamptz '2024-01-01 08:00+08' + (g % 365) * interval '1 day' + (g % 10) * interval '1 hour'
   from generate_series(1, ${SCALE.workers}) g, (select array_agg(code order by code) as codes from categories) c`,
  `insert into gigs (id, city_code, district_code, employer_id, posted_by_user_id, category_code, title, address, lat, lng,
     starts_at, ends_at, headcount, filled_count, pay_fen, pay_unit, settlement, status, check_in_code, created_at, updated_at, filled_at)
   select md5('g' || g)::uuid, '321100', ${DISTRICTS}[1 + g % 6], md5('e' || (1 + g % ${SCALE.employers}))::uuid,
     md5('e' || (1 + g % ${SCALE.employers}))::uuid, c.codes[1 + g % cardinality(c.codes)], '岗位' || g, '镇江', 32.2, 119.4,
     p.at + interval '1 day', p.at + (1 + g % 4) * interval '1 day', 1 + g % 5,
     case when g % 10 < 6 then 1 + g % 5 else (1 + g % 5) / 2 end,
     case when g % 10 = 0 then 2500 else 15000 + (g % 20) * 1000 end, case when g % 10 = 0 then 'hour' else 'day' end,
     'same_day', case when g % 20 = 19 then 'cancelled' when g % 10 < 6 then 'filled' else 'closed' end, '1234',
     p.at, p.at + (g % 48) * interval '1 hour', case when g % 10 < 6 then p.at + (g % 48) * interval '1 hour' end
   from generate_series(1, ${SCALE.gigs}) g, (select array_agg(code order by code) as codes from categories) c,
     lateral (select ${gigPostedAt("g")} as at) p`,
  `insert into applications (id, city_code, gig_id, worker_id, kind, status, created_at)
   select md5('a' || g)::uuid, '321100', md5('g' || (1 + g % ${SCALE.gigs}))::uuid,
     md5('w' || (1 + (g::bigint * 7919) % ${SCALE.workers}))::uuid, 'application',
     case when g % 7 = 0 then 'accepted' else 'rejected' end, ${gigPostedAt(`(1 + g % ${SCALE.gigs})`)} + (g % 20) * interval '1 hour'
   from generate_series(1, ${SCALE.applications}) g`,
  `insert into bookings (id, city_code, gig_id, worker_id, employer_id, application_id, status, created_at)
   select md5('b' || a.g)::uuid, '321100', ap.gig_id, ap.worker_id, gi.employer_id, ap.id,
     case when a.g % 40 = 0 then 'cancelled' when a.g % 40 = 2 then 'no_show' else 'completed' end, ap.created_at + interval '1 hour'
   from generate_series(2, ${SCALE.bookings * 2}, 2) a(g)
   join applications ap on ap.id = md5('a' || a.g)::uuid join gigs gi on gi.id = ap.gig_id`,
  `insert into market_events (city_code, district_code, category_code, kind, subject_id, quantity, at)
   select '321100', district_code, category_code, kind, subject_id, quantity, at from (
     select wp.district_codes[1] as district_code, null as category_code, 'worker_registered' as kind, wp.user_id as subject_id,
       1 as quantity, wp.seeking_since as at from worker_profiles wp
     union all select e.district_code, null, 'employer_registered', e.id, 1, e.created_at from employers e
     union all select g.district_code, g.category_code, 'gig_posted', g.id, g.headcount, g.created_at from gigs g
     union all select g.district_code, g.category_code, 'gig_filled', g.id, 1, g.filled_at from gigs g where g.status = 'filled'
     union all select g.district_code, g.category_code, 'gig_cancelled', g.id, 1, g.updated_at from gigs g where g.status = 'cancelled'
     union all select g.district_code, g.category_code, 'application_made', a.id, 1, a.created_at
       from applications a join gigs g on g.id = a.gig_id
     union all select g.district_code, g.category_code, 'booking_made', b.id, 1, b.created_at from bookings b join gigs g on g.id = b.gig_id
     union all select g.district_code, g.category_code,
       case b.status when 'cancelled' then 'booking_cancelled' when 'no_show' then 'no_show' else 'shift_completed' end,
       b.id, 1, g.ends_at from bookings b join gigs g on g.id = b.gig_id
   ) e order by at`,
  "analyze",
];

export async function generateHistory(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    for (const step of STEPS) await client.query(step);
  } finally {
    await client.end();
  }
}
