import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { startTestApp, type TestApp } from "../../test/support/app.ts";
import {
  type EmployerActor,
  employer,
  gigBody,
  JINGKOU,
  postedGig,
  RUNZHOU,
  stationStaff,
} from "../../test/support/market-fixtures.ts";
import { ManualClock } from "../platform/clock.ts";

describe("posting a gig", () => {
  let t: TestApp;
  let boss: EmployerActor;
  before(async () => {
    t = await startTestApp({ clock: new ManualClock(new Date("2030-03-01T00:00:00Z")) });
    boss = await employer(t);
  });
  after(() => t.close());

  const post = (body: unknown, as = boss.token) => t.request("POST", "/api/gigs", { as, body });

  it("an employer posts a gig and gets a six-digit check-in code", async () => {
    const response = await post(gigBody(t));
    assert.equal(response.statusCode, 201, response.body);
    const gig = response.json();
    assert.match(gig.checkInCode, /^[0-9]{6}$/);
    assert.equal(gig.status, "open");
    assert.equal(gig.openPlaces, 3);
    assert.equal(gig.district.name, "润州区");
    assert.equal(gig.category.nameZh, "保洁");
    assert.deepEqual(gig.pay, { fen: 200_00, unit: "day", dailyEquivalentFen: 200_00 });
  });

  it("requirements of sex, age and education are 无要求 unless the employer states them", async () => {
    const plain = (await post(gigBody(t))).json();
    assert.deepEqual(
      [plain.requiredSex, plain.requiredAgeBand, plain.requiredEducation],
      ["any", "any", "any"],
    );
    const stated = await post(
      gigBody(t, { requiredSex: "male", requiredAgeBand: "45-54", requiredEducation: "junior" }),
    );
    assert.equal(stated.statusCode, 201, stated.body);
    const detail = (await t.request("GET", `/api/gigs/${stated.json().id}`)).json();
    assert.equal(detail.requiredSex, "male");
    assert.equal(detail.requiredAgeBand, "45-54");
    assert.equal(detail.requiredEducation, "junior", "初中及以上");
    const unknown = await post(gigBody(t, { requiredAgeBand: "18-45" }));
    assert.equal(unknown.statusCode, 400);
    assert.equal(unknown.json().error.code, "invalid_request");
  });

  it("a post that asks workers for a deposit or a training fee is refused", async () => {
    const response = await post(gigBody(t, { requirements: "入职先交押金300元和培训费" }));
    assert.equal(response.statusCode, 400);
    assert.equal(response.json().error.code, "upfront_fee_forbidden");
    assert.match(response.json().error.message, /押金/);
  });

  it("a place outside the chosen district is refused", async () => {
    const response = await post(gigBody(t, { districtCode: JINGKOU.districtCode }));
    assert.equal(response.json().error.code, "location_outside_district");
  });

  it("a district of another city and an unknown category are refused", async () => {
    assert.equal((await post(gigBody(t, { districtCode: "320102" }))).json().error.code, "district_unknown");
    assert.equal(
      (await post(gigBody(t, { categoryCode: "astronaut" }))).json().error.code,
      "category_unknown",
    );
  });

  it("a start in the past, an end before the start and a 40-day gig are refused", async () => {
    assert.equal((await post(gigBody(t, {}, -1))).json().error.code, "gig_starts_in_past");
    const start = gigBody(t).startsAt;
    assert.equal((await post(gigBody(t, { endsAt: start }))).json().error.code, "gig_ends_before_start");
    assert.equal((await post(gigBody(t, {}, 24, 40 * 24))).json().error.code, "gig_too_long");
  });

  it("pay typed in yuan instead of fen and a headcount of 0 are refused", async () => {
    assert.equal((await post(gigBody(t, { payFen: 200 }))).json().error.code, "pay_out_of_range");
    assert.equal((await post(gigBody(t, { headcount: 0 }))).json().error.code, "invalid_request");
  });

  it("a worker cannot post, and an employer without a profile is asked to complete it", async () => {
    const someone = await t.tokenFor("worker");
    assert.equal((await post(gigBody(t), someone.token)).json().error.code, "forbidden");
    const newcomer = await t.tokenFor("employer");
    assert.equal((await post(gigBody(t), newcomer.token)).json().error.code, "employer_profile_required");
  });

  it("station staff post for an employer who phoned in; the post is marked as the station's", async () => {
    const staff = await stationStaff(t);
    assert.equal((await post(gigBody(t), staff.token)).json().error.code, "employer_id_required");
    const response = await post(gigBody(t, { employerId: boss.employerId }), staff.token);
    assert.equal(response.statusCode, 201, response.body);
    assert.equal(response.json().postedByStation, true);
    assert.equal(response.json().employer.id, boss.employerId);
  });

  it("station staff of 京口 cannot post a gig into 润州, even for a 润州 employer", async () => {
    const jingkouStaff = await stationStaff(t, JINGKOU.districtCode);
    const response = await post(gigBody(t, { employerId: boss.employerId }), jingkouStaff.token);
    assert.equal(response.statusCode, 403, response.body);
    assert.equal(response.json().error.code, "out_of_scope");
    const inOwnDistrict = gigBody(t, { employerId: boss.employerId, ...JINGKOU, address: "镇江市京口区" });
    assert.equal((await post(inOwnDistrict, jingkouStaff.token)).statusCode, 201);
  });
});

describe("browsing gigs", () => {
  let t: TestApp;
  let boss: EmployerActor;
  const ids: Record<string, string> = {};
  before(async () => {
    t = await startTestApp({ clock: new ManualClock(new Date("2030-03-01T00:00:00Z")) });
    boss = await employer(t, "京口搬家队");
    // 2030-03-02 10:00 Shanghai = 02:00 UTC, 26 h after the clock.
    ids.nearDayPay = await postedGig(t, boss, { title: "润州保洁日结" }, 26);
    ids.farHourly = await postedGig(
      t,
      boss,
      {
        title: "京口搬运",
        categoryCode: "loading",
        ...JINGKOU,
        payFen: 40_00,
        payUnit: "hour",
        settlement: "on_completion",
      },
      50,
    );
    ids.piece = await postedGig(t, boss, { title: "计件包装", payFen: 50, payUnit: "piece" }, 30);
  });
  after(() => t.close());

  const browse = async (query: string) => {
    const response = await t.request("GET", `/api/gigs${query}`);
    assert.equal(response.statusCode, 200, response.body);
    return response.json();
  };

  it("anyone may browse without signing in, soonest first", async () => {
    const page = await browse("");
    assert.deepEqual(
      page.items.map((g: { id: string }) => g.id),
      [ids.nearDayPay, ids.piece, ids.farHourly],
    );
    assert.equal(page.total, 3);
    assert.equal(page.items[0].employer.name, "京口搬家队");
    assert.equal(page.items[0].employer.verified, true);
    assert.equal(page.items[0].checkInCode, undefined);
  });

  it("near a point within 5 km shows the distance and leaves out the gig across the city", async () => {
    const page = await browse(`?lat=${RUNZHOU.lat}&lng=${RUNZHOU.lng}&withinKm=5&sort=nearest`);
    assert.deepEqual(page.items.map((g: { id: string }) => g.id).sort(), [ids.nearDayPay, ids.piece].sort());
    assert.ok(page.items.every((g: { distanceM: number }) => g.distanceM < 100));
  });

  it("best paid compares hourly pay as eight hours and puts piece pay last", async () => {
    const page = await browse("?sort=best_paid");
    assert.deepEqual(
      page.items.map((g: { id: string }) => g.id),
      [ids.farHourly, ids.nearDayPay, ids.piece],
    );
    assert.equal(page.items[0].pay.dailyEquivalentFen, 320_00);
  });

  it("filters by minimum daily pay, same-day pay, category, district and local day", async () => {
    assert.deepEqual(
      (await browse("?minDailyPayFen=25000")).items.map((g: { id: string }) => g.id),
      [ids.farHourly],
    );
    assert.equal((await browse("?sameDayPayOnly=true")).total, 2);
    assert.equal((await browse("?category=loading")).items[0].id, ids.farHourly);
    assert.equal((await browse("?district=321102")).total, 1);
    // 26 h and 30 h after 2030-03-01T00:00Z are both on 2030-03-02 in Shanghai; 50 h is on the 3rd.
    assert.equal((await browse("?date=2030-03-02")).total, 2);
    assert.equal((await browse("?date=2030-03-03")).items[0].id, ids.farHourly);
  });

  it("pages through the results", async () => {
    const second = await browse("?pageSize=2&page=2");
    assert.equal(second.items.length, 1);
    assert.equal(second.total, 3);
  });

  it("shows the check-in code on the detail only to the owning employer", async () => {
    const asPublic = await t.request("GET", `/api/gigs/${ids.nearDayPay}`);
    assert.equal(asPublic.json().checkInCode, undefined);
    const other = await employer(t, "别家公司");
    assert.equal(
      (await t.request("GET", `/api/gigs/${ids.nearDayPay}`, { as: other.token })).json().checkInCode,
      undefined,
    );
    const asOwner = await t.request("GET", `/api/gigs/${ids.nearDayPay}`, { as: boss.token });
    assert.match(asOwner.json().checkInCode, /^[0-9]{6}$/);
  });

  it("lists the employer's own gigs with answers awaited", async () => {
    const mine = await t.request("GET", "/api/employers/me/gigs", { as: boss.token });
    assert.equal(mine.statusCode, 200, mine.body);
    assert.equal(mine.json().length, 3);
    assert.equal(mine.json()[0].pendingApplications, 0);
  });

  it("a started gig no longer shows", async () => {
    (t.clock as ManualClock).advanceMinutes(27 * 60);
    const page = await browse("");
    assert.ok(!page.items.some((g: { id: string }) => g.id === ids.nearDayPay));
    (t.clock as ManualClock).advanceMinutes(-27 * 60);
  });
});
