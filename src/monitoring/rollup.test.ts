import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { sql } from "drizzle-orm";
import { startTestApp, type TestApp } from "../../test/support/app.ts";
import { queryRows } from "../db/client.ts";
import { ManualClock } from "../platform/clock.ts";
import { addEmployer, apply, cancelGig, local, postGig, registerWorker } from "./monitoring.fixtures.ts";
import { MonitoringRollup } from "./rollup.ts";

/** Everything the rollup keeps, in a stable order, to compare two ways of building it. */
async function rollupState(t: TestApp) {
  const db = t.ctx.database.db;
  return {
    daily: await queryRows(
      db,
      sql`select city_code, day::text, district_code, category_code, kind, events, quantity::int
          from monitoring_daily order by 1, 2, 3, 4, 5`,
    ),
    vacancies: await queryRows<Record<string, string | number>>(
      db,
      sql`select gig_id, headcount, status, valid_from::text, valid_until::text, daily_pay_fen
          from monitoring_vacancies order by gig_id`,
    ),
    spells: await queryRows<Record<string, string>>(
      db,
      sql`select worker_id, valid_from::text, last_active_day::text, valid_until::text
          from monitoring_seeker_spells order by worker_id, valid_from`,
    ),
  };
}

describe("the monitoring rollup follows the market's events", () => {
  let t: TestApp;
  let rollup: MonitoringRollup;
  before(async () => {
    t = await startTestApp({ clock: new ManualClock(local("2024-06-30T10:00:00")) });
    rollup = new MonitoringRollup(t.ctx, { batchSize: 3 });
  });
  after(() => t.close());

  it("counted a few events at a time, it equals a recount of the whole log from scratch", async () => {
    const db = t.ctx.database.db;
    const employer = await addEmployer(db, "321102", "C", local("2024-03-01T09:00:00"));
    await rollup.catchUp();
    const worker = await registerWorker(db, {
      name: "陈大勇",
      phone: "13800001111",
      sex: "male",
      birthYear: 1968,
      education: "primary",
      categoryCodes: ["loading"],
      districtCodes: ["321102"],
      registeredAt: local("2024-03-02T09:00:00"),
    });
    const gigIds: string[] = [];
    for (const [i, day] of ["2024-03-05", "2024-03-05", "2024-04-20", "2024-06-01"].entries()) {
      gigIds.push(
        await postGig(db, {
          employerId: employer,
          districtCode: i % 2 ? "321111" : "321102",
          categoryCode: i % 2 ? "cleaning" : "loading",
          headcount: i + 1,
          payFen: 2_500,
          payUnit: "hour",
          postedAt: local(`${day}T08:00:00`),
          endsAt: local(`${day}T18:00:00`),
        }),
      );
      await apply(db, gigIds[i], worker, local(`${day}T09:00:00`));
      if (i === 1) await rollup.catchUp();
    }
    await cancelGig(db, gigIds[3], local("2024-06-01T12:00:00"));
    await rollup.catchUp();
    const incremental = await rollupState(t);

    // Another instance (the app's own rollup) may do part of the recount: only the result matters.
    await rollup.rebuild();
    assert.deepEqual(await rollupState(t), incremental);

    // The daily counts are a plain count of the log by local day.
    const recount = await queryRows(
      db,
      sql`select city_code, (at at time zone 'Asia/Shanghai')::date::text as day, coalesce(district_code, '') as district_code,
            coalesce(category_code, '') as category_code, kind, count(*)::int as events, sum(quantity)::int as quantity
          from market_events group by 1, 2, 3, 4, 5 order by 1, 2, 3, 4, 5`,
    );
    assert.deepEqual(incremental.daily, recount);
  });

  it("keeps a seeker valid through the 30th day after each act, and a vacancy until its gig is cancelled", async () => {
    const { spells, vacancies } = await rollupState(t);
    // Acts on 2 and 5 March run through 4 April; 20 April starts a new spell; 1 June another.
    assert.deepEqual(
      spells.map((s) => `${s.valid_from}..${s.last_active_day}..${s.valid_until}`),
      [
        "2024-03-02..2024-03-05..2024-04-05",
        "2024-04-20..2024-04-20..2024-05-21",
        "2024-06-01..2024-06-01..2024-07-02",
      ],
    );
    const cancelled = vacancies.find((v) => v.status === "cancelled");
    assert.deepEqual(
      [cancelled?.valid_from, cancelled?.valid_until, cancelled?.daily_pay_fen],
      ["2024-06-01", "2024-06-02", 20_000],
    );
  });
});
