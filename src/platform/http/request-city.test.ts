import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { ACCEPTED_CONSENT, startTestApp, type TestApp, testPhone } from "../../../test/support/app.ts";
import { enrolledDevice } from "../../../test/support/device-fixtures.ts";
import { employer, postedGig } from "../../../test/support/market-fixtures.ts";
import { stations } from "../../db/schema/index.ts";
import { addCity } from "../../reference/city-add.ts";
import { ManualClock } from "../clock.ts";
import { chooseCity } from "./request-city.ts";

const ZHENJIANG = "321100";
const NANJING = "320100";
const IN_NANJING = { "x-linggong-city": NANJING };

describe("which city a request is in", () => {
  const clues = { userCity: null, deviceCity: null, chosen: null, hostCity: null, defaultCity: ZHENJIANG };

  it("is the signed-in user's, then the device's, whatever the request chooses", () => {
    assert.deepEqual(chooseCity({ ...clues, userCity: ZHENJIANG, chosen: NANJING }), {
      code: ZHENJIANG,
      mustExist: false,
    });
    assert.deepEqual(chooseCity({ ...clues, deviceCity: NANJING, hostCity: ZHENJIANG }), {
      code: NANJING,
      mustExist: false,
    });
  });

  it("is a visitor's choice, then the address's city, then the default; a named city must exist", () => {
    assert.deepEqual(chooseCity({ ...clues, chosen: NANJING, hostCity: ZHENJIANG }), {
      code: NANJING,
      mustExist: true,
    });
    assert.deepEqual(chooseCity({ ...clues, hostCity: NANJING }), { code: NANJING, mustExist: true });
    assert.deepEqual(chooseCity(clues), { code: ZHENJIANG, mustExist: false });
  });
});

describe("one deployment serving Zhenjiang and Nanjing", () => {
  let t: TestApp;
  const clock = new ManualClock(new Date());
  let zhenjiangGig: string;
  before(async () => {
    t = await startTestApp({ clock });
    const db = t.ctx.database.db;
    await db.transaction((tx) => addCity(tx, { code: NANJING }));
    zhenjiangGig = await postedGig(t, await employer(t));
  });
  after(() => t.close());

  const districtsOf = async (headers: Record<string, string> = {}) => {
    const response = await t.request("GET", "/api/reference", { headers });
    assert.equal(response.statusCode, 200);
    const body = response.json() as { city: { code: string }; divisions: Array<{ name: string }> };
    return { city: body.city.code, districts: body.divisions.map((d) => d.name) };
  };
  const gigsOf = async (headers: Record<string, string> = {}, as?: string) => {
    const response = await t.request("GET", "/api/gigs", { headers, as });
    assert.equal(response.statusCode, 200);
    return (response.json() as { items: Array<{ id: string }> }).items.map((gig) => gig.id);
  };

  it("lists both cities for the chooser", async () => {
    const response = await t.request("GET", "/api/cities");
    assert.equal(response.statusCode, 200);
    const cities = response.json() as Array<{ code: string; name: string }>;
    assert.deepEqual(
      cities.map((c) => [c.code, c.name]),
      [
        [NANJING, "南京市"],
        [ZHENJIANG, "镇江市"],
      ],
    );
  });

  it("a visitor who chose Nanjing sees Nanjing's districts and none of Zhenjiang's gigs", async () => {
    const byHeader = await districtsOf(IN_NANJING);
    assert.equal(byHeader.city, NANJING);
    assert.ok(byHeader.districts.includes("江宁区"));
    assert.ok(!byHeader.districts.includes("润州区"));
    assert.ok(!(await gigsOf(IN_NANJING)).includes(zhenjiangGig));

    const byCookie = await t.app.inject({
      method: "GET",
      url: "/api/gigs",
      cookies: { linggong_city: NANJING },
    });
    const ids = (byCookie.json() as { items: Array<{ id: string }> }).items.map((gig) => gig.id);
    assert.ok(!ids.includes(zhenjiangGig));
    const reference = await t.app.inject({
      method: "GET",
      url: "/api/reference",
      cookies: { linggong_city: NANJING },
    });
    assert.equal(reference.json().city.code, NANJING);
    assert.match(String(reference.headers.vary), /cookie/i, "the browser keeps one answer per city");
  });

  it("a visitor who chose nothing is in the default city, Zhenjiang", async () => {
    const zhenjiang = await districtsOf();
    assert.equal(zhenjiang.city, ZHENJIANG);
    assert.ok(zhenjiang.districts.includes("润州区"));
    assert.ok((await gigsOf()).includes(zhenjiangGig));
  });

  it("an address of LINGGONG_CITY_HOSTS puts its visitors in its city", async () => {
    t.ctx.config.cityHosts = { "nanjing.example.gov.cn": NANJING };
    try {
      const response = await t.app.inject({
        method: "GET",
        url: "/api/reference",
        headers: { host: "nanjing.example.gov.cn" },
      });
      assert.equal(response.json().city.code, NANJING);
    } finally {
      t.ctx.config.cityHosts = {};
    }
  });

  it("the same phone signs up as a worker in each city: two accounts, each in its own city", async () => {
    const phone = testPhone();
    const signUp = async (headers: Record<string, string>) => {
      // One code a minute to a phone, whatever the city.
      clock.advanceMinutes(2);
      const asked = await t.request("POST", "/api/auth/codes", { headers, body: { phone } });
      assert.equal(asked.statusCode, 200, asked.body);
      const code = t.sms.lastCodeFor(phone) ?? "";
      const signedIn = await t.request("POST", "/api/auth/sign-in/phone", {
        headers,
        body: { phone, code, role: "worker", consent: ACCEPTED_CONSENT },
      });
      assert.equal(signedIn.statusCode, 200, signedIn.body);
      return signedIn.json() as { token: string; user: { id: string; cityCode: string } };
    };
    const nanjing = await signUp(IN_NANJING);
    const zhenjiang = await signUp({});
    assert.notEqual(nanjing.user.id, zhenjiang.user.id);
    assert.equal(nanjing.user.cityCode, NANJING);
    assert.equal(zhenjiang.user.cityCode, ZHENJIANG);

    assert.ok(!(await gigsOf({}, nanjing.token)).includes(zhenjiangGig));
    assert.ok((await gigsOf({}, zhenjiang.token)).includes(zhenjiangGig));
    const nanjingReference = await t.request("GET", "/api/reference", { as: nanjing.token });
    assert.equal(nanjingReference.json().city.code, NANJING);
  });

  it("a code asked for in one city does not sign in to the other", async () => {
    const phone = testPhone();
    await t.request("POST", "/api/auth/codes", { headers: IN_NANJING, body: { phone } });
    const signedIn = await t.request("POST", "/api/auth/sign-in/phone", {
      body: { phone, code: t.sms.lastCodeFor(phone) ?? "", role: "worker", consent: ACCEPTED_CONSENT },
    });
    assert.equal(signedIn.statusCode, 400);
    assert.equal(signedIn.json().error.code, "code_invalid");
  });

  it("a city the deployment does not have is refused with city_unknown", async () => {
    for (const city of ["110100", "not-a-city"]) {
      const response = await t.request("GET", "/api/reference", { headers: { "x-linggong-city": city } });
      assert.equal(response.statusCode, 400);
      assert.equal(response.json().error.code, "city_unknown");
    }
    const english = await t.request("GET", "/api/gigs", {
      headers: { "x-linggong-city": "110100" },
      lang: "en",
    });
    assert.match(english.json().error.message, /does not cover the city/);
    const stale = await t.app.inject({
      method: "GET",
      url: "/api/cities",
      cookies: { linggong_city: "110100" },
    });
    assert.equal(stale.statusCode, 200, "the chooser still lists the cities to choose again");
  });

  it("a signed-in Zhenjiang worker who sends Nanjing's header still reads Zhenjiang", async () => {
    const worker = await t.tokenFor("worker");
    const reference = await t.request("GET", "/api/reference", { as: worker.token, headers: IN_NANJING });
    assert.equal(reference.json().city.code, ZHENJIANG);
    assert.ok((await gigsOf(IN_NANJING, worker.token)).includes(zhenjiangGig));
  });

  it("a terminal at a Nanjing station signs a person in to her Nanjing account, whatever its browser chose", async () => {
    const [station] = await t.ctx.database.db
      .insert(stations)
      .values({
        cityCode: NANJING,
        districtCode: "320115",
        kind: "station",
        name: "江宁零工驿站",
        address: "南京市江宁区",
        lat: 31.953,
        lng: 118.84,
      })
      .returning({ id: stations.id });
    const staff = await t.tokenFor("station_staff", {
      cityCode: NANJING,
      districtCode: "320115",
      stationId: station?.id,
    });
    const terminal = await enrolledDevice(t, staff.token, station?.id ?? "", "terminal");
    const asTerminal = { authorization: `Device ${terminal.token}` };
    const phone = testPhone();
    clock.advanceMinutes(2);
    const asked = await t.app.inject({
      method: "POST",
      url: "/api/auth/codes",
      payload: { phone },
      headers: asTerminal,
      cookies: { linggong_city: ZHENJIANG },
    });
    assert.equal(asked.statusCode, 200, asked.body);
    const signedIn = await t.app.inject({
      method: "POST",
      url: "/api/devices/self/sign-in",
      payload: { phone, code: t.sms.lastCodeFor(phone) ?? "", role: "worker", consent: ACCEPTED_CONSENT },
      headers: asTerminal,
    });
    assert.equal(signedIn.statusCode, 200, signedIn.body);
    const me = await t.request("GET", "/api/me", { as: signedIn.json().personToken });
    assert.equal(me.json().cityCode, NANJING);
    // What the terminal shows is its city's too: Nanjing's districts and Nanjing's categories.
    const reference = await t.app.inject({
      method: "GET",
      url: "/api/reference",
      headers: asTerminal,
      cookies: { linggong_city: ZHENJIANG },
    });
    assert.equal(reference.statusCode, 200, reference.body);
    assert.equal(reference.json().city.code, NANJING);
  });
});
