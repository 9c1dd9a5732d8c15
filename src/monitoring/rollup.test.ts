import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { sql } from "drizzle-orm";
import { startTestApp, type TestApp } from "../../test/support/app.ts";
import { usingPostgres } from "../../test/support/database.ts";
import { signal } from "../../test/support/signal.ts";
import { queryRows } from "../db/client.ts";
import { users } from "../db/schema/index.ts";
import { recordMarketEvent } from "../market/market-events.ts";
import { ManualClock } from "../platform/clock.ts";
import {
  addEmployer,
  apply,
  book,
  bookingEvent,
  cancelGig,
  local,
  postGig,
  registerWorker,
} from "./monitoring.fixtures.ts";
import type { Scope } from "./monitoring.repository.ts";
import { screen } from "./monitoring.service.ts";
import { periodContaining } from "./periods.ts";
import { lockCursor } from "./rollup.repository.ts";
import { MonitoringRollup, ROLLUP_NAME } from "./rollup.ts";
import { snapshots } from "./snapshot.ts";

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
      sql`select gig_id, headcount, status, valid_from::text, valid_until::text, daily_pay_fen,
            start_day::text, filled_by_start, withdrawn_by_start
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

  it("岗位满足率 counts the places held when each gig's start day ended, and a closed day never moves (docs/indicators.md)", async () => {
    const db = t.ctx.database.db;
    const employer = await addEmployer(db, "321111", "E", local("2024-05-01T09:00:00"));
    const people = await db
      .insert(users)
      .values(
        ["01", "02", "03", "04", "05"].map((n) => ({
          cityCode: "321100",
          role: "worker" as const,
          phone: `139000020${n}`,
        })),
      )
      .returning({ id: users.id });
    const [w1, w2, w3, w4, w5] = people.map((p) => p.id);
    const gig = (headcount: number, startDay: string) =>
      postGig(db, {
        employerId: employer,
        districtCode: "321111",
        categoryCode: "cleaning",
        headcount,
        payFen: 20_000,
        postedAt: local("2024-05-06T09:00:00"),
        startsAt: local(`${startDay}T08:00:00`),
        endsAt: local(`${startDay}T18:00:00`),
      });
    // A gig for 4 starting on 10 May: booked on 8 May and twice on 9 May, one of those cancelled
    // that evening, booked again on the evening of the 10th and once more on the 11th.
    const cleaning = await gig(4, "2024-05-10");
    const first = await book(db, cleaning, w1, local("2024-05-08T10:00:00"));
    const cancelled = await book(db, cleaning, w2, local("2024-05-09T10:00:00"));
    const kept = await book(db, cleaning, w3, local("2024-05-09T11:00:00"));
    await bookingEvent(db, cancelled, "booking_cancelled", local("2024-05-09T20:00:00"));
    await book(db, cleaning, w4, local("2024-05-10T19:00:00"));
    await bookingEvent(db, first, "no_show", local("2024-05-10T09:00:00"));
    await book(db, cleaning, w5, local("2024-05-11T09:00:00"));
    // A gig for 2 on the same day, withdrawn the day before: it offered nothing to fill.
    await cancelGig(db, await gig(2, "2024-05-10"), local("2024-05-09T12:00:00"));
    // A gig for 2 starting on 12 May with one place booked.
    await book(db, await gig(2, "2024-05-12"), w1, local("2024-05-07T10:00:00"));
    await rollup.catchUp();

    const scope: Scope = { cityCodes: ["321100"], district: null };
    const fill = async (kind: "day" | "month", day: string) =>
      (await snapshots(t.ctx, scope, [periodContaining(kind, day)], ["fillRate"]))[0].fillRate;
    assert.equal(await fill("day", "2024-05-10"), 0.75, "3 places held of 4");
    assert.equal(await fill("day", "2024-05-11"), null, "no gig began that day");
    assert.equal(await fill("month", "2024-05-10"), 0.6667, "4 of 6");
    const page = await screen(t.ctx, scope, periodContaining("day", "2024-05-12"));
    const on = (day: string) => page.days.find((d) => d.day === day)?.fillRate;
    assert.deepEqual([on("2024-05-10"), on("2024-05-11"), on("2024-05-12")], [0.75, null, 0.5]);

    // Weeks later a kept booking is cancelled and the gig closes: 10 May's rate does not move.
    await bookingEvent(db, kept, "booking_cancelled", local("2024-06-02T09:00:00"));
    await rollup.catchUp();
    assert.equal(await fill("day", "2024-05-10"), 0.75);
    const incremental = await rollupState(t);
    await rollup.rebuild();
    assert.deepEqual(await rollupState(t), incremental, "counted as it came equals a recount");
  });
  it("招满用时 runs from posting to the first gig_filled in the log; a later reopening does not move it", async () => {
    const db = t.ctx.database.db;
    const employer = await addEmployer(db, "321112", "F", local("2024-04-01T09:00:00"));
    const [worker, other] = await db
      .insert(users)
      .values(
        ["13900003001", "13900003002"].map((phone) => ({
          cityCode: "321100",
          role: "worker" as const,
          phone,
        })),
      )
      .returning({ id: users.id });
    const gigId = await postGig(db, {
      employerId: employer,
      districtCode: "321112",
      categoryCode: "cleaning",
      headcount: 1,
      payFen: 20_000,
      postedAt: local("2024-04-08T09:00:00"),
      startsAt: local("2024-04-12T08:00:00"),
      endsAt: local("2024-04-12T18:00:00"),
    });
    const filled = (at: Date) =>
      recordMarketEvent(db, {
        cityCode: "321100",
        kind: "gig_filled",
        districtCode: "321112",
        categoryCode: "cleaning",
        subjectId: gigId,
        at,
      });
    const booking = await book(db, gigId, worker.id, local("2024-04-08T15:00:00"));
    await filled(local("2024-04-08T15:00:00"));
    await rollup.catchUp();
    const scope: Scope = { cityCodes: ["321100"], district: "321112" };
    const hours = async () =>
      (await snapshots(t.ctx, scope, [periodContaining("month", "2024-04-08")], ["medianHoursToFill"]))[0]
        .medianHoursToFill;
    assert.equal(await hours(), 6, "posted at 09:00, full at 15:00");
    // She cancels, the gig reopens and fills again two days later: the first fill still counts.
    await bookingEvent(db, booking, "booking_cancelled", local("2024-04-09T09:00:00"));
    await book(db, gigId, other.id, local("2024-04-10T09:00:00"));
    await filled(local("2024-04-10T09:00:00"));
    await rollup.catchUp();
    assert.equal(await hours(), 6);
    await rollup.rebuild();
    assert.equal(await hours(), 6, "and so does a recount of the whole log");
  });
});

describe("two instances' rollups", { skip: !usingPostgres() && "needs PostgreSQL" }, () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp({ clock: new ManualClock(local("2024-06-30T10:00:00")) });
  });
  after(() => t.close());

  it("a scheduled run does not queue behind another instance holding the rollup; an explicit one does", async () => {
    const db = t.ctx.database.db;
    await registerWorker(db, {
      name: "王秀英",
      phone: "13800002222",
      sex: "female",
      birthYear: 1970,
      education: "junior",
      categoryCodes: ["cleaning"],
      districtCodes: ["321102"],
      registeredAt: local("2024-06-01T09:00:00"),
    });
    const rollup = new MonitoringRollup(t.ctx);
    const released = signal();
    const locked = signal();
    // Another instance in the middle of a batch: it holds the lock in an open transaction.
    const other = db.transaction(async (tx) => {
      await lockCursor(tx, ROLLUP_NAME);
      locked.give();
      await released.promise;
    });
    await locked.promise;
    assert.equal(await rollup.catchUp(false), 0, "returns at once, counting nothing");
    // A second scheduled call while the first runs asks for one more round: that round must not wait either.
    const first = rollup.catchUp(false);
    void rollup.catchUp(false);
    const tooLong = new Promise<string>((resolve) => setTimeout(() => resolve("waited"), 2_000).unref());
    const raced = await Promise.race([first, tooLong]);
    if (raced !== 0) released.give(); // so a failure does not leave the other transaction open
    assert.equal(raced, 0, "both rounds return at once");
    const waiting = rollup.catchUp();
    released.give();
    await other;
    assert.ok((await waiting) >= 1, "the explicit run waited for the lock and counted the event");
  });
});
