import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { eq, type SQL, sql } from "drizzle-orm";
import { startTestApp, type TestApp } from "../../test/support/app.ts";
import { queryRows } from "../db/client.ts";
import { workerProfiles } from "../db/schema/index.ts";
import { recordMarketEvent } from "../market/market-events.ts";
import { ManualClock } from "../platform/clock.ts";
import { AGE_BAND_FLOORS } from "./indicators.ts";
import { addEmployer, apply, local, postGig, registerWorker } from "./monitoring.fixtures.ts";
import { eventCounts, type Scope } from "./monitoring.repository.ts";
import { addDays, type Period, periodContaining } from "./periods.ts";
import { applyEvents } from "./rollup.apply.ts";
import { clearRollup, eventsAfter, lockCursor, saveCursor } from "./rollup.repository.ts";
import { MonitoringRollup, ROLLUP_NAME } from "./rollup.ts";
import { seekerIndex } from "./seeker-counts.ts";

/**
 * The dashboards count seekers from the spells alone (profile facts copied onto them, each
 * worker counted by one spell). These are the straightforward queries they replaced: distinct
 * workers with a spell overlapping the period, joined to their current profile.
 */
const straightforward = {
  spellsOf: (scope: Scope, p: Period) =>
    sql`select worker_id from monitoring_seeker_spells
        where city_code = ${scope.cityCodes[0]} and valid_from < ${p.to} and valid_until > ${p.from}`,
  inDistrict: (scope: Scope, alias: string) =>
    scope.district === null
      ? sql`true`
      : sql`(${sql.raw(alias)}.district_codes[1] = ${scope.district} or cardinality(${sql.raw(alias)}.district_codes) = 0)`,

  stock(t: TestApp, scope: Scope, p: Period) {
    const district =
      scope.district === null
        ? sql`true`
        : sql`exists (select 1 from worker_profiles wp where wp.user_id = sp.worker_id
            and ${this.inDistrict(scope, "wp")})`;
    return queryRows<{ valid: number; fresh: number; active: number }>(
      t.ctx.database.db,
      sql`select count(distinct worker_id)::int as valid,
            count(distinct worker_id) filter (where valid_from >= ${p.from})::int as fresh,
            count(distinct worker_id) filter (
              where exists (select 1 from unnest(act_days) d where d >= ${p.from} and d < ${p.to})
            )::int as active
          from monitoring_seeker_spells sp
          where city_code = ${scope.cityCodes[0]} and valid_from < ${p.to} and valid_until > ${p.from} and ${district}`,
    );
  },

  seekers(scope: Scope, p: Period): SQL {
    return sql`(select wp.* from worker_profiles wp
        where wp.user_id in (${this.spellsOf(scope, p)}) and ${this.inDistrict(scope, "wp")})`;
  },

  breakdown(t: TestApp, scope: Scope, p: Period) {
    const year = Number(p.from.slice(0, 4));
    const band = sql.join(
      AGE_BAND_FLOORS.map(([floor, b]) => sql`when ${year} - s.birth_year >= ${floor}::int then ${b}`),
      sql` `,
    );
    return Promise.all([
      queryRows(
        t.ctx.database.db,
        sql`select case when s.any_category or cardinality(s.category_codes) = 0 then null else s.category_codes[1] end
              as "categoryCode", s.sex, case ${band} else null end as "ageBand", s.education, count(*)::int as people
            from ${this.seekers(scope, p)} s group by 1, 2, 3, 4`,
      ),
      queryRows(
        t.ctx.database.db,
        sql`select case when cardinality(s.district_codes) = 0 then null else s.district_codes[1] end as "districtCode",
              count(*)::int as people
            from ${this.seekers(scope, p)} s group by 1`,
      ),
    ]);
  },

  events(t: TestApp, scope: Scope, p: Period, by: "kind" | "district" | "day") {
    const key = { kind: sql`''`, district: sql`district_code`, day: sql`day::text` }[by];
    const district = scope.district === null ? sql`true` : sql`district_code = ${scope.district}`;
    return queryRows(
      t.ctx.database.db,
      sql`select kind, ${key} as key, sum(events)::int as events, sum(quantity)::float8 as quantity,
            sum(value_sum)::float8 as "valueSum"
          from monitoring_daily
          where city_code = ${scope.cityCodes[0]} and ${district} and day >= ${p.from} and day < ${p.to}
          group by 1, 2`,
    );
  },
};

/** Rows as a sorted list of strings, keys in order, to compare sets of rows. */
const sorted = (rows: readonly unknown[]) =>
  rows.map((r) => JSON.stringify(Object.entries(r as object).sort(([a], [b]) => a.localeCompare(b)))).sort();

const DISTRICTS = ["321102", "321111", "321112"];
const CATEGORIES = ["cleaning", "loading", "delivery"];

/** A small deterministic pseudo-random sequence, so the market is the same on every run. */
function sequence(seed: number) {
  let state = seed;
  return (n: number) => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state % n;
  };
}

describe("the dashboards' seeker counts equal the straightforward count over worker profiles", () => {
  let t: TestApp;
  const city: Scope = { cityCodes: ["321100"], district: null };
  const scopes: Scope[] = [city, ...DISTRICTS.map((district) => ({ cityCodes: ["321100"], district }))];
  const periods: Period[] = [
    ...Array.from({ length: 12 }, (_, m) =>
      periodContaining("month", `2024-${String(m + 1).padStart(2, "0")}-15`),
    ),
    ...["2024-02-15", "2024-05-15", "2024-08-15", "2024-11-15"].map((d) => periodContaining("quarter", d)),
    ...["2024-03-04", "2024-06-19", "2024-09-30"].map((d) => periodContaining("week", d)),
    periodContaining("day", "2024-04-10"),
    periodContaining("custom", "2024-01-01", "2024-12-31"),
    periodContaining("custom", "2023-06-01", "2024-02-10"),
  ];

  before(async () => {
    t = await startTestApp({ clock: new ManualClock(local("2024-12-31T10:00:00")) });
    const db = t.ctx.database.db;
    // A few events at a time, so the incremental path (spells extended, profiles changed
    // between batches) is what gets compared.
    const rollup = new MonitoringRollup(t.ctx, { batchSize: 7 });
    const next = sequence(20_240_501);
    const employer = await addEmployer(db, "321102", "C", local("2024-01-01T09:00:00"));
    const gigs: string[] = [];
    for (let i = 0; i < 12; i++) {
      gigs.push(
        await postGig(db, {
          employerId: employer,
          districtCode: DISTRICTS[i % 3],
          categoryCode: CATEGORIES[i % 3],
          headcount: 1 + (i % 4),
          payFen: 20_000,
          postedAt: local(`2024-${String(i + 1).padStart(2, "0")}-02T08:00:00`),
          endsAt: local(`2024-${String(i + 1).padStart(2, "0")}-20T18:00:00`),
        }),
      );
    }
    for (let w = 0; w < 36; w++) {
      const registered = addDays("2024-01-01", next(300));
      const worker = await registerWorker(db, {
        name: `测试${w}`,
        phone: `1390000${String(w).padStart(4, "0")}`,
        sex: w % 2 ? "female" : "male",
        birthYear: 1960 + next(45),
        education: ["junior", "senior", "college"][next(3)],
        categoryCodes: w % 5 === 0 ? [] : [CATEGORIES[next(3)]],
        anyCategory: w % 7 === 0,
        districtCodes: w % 4 === 0 ? [] : [DISTRICTS[next(3)]],
        registeredAt: local(`${registered}T09:00:00`),
      });
      // Acts at uneven gaps: some inside the 30 days (the spell extends), some after (a new spell).
      let day = registered;
      for (let a = 0; a < 1 + next(5); a++) {
        day = addDays(day, 5 + next(60));
        if (day >= "2024-12-31") break;
        // One pending application per gig and worker: each act applies to another gig.
        await apply(db, gigs[(w + a * 5) % gigs.length], worker, local(`${day}T10:00:00`));
        if (next(4) === 0) {
          await rollup.catchUp();
          // The server's index follows batch by batch (workers' spells read again), not in one load.
          await seekerIndex(t.ctx);
        }
      }
      if (w % 3 === 0 && day < "2024-12-01") {
        // The worker changes their main category and district: the past periods follow the
        // current profile, as the straightforward count does.
        const changed = addDays(day, 3);
        await db
          .update(workerProfiles)
          .set({
            categoryCodes: [CATEGORIES[next(3)]],
            districtCodes: [DISTRICTS[next(3)]],
            anyCategory: false,
          })
          .where(eq(workerProfiles.userId, worker));
        await recordMarketEvent(db, {
          cityCode: "321100",
          kind: "worker_profile_updated",
          subjectId: worker,
          at: local(`${changed}T12:00:00`),
        });
      }
    }
    await rollup.catchUp();
  });
  after(() => t.close());

  it("counts valid, new and active seekers as distinct workers in every scope and period", async () => {
    let compared = 0;
    for (const scope of scopes) {
      // A page reads its periods in one pass; each must equal its own straightforward count.
      const fast = (await seekerIndex(t.ctx)).stocks(scope, periods);
      for (const [i, period] of periods.entries()) {
        const [expected] = await straightforward.stock(t, scope, period);
        assert.deepEqual(fast[i], expected, JSON.stringify(period));
        compared += expected.valid;
      }
    }
    assert.ok(compared > 100, "the market has seekers to compare");
  });

  it("breaks the seekers down by category, traits and district as the profile join did", async () => {
    for (const scope of scopes) {
      const all = (await seekerIndex(t.ctx)).breakdowns(scope, periods);
      for (const [i, period] of periods.entries()) {
        const [seekers, districts] = await straightforward.breakdown(t, scope, period);
        const fast = all[i];
        const label = `${scope.district ?? "city"} ${period.from}..${period.to}`;
        assert.deepEqual(sorted(fast.seekers), sorted(seekers), label);
        assert.deepEqual(sorted(fast.districts), sorted(districts), label);
      }
    }
  });

  it("follows a rollup rebuilt from scratch, read while it is half done", async () => {
    const db = t.ctx.database.db;
    await db.transaction((tx) => clearRollup(tx, ROLLUP_NAME));
    assert.deepEqual((await seekerIndex(t.ctx)).stocks(city, periods.slice(0, 1)), [
      { valid: 0, fresh: 0, active: 0 },
    ]);
    const rollup = new MonitoringRollup(t.ctx, { batchSize: 40 });
    // One batch, a read, then the rest: the index must not keep the half-done state.
    await db.transaction(async (tx) => {
      const cursor = await lockCursor(tx, ROLLUP_NAME);
      const events = await eventsAfter(tx, cursor, 40);
      await applyEvents(tx, events);
      await saveCursor(tx, ROLLUP_NAME, events[events.length - 1].id, t.clock.now());
    });
    await seekerIndex(t.ctx);
    await rollup.catchUp();
    const fast = (await seekerIndex(t.ctx)).stocks(city, periods);
    for (const [i, period] of periods.entries()) {
      const [expected] = await straightforward.stock(t, city, period);
      assert.deepEqual(fast[i], expected, JSON.stringify(period));
    }
  });

  it("adds up a period's events from the daily counts by district as from the counts by category", async () => {
    for (const scope of scopes) {
      for (const period of periods) {
        for (const by of ["kind", "district", "day"] as const) {
          const fast = await eventCounts(t.ctx.database.db, scope, period, by);
          assert.deepEqual(sorted(fast), sorted(await straightforward.events(t, scope, period, by)));
        }
      }
    }
  });
});
