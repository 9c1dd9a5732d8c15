import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { eq, sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import { startTestApp, type TestApp } from "../../test/support/app.ts";
import { sseEvents } from "../../test/support/event-stream.ts";
import { queryRows } from "../db/client.ts";
import { deviceUseDaily, employers, stations, users } from "../db/schema/index.ts";
import { ManualClock } from "../platform/clock.ts";
import { addEmployer, apply, book, local, postGig, registerWorker } from "./monitoring.fixtures.ts";
import { MonitoringRollup } from "./rollup.ts";

const MAY = "period=month&date=2024-05-15";

interface LiveFigures {
  asOfEventId: number;
  figures: { newWorkers: number };
}

describe("the monitoring platform for the city and district bureaus", () => {
  let t: TestApp;
  let jingkou: string;
  let runzhou: string;
  let city: string;

  before(async () => {
    t = await startTestApp({ clock: new ManualClock(local("2024-05-15T10:00:00")) });
    const db = t.ctx.database.db;
    const e1 = await addEmployer(db, "321102", "C", local("2024-04-01T09:00:00"));
    const e2 = await addEmployer(db, "321111", "G", local("2024-04-01T09:00:00"));
    const cleaning = await postGig(db, {
      employerId: e1,
      districtCode: "321102",
      categoryCode: "cleaning",
      headcount: 4,
      payFen: 18_000,
      postedAt: local("2024-05-03T08:00:00"),
      endsAt: local("2024-05-20T18:00:00"),
    });
    await postGig(db, {
      employerId: e2,
      districtCode: "321111",
      categoryCode: "loading",
      headcount: 6,
      payFen: 30_000,
      postedAt: local("2024-05-05T08:00:00"),
      endsAt: local("2024-05-25T18:00:00"),
    });
    const person = { education: "junior", registeredAt: local("2024-05-02T09:00:00") };
    const wang = await registerWorker(db, {
      ...person,
      name: "王小明",
      phone: "13812345678",
      sex: "male",
      birthYear: 1970,
      categoryCodes: ["cleaning"],
      districtCodes: ["321102"],
    });
    await registerWorker(db, {
      ...person,
      name: "李芳",
      phone: "13912345678",
      sex: "female",
      birthYear: 1995,
      categoryCodes: ["loading"],
      districtCodes: ["321111"],
    });
    await registerWorker(db, {
      ...person,
      name: "张伟",
      phone: "13712345678",
      sex: "male",
      birthYear: 1980,
      categoryCodes: [],
      anyCategory: true,
      districtCodes: [],
    });
    await apply(db, cleaning, wang, local("2024-05-07T10:00:00"));
    await new MonitoringRollup(t.ctx).catchUp();
    jingkou = (await t.tokenFor("district_admin", { districtCode: "321102" })).token;
    runzhou = (await t.tokenFor("district_admin", { districtCode: "321111" })).token;
    city = (await t.tokenFor("city_admin")).token;
  });
  after(() => t.close());

  it("shows the city admin the whole city: 10 vacancies for 3 seekers is 求人倍率 3.33", async () => {
    const res = await t.request("GET", `/api/monitoring/overview?${MAY}`, { as: city });
    assert.equal(res.statusCode, 200, res.body);
    const page = res.json();
    assert.deepEqual(page.scope, { cityCodes: ["321100"], district: null });
    assert.equal(page.figures.validVacancies.value, 10);
    assert.equal(page.figures.validSeekers.value, 3);
    assert.equal(page.figures.jobsToSeekersRatio.value, 3.33);
    assert.equal(page.figures.applications.value, 1);
    assert.equal(page.figures.gigsPosted.previous, 0);
    assert.equal(page.figures.registeredWorkers.value, 3);
  });

  it("limits a district admin to her district: 京口 has 4 vacancies for its own seeker and the one who goes anywhere", async () => {
    const page = (await t.request("GET", `/api/monitoring/overview?${MAY}`, { as: jingkou })).json();
    assert.deepEqual(page.scope, { cityCodes: ["321100"], district: "321102" });
    assert.equal(page.figures.validVacancies.value, 4);
    assert.equal(page.figures.validSeekers.value, 2);
    assert.equal(page.figures.jobsToSeekersRatio.value, 2);
    const runzhouPage = (
      await t.request("GET", `/api/monitoring/overview?${MAY}&district=321111`, { as: runzhou })
    ).json();
    assert.equal(runzhouPage.figures.validVacancies.value, 6);
  });

  it("refuses a district admin another district's figures, lists, exports and the district comparison", async () => {
    for (const url of [
      `/api/monitoring/overview?${MAY}&district=321111`,
      `/api/monitoring/supply-demand?${MAY}&district=321111`,
      `/api/monitoring/drill/seekers?${MAY}&district=321111`,
      `/api/monitoring/exports/supply-demand.xlsx?${MAY}&district=321111`,
      `/api/monitoring/districts?${MAY}`,
    ]) {
      const res = await t.request("GET", url, { as: jingkou });
      assert.equal(res.statusCode, 403, url);
      assert.equal(res.json().error.code, "out_of_scope", url);
    }
  });

  it("lets the city admin look into any district and compare them side by side", async () => {
    const one = (
      await t.request("GET", `/api/monitoring/overview?${MAY}&district=321111`, { as: city })
    ).json();
    assert.equal(one.figures.validVacancies.value, 6);
    const side = (await t.request("GET", `/api/monitoring/districts?${MAY}`, { as: city })).json();
    const byCode = Object.fromEntries(
      side.districts.map((d: { districtCode: string }) => [d.districtCode, d]),
    );
    assert.equal(byCode["321102"].name, "京口区");
    assert.equal(byCode["321102"].demand, 4);
    assert.equal(byCode["321111"].demand, 6);
    assert.equal(byCode["321111"].applications, 0);
    assert.equal(byCode["321102"].applications, 1);
    const unknown = await t.request("GET", `/api/monitoring/overview?${MAY}&district=999999`, { as: city });
    assert.equal(unknown.json().error.code, "unknown_district");
  });

  it("keeps workers, employers and strangers out", async () => {
    const worker = await t.tokenFor("worker");
    assert.equal(
      (await t.request("GET", "/api/monitoring/overview", { as: worker.token })).json().error.code,
      "forbidden",
    );
    assert.equal((await t.request("GET", "/api/monitoring/overview")).statusCode, 401);
  });

  it("spreads the seeker open to any work over categories by demand, but shows him apart", async () => {
    const page = (await t.request("GET", `/api/monitoring/supply-demand?${MAY}`, { as: city })).json();
    const cleaning = page.byCategory.find((r: { key: string }) => r.key === "cleaning");
    assert.equal(cleaning.name, "保洁");
    assert.deepEqual(
      [cleaning.demand, cleaning.seekers, cleaning.seekersForRatio, cleaning.ratio],
      [4, 1, 1.4, 2.86],
    );
    assert.equal(page.anyCategorySeekers, 1);
    assert.equal(page.shortages[0].key, "loading"); // 6 ÷ 1.6 = 3.75
    assert.equal(page.bySex.find((r: { key: string }) => r.key === "female").seekers, 1);
    // Occupation groups by their names in the classification, not their numbers.
    const groups = page.byOccupationGroup.map((r: { name: string }) => r.name);
    assert.ok(groups.length > 0 && groups.every((n: string) => !/^第\d大类$/.test(n)), groups.join());
  });

  it("gives the official flow table: registered in May, 10 needed for 3 seekers is 3.33, by requirements and traits", async () => {
    // The loading gig asks for a woman of 45–54: in the tables' 45+ column; the cleaning gig asks nothing (无要求).
    await t.ctx.database.db.execute(
      sql`update gigs set required_sex = 'female', required_age_band = '45-54' where category_code = 'loading'`,
    );
    const res = await t.request("GET", `/api/monitoring/official-flow?${MAY}`, { as: city });
    assert.equal(res.statusCode, 200, res.body);
    const page = res.json();
    assert.deepEqual(page.total, { key: "all", demand: 10, seekers: 3, ratio: 3.33 });
    const row = (rows: Array<{ key: string }>, key: string) => rows.find((r) => r.key === key);
    assert.deepEqual(row(page.byCategory, "cleaning"), {
      key: "cleaning",
      name: "保洁",
      demand: 4,
      seekers: 1,
      ratio: 4,
    });
    assert.equal(page.anyCategorySeekers, 1);
    assert.deepEqual(page.demandBySex, [
      { key: "any", people: 4 },
      { key: "female", people: 6 },
    ]);
    assert.deepEqual(page.demandByAgeBand, [
      { key: "any", people: 4 },
      { key: "45+", people: 6 },
    ]);
    assert.deepEqual(page.seekersBySex, [
      { key: "male", people: 2 },
      { key: "female", people: 1 },
    ]);
    // Born 1995, 1980, 1970: 29, 44 and 54 in 2024.
    assert.deepEqual(
      page.seekersByAgeBand.map((r: { key: string; people: number }) => `${r.key}:${r.people}`),
      ["25-34:1", "35-44:1", "45+:1"],
    );
    assert.ok(page.byOccupationGroup.every((r: { name: string }) => !r.name.startsWith("第")));
    // 京口: its cleaning gig, its own seeker and the one who takes work anywhere.
    const jk = (await t.request("GET", `/api/monitoring/official-flow?${MAY}`, { as: jingkou })).json();
    assert.deepEqual(jk.total, { key: "all", demand: 4, seekers: 2, ratio: 2 });
  });

  it("gives the big screen 30 days of 求人倍率, bookings and pay, ending today, in the viewer's scope", async () => {
    // Four people used the 京口 station's terminal today; nobody was served at its counter.
    const db = t.ctx.database.db;
    const [station] = await db
      .insert(stations)
      .values({
        cityCode: "321100",
        districtCode: "321102",
        kind: "station",
        name: "大市口驿站",
        address: "中山东路",
        lat: 32.2,
        lng: 119.45,
      })
      .returning({ id: stations.id });
    await db.insert(deviceUseDaily).values({
      stationId: station.id,
      districtCode: "321102",
      day: "2024-05-15",
      kind: "session",
      count: 4,
    });
    const res = await t.request("GET", "/api/monitoring/screen?period=day", { as: city });
    assert.equal(res.statusCode, 200, res.body);
    const page = res.json();
    assert.equal(page.day, "2024-05-15");
    assert.equal(page.days.length, 30);
    assert.equal(page.days[0].day, "2024-04-16");
    const on = (day: string) => page.days.find((d: { day: string }) => d.day === day);
    assert.equal(on("2024-04-20").ratio, null, "nobody seeking yet");
    assert.equal(on("2024-05-10").ratio, 3.33, "10 vacancies for 3 seekers, as the overview says");
    assert.equal(on("2024-05-03").medianDailyPayFen, 18_000);
    assert.equal(on("2024-05-05").medianDailyPayFen, 30_000);
    assert.equal(on("2024-05-04").medianDailyPayFen, null, "no gig posted that day");
    assert.ok(page.bookingsByDistrict.some((d: { code: string }) => d.code === "321111"));
    assert.deepEqual(page.arrears, { opened: 0, resolved: 0, recoveredFen: 0, openFen: 0 });
    assert.deepEqual(page.stations, [
      { stationId: station.id, name: "大市口驿站", services: 0, terminalSessions: 4 },
    ]);

    const hers = (await t.request("GET", "/api/monitoring/screen?period=day", { as: jingkou })).json();
    assert.deepEqual(
      hers.bookingsByDistrict.map((d: { code: string }) => d.code),
      ["321102"],
    );
    assert.equal(hers.days.find((d: { day: string }) => d.day === "2024-05-10").ratio, 2);
    const past = (
      await t.request("GET", "/api/monitoring/screen?period=month&date=2024-04-10", { as: city })
    ).json();
    assert.equal(past.day, "2024-04-30", "a period that is over ends on its last day");
  });

  it("rejects a period that is not a date with a stable code", async () => {
    const res = await t.request("GET", "/api/monitoring/overview?period=day&date=2024-02-30", { as: city });
    assert.equal(res.statusCode, 400);
    assert.equal(res.json().error.code, "invalid_period");
  });

  it("shows the people behind a figure masked", async () => {
    const res = await t.request("GET", `/api/monitoring/drill/seekers?${MAY}`, { as: jingkou });
    const names = res
      .json()
      .items.map((i: { name: string; phone: string }) => `${i.name} ${i.phone}`)
      .sort();
    assert.deepEqual(names, ["张* 137****5678", "王** 138****5678"]);
  });

  it("writes each look at a masked list to the audit log, not as a view of personal data", async () => {
    const db = t.ctx.database.db;
    const before = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from audit_log where action = 'monitoring.drilldown'`,
    );
    await t.request("GET", `/api/monitoring/drill/vacancies?${MAY}&limit=10`, { as: city });
    const rows = await queryRows<{
      subject: string;
      personal: boolean;
      role: string;
      detail: { limit: number };
    }>(
      db,
      sql`select subject_id as subject, personal_data as personal, actor_role as role, detail from audit_log
          where action = 'monitoring.drilldown' order by at desc, id desc limit 1`,
    );
    const [after] = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from audit_log where action = 'monitoring.drilldown'`,
    );
    assert.equal(after.n, before[0].n + 1);
    assert.deepEqual(
      [rows[0].subject, rows[0].personal, rows[0].role, rows[0].detail.limit],
      ["vacancies", false, "city_admin", 10],
    );
  });

  it("exports the supply-and-demand table as Excel with Chinese headers that reads back", async () => {
    const res = await t.request("GET", `/api/monitoring/exports/supply-demand.xlsx?${MAY}`, { as: city });
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers["content-disposition"]), /filename\*=UTF-8''/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    assert.deepEqual((sheet.getRow(2).values as unknown[]).slice(1, 5), [
      "职业（工种）",
      "需求人数",
      "求职人数",
      "求人倍率",
    ]);
    assert.deepEqual((sheet.getRow(3).values as unknown[]).slice(1, 5), ["搬运装卸", 6, 1, 3.75]);
    assert.deepEqual((sheet.getRow(6).values as unknown[]).slice(1, 5), ["合计", 10, 3, 3.33]);
    assert.equal(sheet.getRow(3).getCell(4).numFmt, "0.00");
  });

  it("exports the official flow table as .xlsx in the report's layout, named by the district", async () => {
    const res = await t.request("GET", `/api/monitoring/exports/official-flow.xlsx?${MAY}`, { as: jingkou });
    assert.equal(res.statusCode, 200, res.body);
    assert.match(decodeURIComponent(String(res.headers["content-disposition"])), /京口区/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    assert.match(sheet.name, /^京口区/);
    assert.match(String(sheet.getRow(1).getCell(1).value), /^京口区市场供求状况（2024-05-01至/);
    const rows = Array.from(sheet.getSheetValues(), (r) =>
      Array.isArray(r) ? Array.from(r.slice(1, 5), (v) => v ?? null) : [],
    );
    // 京口: 4 needed (cleaning, no requirement) for 2 seekers; the one who takes any work in 不限工种.
    assert.deepEqual(
      rows.find((r) => r[0] === "合计"),
      ["合计", 4, 2, 2],
    );
    assert.deepEqual(
      rows.find((r) => r[0] === "  不限工种"),
      ["  不限工种", null, 1],
    );
    assert.ok(rows.some((r) => r[0] === "四、需求人数按性别要求分组"));
    assert.deepEqual(
      rows.find((r) => r[0] === "  无要求"),
      ["  无要求", 4],
    );
  });

  it("exports the period summary as CSV with a BOM so Excel reads the Chinese", async () => {
    const res = await t.request("GET", `/api/monitoring/exports/summary.csv?${MAY}`, { as: jingkou });
    assert.equal(res.statusCode, 200);
    assert.equal(res.body.charCodeAt(0), 0xfeff);
    const lines = res.body.slice(1).split("\r\n");
    assert.equal(lines[0], "指标,本期,上期,环比,上年同期,同比");
    assert.ok(lines.includes("求人倍率,2,,,,"), lines.join("\n"));
  });

  it("gives the dashboard map the city's district boundaries", async () => {
    const geo = (await t.request("GET", "/api/monitoring/geo", { as: jingkou })).json();
    assert.equal(geo.type, "FeatureCollection");
    const names = geo.features.map((f: { properties: { name: string } }) => f.properties.name);
    assert.ok(names.includes("京口区") && names.includes("句容市"));
    assert.ok(geo.features[0].geometry.coordinates.length > 0);
  });

  it("runs the big screen's feed of the newest gigs and today's bookings, naming no worker", async () => {
    // A household in 润州 posts a gig this morning and takes on 孙丽 for it.
    const db = t.ctx.database.db;
    const household = await addEmployer(db, "321111", "O", local("2024-05-15T08:00:00"));
    await db.update(employers).set({ kind: "individual", name: "陈建国" }).where(eq(employers.id, household));
    const gig = await postGig(db, {
      employerId: household,
      districtCode: "321111",
      categoryCode: "cleaning",
      headcount: 2,
      payFen: 20_000,
      postedAt: local("2024-05-15T08:30:00"),
      endsAt: local("2024-05-16T18:00:00"),
    });
    const [sun] = await db
      .insert(users)
      .values({ cityCode: "321100", role: "worker", phone: "13512345678", displayName: "孙丽" })
      .returning({ id: users.id });
    const booking = await book(db, gig, sun.id, local("2024-05-15T09:30:00"));

    const res = await t.request("GET", "/api/monitoring/feed?period=day", { as: city });
    assert.equal(res.statusCode, 200, res.body);
    const feed = res.json();
    assert.equal(feed.day, "2024-05-15");
    const [newest, posted] = feed.items;
    assert.deepEqual(
      [newest.kind, newest.id, newest.gigTitle, newest.employerName, newest.districtName, newest.places],
      ["booking_made", booking, "cleaning 测试岗位", "陈**", "润州区", 1],
    );
    assert.deepEqual([posted.kind, posted.id, posted.places], ["gig_posted", gig, 2]);
    assert.ok(
      feed.items.some((i: { kind: string; districtName: string }) => i.districtName === "京口区"),
      "older gigs fill a quiet day",
    );
    assert.ok(!/孙丽|13512345678/.test(res.body), "no worker's name or number");

    const hers = (await t.request("GET", "/api/monitoring/feed", { as: jingkou })).json();
    assert.ok(hers.items.every((i: { districtName: string }) => i.districtName === "京口区"));
    const refused = await t.request("GET", "/api/monitoring/feed?district=321111", { as: jingkou });
    assert.equal(refused.statusCode, 403);
    const unknown = await t.request("GET", "/api/monitoring/feed?district=999999", { as: city });
    assert.equal(unknown.statusCode, 400, unknown.body);
    assert.equal(unknown.json().error.code, "unknown_district");
  });

  // Last: the worker it registers changes the figures of May.
  it("pushes the live figures again after a market event (server-sent events)", async () => {
    const db = t.ctx.database.db;
    const address = await t.app.listen({ port: 0, host: "127.0.0.1" });
    const abort = new AbortController();
    const res = await fetch(`${address}/api/monitoring/stream`, {
      headers: { authorization: `Bearer ${city}` },
      signal: abort.signal,
    });
    assert.equal(res.status, 200);
    assert.match(String(res.headers.get("content-type")), /text\/event-stream/);
    const events = sseEvents<LiveFigures>(res.body as ReadableStream<Uint8Array>, "figures");
    try {
      const first = await events.next();
      assert.equal(first.done, false);
      // A worker registers today: the rollup counts it and the stream sends the figures again.
      await registerWorker(db, {
        name: "赵强",
        phone: "13612345678",
        sex: "male",
        birthYear: 1988,
        education: "senior",
        categoryCodes: ["cleaning"],
        districtCodes: ["321102"],
        registeredAt: t.clock.now(),
      });
      let next = await events.next();
      while (!next.done && next.value.figures.newWorkers < first.value.figures.newWorkers + 1)
        next = await events.next();
      assert.equal(next.done, false);
      assert.ok(next.value.asOfEventId > first.value.asOfEventId);
      assert.equal(next.value.figures.newWorkers, first.value.figures.newWorkers + 1);
    } finally {
      abort.abort();
    }
  });
});
