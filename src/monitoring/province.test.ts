/**
 * Issue 18: the province admin reads the monitoring platform of every city of her province, one
 * at a time (`city`) or summed — counts added up, ratios recomputed from the summed parts, medians
 * over the union of the rows — and changes nothing. 镇江 and 南京 (added by city:add) each have a
 * small market in May 2024.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { startTestApp, type TestApp } from "../../test/support/app.ts";
import { ManualClock } from "../platform/clock.ts";
import { addCity } from "../reference/city-add.ts";
import { jobsToSeekersRatio } from "./indicators.ts";
import { addEmployer, apply, book, local, postGig, registerWorker } from "./monitoring.fixtures.ts";
import { MonitoringRollup } from "./rollup.ts";

const MAY = "period=month&date=2024-05-15";
const ZHENJIANG = "321100";
const NANJING = "320100";
/** Figures that are counts: the province's is the sum of its cities'. */
const COUNTS = [
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
  "applications",
  "bookings",
  "completedShifts",
  "complaintsOpened",
  "servicesRecorded",
];

interface Figure {
  value: number | null;
}
type Overview = { scope: unknown; figures: Record<string, Figure>; trend: unknown[] };

describe("the province admin's monitoring platform", () => {
  let t: TestApp;
  let zhenjiangAdmin: string;
  let nanjingAdmin: string;
  let province: string;

  /** A page as one caller sees it, asserting it was given. */
  const read = async <T = Overview>(token: string, url: string): Promise<T> => {
    const res = await t.request("GET", url, { as: token });
    assert.equal(res.statusCode, 200, `${url}: ${res.body}`);
    return res.json() as T;
  };

  before(async () => {
    t = await startTestApp({ clock: new ManualClock(local("2024-05-15T10:00:00")) });
    const db = t.ctx.database.db;
    await db.transaction((tx) => addCity(tx, { code: NANJING }));
    const may = (day: string, hour = "09:00") => local(`2024-05-${day}T${hour}:00`);
    const worker = (name: string, phone: string, districtCode: string) =>
      registerWorker(db, {
        name,
        phone,
        sex: "female",
        birthYear: 1985,
        education: "senior",
        categoryCodes: ["cleaning"],
        districtCodes: [districtCode],
        registeredAt: may("02"),
      });
    const gig = (employerId: string, districtCode: string, headcount: number, payFen: number) =>
      postGig(db, {
        employerId,
        districtCode,
        categoryCode: "cleaning",
        headcount,
        payFen,
        postedAt: may("03", "08:00"),
        endsAt: may("25", "18:00"),
      });

    // 镇江 (京口区): 4 places at 180 yuan for 1 seeker, who applied and was booked.
    const zj = await addEmployer(db, "321102", "C", may("01"));
    const zjGig = await gig(zj, "321102", 4, 18_000);
    const zjWorker = await worker("王秀英", "13811110001", "321102");
    await apply(db, zjGig, zjWorker, may("06"));
    await book(db, zjGig, zjWorker, may("07"));
    // 南京 (玄武区, 鼓楼区): 3 places at 200 and 260 yuan for 4 seekers, one of whom applied and
    // one of whom takes work in any district of 南京.
    const nj = await addEmployer(db, "320102", "G", may("01"));
    const njGig = await gig(nj, "320102", 1, 20_000);
    await gig(nj, "320106", 2, 26_000);
    const njWorker = await worker("李娟", "13811110002", "320102");
    await worker("陈静", "13811110003", "320106");
    await worker("周敏", "13811110004", "320106");
    await registerWorker(db, {
      name: "吴芳",
      phone: "13811110005",
      sex: "female",
      birthYear: 1990,
      education: "college",
      categoryCodes: ["cleaning"],
      districtCodes: [],
      registeredAt: may("02"),
      cityCode: NANJING,
    });
    await apply(db, njGig, njWorker, may("08"));
    await new MonitoringRollup(t.ctx).catchUp();

    zhenjiangAdmin = (await t.tokenFor("city_admin")).token;
    nanjingAdmin = (await t.tokenFor("city_admin", { cityCode: NANJING })).token;
    province = (await t.tokenFor("province_admin", { cityCode: ZHENJIANG })).token;
  });
  after(() => t.close());

  it("sums the cities' counts and recomputes 求人倍率 from the sums: 7 places for 5 seekers is 1.4, not the mean 2.38", async () => {
    const zj = await read(zhenjiangAdmin, `/api/monitoring/overview?${MAY}`);
    const nj = await read(nanjingAdmin, `/api/monitoring/overview?${MAY}`);
    const all = await read(province, `/api/monitoring/overview?${MAY}`);
    assert.deepEqual(all.scope, { cityCodes: [NANJING, ZHENJIANG], district: null });
    for (const name of COUNTS) {
      const sum = (zj.figures[name].value ?? 0) + (nj.figures[name].value ?? 0);
      assert.equal(all.figures[name].value, sum, name);
    }
    assert.equal(zj.figures.jobsToSeekersRatio.value, 4);
    assert.equal(nj.figures.jobsToSeekersRatio.value, 0.75);
    assert.equal(
      all.figures.jobsToSeekersRatio.value,
      jobsToSeekersRatio(
        (zj.figures.validVacancies.value ?? 0) + (nj.figures.validVacancies.value ?? 0),
        (zj.figures.validSeekers.value ?? 0) + (nj.figures.validSeekers.value ?? 0),
      ),
    );
    assert.equal(all.figures.jobsToSeekersRatio.value, 1.4);
  });

  it("with ?city=320100 shows exactly what 南京's own admin sees", async () => {
    for (const page of ["overview", "supply-demand", "official-flow", "wages", "quality", "complaints"]) {
      const own = await read(nanjingAdmin, `/api/monitoring/${page}?${MAY}`);
      const asked = await read(province, `/api/monitoring/${page}?${MAY}&city=${NANJING}`);
      assert.deepEqual(asked, own, page);
    }
  });

  it("takes the median daily pay over every gig of the province, not the cities' medians averaged", async () => {
    type Wages = { byCategory: Array<{ categoryCode: string; medianDailyPayFen: Figure }> };
    const cleaning = async (token: string, query = "") =>
      (await read<Wages>(token, `/api/monitoring/wages?${MAY}${query}`)).byCategory.find(
        (r) => r.categoryCode === "cleaning",
      )?.medianDailyPayFen.value;
    assert.equal(await cleaning(zhenjiangAdmin), 18_000);
    assert.equal(await cleaning(nanjingAdmin), 23_000);
    // 180, 200 and 260 yuan: the median is 200, where the cities' medians would average 205.
    assert.equal(await cleaning(province), 20_000);
  });

  it("puts the cities side by side with the province's row, which is their sum", async () => {
    type Row = Record<string, number | null> & { cityCode: string; name: string };
    const page = await read<{ cities: Row[]; total: Row }>(province, `/api/monitoring/cities?${MAY}`);
    assert.deepEqual(
      page.cities.map((c) => `${c.cityCode} ${c.name}`),
      ["320100 南京市", "321100 镇江市"],
    );
    const nj = await read(nanjingAdmin, `/api/monitoring/overview?${MAY}`);
    const row = page.cities[0];
    for (const name of ["validSeekers", "validVacancies", "jobsToSeekersRatio", "applications", "bookings"])
      assert.equal(row[name], nj.figures[name].value, name);
    for (const name of ["registeredWorkers", "validSeekers", "validVacancies", "gigsPosted", "applications"])
      assert.equal(page.total[name], (page.cities[0][name] ?? 0) + (page.cities[1][name] ?? 0), name);
    assert.equal(page.total.jobsToSeekersRatio, 1.4);
    // Only the province admin has the page; a city's admin compares her districts.
    const refused = await t.request("GET", `/api/monitoring/cities?${MAY}`, { as: zhenjiangAdmin });
    assert.equal(refused.json().error.code, "forbidden");
  });

  it("compares the districts of both cities in the supply-and-demand table and the district page", async () => {
    type Page = { overall: { demand: number; seekers: number }; byDistrict: Array<{ key: string }> };
    const page = await read<Page>(province, `/api/monitoring/supply-demand?${MAY}`);
    assert.deepEqual([page.overall.demand, page.overall.seekers], [7, 5]);
    assert.deepEqual(
      page.byDistrict.map((d) => d.key),
      ["320102", "320106", "321102"],
    );
    // 南京's seeker open to any district is spread over 南京's districts only: 镇江's 京口区 faces
    // its own seeker, as 镇江's admin sees it.
    type Row = { key: string; seekersForRatio: number; ratio: number | null };
    const zhenjiang = await read<{ byDistrict: Row[] }>(
      zhenjiangAdmin,
      `/api/monitoring/supply-demand?${MAY}`,
    );
    const jingkou = (rows: Row[]) => {
      const found = rows.find((r) => r.key === "321102");
      return found && { seekersForRatio: found.seekersForRatio, ratio: found.ratio };
    };
    assert.deepEqual(jingkou(page.byDistrict as Row[]), jingkou(zhenjiang.byDistrict));
    // 鼓楼区 is in 南京 and in 徐州: with several cities, a district goes by its city's name too.
    assert.equal(
      (page.byDistrict as Array<Row & { name: string }>).find((r) => r.key === "320106")?.name,
      "南京市鼓楼区",
    );
    const nanjing = (page.byDistrict as Row[]).filter((r) => r.key.startsWith("3201"));
    assert.equal(
      nanjing.reduce((n, r) => n + r.seekersForRatio, 0),
      4,
    );
    const side = await read<{ districts: Array<{ districtCode: string; demand: number }> }>(
      province,
      `/api/monitoring/districts?${MAY}&city=${NANJING}`,
    );
    assert.ok(side.districts.every((d) => d.districtCode.startsWith("3201")));
    assert.equal(side.districts.find((d) => d.districtCode === "320106")?.demand, 2);
  });

  it("exports the official tables per city and summed, named by their places", async () => {
    const name = async (query: string) => {
      const res = await t.request("GET", `/api/monitoring/exports/official-flow.csv?${MAY}${query}`, {
        as: province,
      });
      assert.equal(res.statusCode, 200, res.body);
      return decodeURIComponent(
        /filename\*=UTF-8''(.+)$/.exec(res.headers["content-disposition"] as string)?.[1] ?? "",
      );
    };
    assert.equal(await name(""), "公共就业服务机构市场供求状况_南京市、镇江市合计_2024-05-01.csv");
    assert.equal(await name(`&city=${NANJING}`), "公共就业服务机构市场供求状况_南京市_2024-05-01.csv");
    const summed = await t.request("GET", `/api/monitoring/official-flow?${MAY}`, { as: province });
    assert.deepEqual(summed.json().total, { key: "all", demand: 7, seekers: 5, ratio: 1.4 });
  });

  it("maps every district of the province's cities, or of the one asked for", async () => {
    type Geo = { features: Array<{ properties: { code: string; cityCode: string; name: string } }> };
    const all = await read<Geo>(province, "/api/monitoring/geo");
    const cities = new Set(all.features.map((f) => f.properties.cityCode));
    assert.deepEqual([...cities].sort(), [NANJING, ZHENJIANG]);
    // Named as the pages name the districts, so the map finds each figure's shape.
    const name = (geo: Geo, code: string) =>
      geo.features.find((f) => f.properties.code === code)?.properties.name;
    assert.equal(name(all, "320106"), "南京市鼓楼区");
    const nanjing = await read<Geo>(province, `/api/monitoring/geo?city=${NANJING}`);
    assert.equal(nanjing.features.length, 11);
    assert.equal(name(nanjing, "320106"), "鼓楼区");
    const own = await read<Geo>(zhenjiangAdmin, "/api/monitoring/geo");
    assert.ok(own.features.every((f) => f.properties.cityCode === ZHENJIANG));
    const screen = await read<{ bookingsByDistrict: Array<{ code: string; bookings: number }> }>(
      province,
      "/api/monitoring/screen?period=day&date=2024-05-07",
    );
    assert.equal(screen.bookingsByDistrict.find((d) => d.code === "321102")?.bookings, 1);
    assert.ok(screen.bookingsByDistrict.some((d) => d.code === "320102"));
  });

  it("refuses a city of another province, names an unknown one, and keeps the lists behind figures to the city", async () => {
    const refused = async (url: string, status: number, code: string) => {
      const res = await t.request("GET", url, { as: province });
      assert.equal(res.statusCode, status, url);
      assert.equal(res.json().error.code, code, url);
    };
    // 杭州 is in 浙江; 无锡 is in 江苏 but not on this platform.
    await refused(`/api/monitoring/overview?${MAY}&city=330100`, 403, "out_of_scope");
    await refused(`/api/monitoring/stream?city=330100`, 403, "out_of_scope");
    await refused(`/api/monitoring/exports/summary.xlsx?${MAY}&city=330100`, 403, "out_of_scope");
    await refused("/api/monitoring/geo?city=330100", 403, "out_of_scope");
    await refused(`/api/monitoring/overview?${MAY}&district=330102`, 403, "out_of_scope");
    await refused(`/api/monitoring/overview?${MAY}&city=320200`, 400, "unknown_city");
    await refused(`/api/monitoring/drill/seekers?${MAY}&city=${NANJING}`, 403, "forbidden");
    await refused("/api/admin/staff", 403, "forbidden");
    await refused("/api/audit", 403, "forbidden");
  });

  it("leaves 镇江's admin with 镇江 alone", async () => {
    const zj = await read(zhenjiangAdmin, `/api/monitoring/overview?${MAY}`);
    assert.deepEqual(zj.scope, { cityCodes: [ZHENJIANG], district: null });
    assert.equal(zj.figures.validVacancies.value, 4);
    assert.equal(zj.figures.validSeekers.value, 1);
    const same = await read(zhenjiangAdmin, `/api/monitoring/overview?${MAY}&city=${ZHENJIANG}`);
    assert.deepEqual(same.figures, zj.figures);
    for (const url of [
      `/api/monitoring/overview?${MAY}&city=${NANJING}`,
      `/api/monitoring/geo?city=${NANJING}`,
    ]) {
      const res = await t.request("GET", url, { as: zhenjiangAdmin });
      assert.equal(res.statusCode, 403, url);
      assert.equal(res.json().error.code, "out_of_scope", url);
    }
    // As before: a district of another city is not one of hers.
    const district = await t.request("GET", `/api/monitoring/overview?${MAY}&district=320102`, {
      as: zhenjiangAdmin,
    });
    assert.equal(district.json().error.code, "unknown_district");
  });
});
