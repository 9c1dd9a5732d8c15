/**
 * Addresses kept where a place is asked besides gigs: a worker's home area and a station. Each
 * is entered as district → township (乡镇街道) → street, geocoded to a pin (here by the built-in
 * fallback: no provider key), and read back in the same parts so the form fills again.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { startTestApp, type TestApp } from "../../test/support/app.ts";

const JINGKOU = "321102";
const RUNZHOU = "321111";

interface Township {
  code: string;
  name: string;
}

describe("addresses of homes and stations", () => {
  let t: TestApp;
  let jingkou: Township[];
  let runzhou: Township[];

  async function pinFor(as: string, districtCode: string, townshipCode: string, street: string) {
    const res = await t.request("POST", "/api/places/geocode", {
      as,
      body: { districtCode, townshipCode, street },
    });
    assert.equal(res.statusCode, 200, res.body);
    return res.json() as { lat: number; lng: number; precision: string };
  }

  before(async () => {
    t = await startTestApp();
    t.ctx.config.places = { ...t.ctx.config.places, tiandituKey: undefined, amapKey: undefined };
    jingkou = (await t.request("GET", `/api/places/districts/${JINGKOU}/townships`)).json();
    runzhou = (await t.request("GET", `/api/places/districts/${RUNZHOU}/townships`)).json();
    assert.ok(jingkou.length > 3 && runzhou.length > 3);
  });
  after(() => t.close());

  describe("a worker's home area", () => {
    const profile = {
      name: "李桂兰",
      categoryCodes: ["cleaning"],
      districtCodes: [JINGKOU],
    };

    it("is saved as district, township, street and pin, and read back the same", async () => {
      const { token } = await t.tokenFor("worker");
      const township = jingkou[0];
      const pin = await pinFor(token, JINGKOU, township.code, "梦溪路12号");
      const home = {
        homeDistrictCode: JINGKOU,
        homeTownshipCode: township.code,
        homeStreet: " 梦溪路12号 ",
        // The worker dragged the pin a little towards her building.
        homeLat: pin.lat + 0.0004,
        homeLng: pin.lng - 0.0003,
      };
      const saved = await t.request("PUT", "/api/workers/me/profile", {
        as: token,
        body: { ...profile, ...home },
      });
      assert.equal(saved.statusCode, 200, saved.body);
      const read = (await t.request("GET", "/api/workers/me/profile", { as: token })).json();
      assert.deepEqual(
        {
          homeDistrictCode: read.homeDistrictCode,
          homeTownshipCode: read.homeTownshipCode,
          homeStreet: read.homeStreet,
          homeLat: read.homeLat,
          homeLng: read.homeLng,
        },
        { ...home, homeStreet: "梦溪路12号" },
      );
    });

    it("may be only a district and a township, without a street", async () => {
      const { token } = await t.tokenFor("worker");
      const pin = await pinFor(token, JINGKOU, jingkou[1].code, "");
      const body = {
        ...profile,
        homeDistrictCode: JINGKOU,
        homeTownshipCode: jingkou[1].code,
        homeLat: pin.lat,
        homeLng: pin.lng,
      };
      const saved = await t.request("PUT", "/api/workers/me/profile", { as: token, body });
      assert.equal(saved.statusCode, 200, saved.body);
      assert.equal(saved.json().homeStreet, null);
      assert.equal(saved.json().homeTownshipCode, jingkou[1].code);
    });

    it("refuses a township of another district, and a pin outside the district", async () => {
      const { token } = await t.tokenFor("worker");
      const wrongTownship = await t.request("PUT", "/api/workers/me/profile", {
        as: token,
        body: { ...profile, homeDistrictCode: JINGKOU, homeTownshipCode: runzhou[0].code },
      });
      assert.equal(wrongTownship.statusCode, 400);
      assert.equal(wrongTownship.json().error.code, "township_unknown");

      const runzhouPin = await pinFor(token, RUNZHOU, runzhou[0].code, "");
      const outside = await t.request("PUT", "/api/workers/me/profile", {
        as: token,
        body: { ...profile, homeDistrictCode: JINGKOU, homeLat: runzhouPin.lat, homeLng: runzhouPin.lng },
      });
      assert.equal(outside.statusCode, 400);
      assert.equal(outside.json().error.code, "home_outside_district");
    });
  });

  describe("a station's address", () => {
    it("is created and edited by address, and read back in the same parts", async () => {
      const { token } = await t.tokenFor("city_admin");
      const [first, second] = jingkou;
      const pin = await pinFor(token, JINGKOU, first.code, "中山东路1号");
      const created = await t.request("POST", "/api/admin/stations", {
        as: token,
        body: {
          name: "中山东路零工驿站",
          kind: "station",
          districtCode: JINGKOU,
          townshipCode: first.code,
          street: "中山东路1号",
          address: `京口区${first.name}中山东路1号`,
          lat: pin.lat,
          lng: pin.lng,
        },
      });
      assert.equal(created.statusCode, 201, created.body);
      const id = created.json().id as string;

      const moved = await pinFor(token, JINGKOU, second.code, "学府路88号");
      const edited = await t.request("PATCH", `/api/admin/stations/${id}`, {
        as: token,
        body: {
          townshipCode: second.code,
          street: "学府路88号",
          address: `京口区${second.name}学府路88号`,
          lat: moved.lat,
          lng: moved.lng,
        },
      });
      assert.equal(edited.statusCode, 200, edited.body);

      const list = (await t.request("GET", "/api/admin/stations", { as: token })).json();
      const station = list.items.find((s: { id: string }) => s.id === id);
      assert.deepEqual(
        {
          districtCode: station.districtCode,
          townshipCode: station.townshipCode,
          street: station.street,
          address: station.address,
          lat: station.lat,
          lng: station.lng,
        },
        {
          districtCode: JINGKOU,
          townshipCode: second.code,
          street: "学府路88号",
          address: `京口区${second.name}学府路88号`,
          lat: moved.lat,
          lng: moved.lng,
        },
      );
    });

    it("refuses a township of another district", async () => {
      const { token } = await t.tokenFor("city_admin");
      const pin = await pinFor(token, JINGKOU, jingkou[0].code, "");
      const res = await t.request("POST", "/api/admin/stations", {
        as: token,
        body: {
          name: "错位驿站",
          kind: "station",
          districtCode: JINGKOU,
          townshipCode: runzhou[0].code,
          street: "",
          address: "京口区",
          lat: pin.lat,
          lng: pin.lng,
        },
      });
      assert.equal(res.statusCode, 400);
      assert.equal(res.json().error.code, "township_unknown");
    });
  });
});
