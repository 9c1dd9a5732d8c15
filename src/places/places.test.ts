import assert from "node:assert/strict";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { after, before, describe, it } from "node:test";
import { eq } from "drizzle-orm";
import { startTestApp, type TestApp } from "../../test/support/app.ts";
import { divisions, townships } from "../db/schema/index.ts";
import { toGcj02 } from "./datum.ts";

/** 中山东路, 京口区 (WGS-84), where the stub providers place the address. */
const ZHONGSHAN_EAST = { lng: 119.449906, lat: 32.205919 };
const JINGKOU = "321102";
const DASHIKOU = "321102003"; // 大市口街道

interface StubCall {
  path: string;
  query: URLSearchParams;
}

/** A local HTTP server answering as the provider's documentation says it answers. */
async function stubProvider(
  answer: (call: StubCall) => unknown,
): Promise<{ url: string; calls: StubCall[]; server: Server }> {
  const calls: StubCall[] = [];
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://stub");
    const call = { path: url.pathname, query: url.searchParams };
    calls.push(call);
    response.setHeader("content-type", "application/json; charset=utf-8");
    response.end(JSON.stringify(answer(call)));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, calls, server };
}

describe("places", () => {
  let t: TestApp;
  let employer: string;
  const servers: Server[] = [];
  before(async () => {
    t = await startTestApp();
    employer = (await t.tokenFor("employer")).token;
  });
  after(async () => {
    for (const server of servers) server.close();
    await t.close();
  });

  const geocode = (body: unknown) => t.request("POST", "/api/places/geocode", { as: employer, body });

  it("lists the townships (乡镇街道) of 京口区 from the national division codes", async () => {
    const res = await t.request("GET", `/api/places/districts/${JINGKOU}/townships`);
    assert.equal(res.statusCode, 200);
    const names = res.json().map((row: { name: string }) => row.name);
    assert.ok(names.includes("大市口街道"), names.join());
    assert.ok(names.includes("谏壁街道"));
    assert.ok(!names.includes("宝塔路街道"), "宝塔路街道 belongs to 润州区");
  });

  it("a district outside the city has no townships here", async () => {
    const res = await t.request("GET", "/api/places/districts/320102/townships");
    assert.equal(res.statusCode, 400);
    assert.equal(res.json().error.code, "district_unknown");
  });

  it("with no geocoder key, the pin goes to the district's centre and says so", async () => {
    t.ctx.config.places = { ...t.ctx.config.places, tiandituKey: undefined, amapKey: undefined };
    const res = await geocode({ districtCode: JINGKOU, townshipCode: DASHIKOU, street: "中山东路301号" });
    assert.equal(res.statusCode, 200);
    const [district] = await t.scratch.database.db
      .select()
      .from(divisions)
      .where(eq(divisions.code, JINGKOU));
    assert.deepEqual(res.json(), {
      lat: district.centerLat,
      lng: district.centerLng,
      precision: "district",
      source: "centre",
      searched: "镇江市京口区大市口街道中山东路301号",
    });
  });

  it("where the township's centre is known, the fallback pin goes there instead", async () => {
    const db = t.scratch.database.db;
    await db
      .update(townships)
      .set({ centerLat: 32.2059, centerLng: 119.4499 })
      .where(eq(townships.code, DASHIKOU));
    const res = await geocode({ districtCode: JINGKOU, townshipCode: DASHIKOU, street: "中山东路301号" });
    assert.equal(res.json().precision, "township");
    assert.equal(res.json().lat, 32.2059);
    await db.update(townships).set({ centerLat: null, centerLng: null }).where(eq(townships.code, DASHIKOU));
  });

  it("a township of another district is refused", async () => {
    const res = await geocode({ districtCode: JINGKOU, townshipCode: "321111001", street: "宝塔路1号" });
    assert.equal(res.statusCode, 400);
    assert.equal(res.json().error.code, "township_unknown");
  });

  it("天地图: asks with ds={keyWord} and tk, and keeps its CGCS2000 answer as WGS-84", async () => {
    const stub = await stubProvider(() => ({
      msg: "ok",
      location: { level: "门址", lon: ZHONGSHAN_EAST.lng, lat: ZHONGSHAN_EAST.lat, keyWord: "", score: 100 },
      searchVersion: "6.4.9V",
      status: "0",
    }));
    servers.push(stub.server);
    t.ctx.config.places = {
      ...t.ctx.config.places,
      geocoder: "tianditu",
      tiandituKey: "tk-test",
      tiandituGeocoderUrl: `${stub.url}/geocoder`,
    };
    const res = await geocode({ districtCode: JINGKOU, townshipCode: DASHIKOU, street: "中山东路301号" });
    assert.equal(res.statusCode, 200);
    assert.deepEqual(res.json(), {
      ...ZHONGSHAN_EAST,
      precision: "address",
      source: "tianditu",
      searched: "镇江市京口区大市口街道中山东路301号",
    });
    const call = stub.calls.at(-1);
    assert.equal(call?.path, "/geocoder");
    assert.equal(call?.query.get("tk"), "tk-test");
    assert.deepEqual(JSON.parse(call?.query.get("ds") ?? "{}"), {
      keyWord: "镇江市京口区大市口街道中山东路301号",
    });
  });

  it("天地图 answering a point outside the chosen district is not trusted: the pin falls back", async () => {
    const stub = await stubProvider(() => ({ status: "0", location: { lon: 118.7969, lat: 32.0603 } }));
    servers.push(stub.server);
    t.ctx.config.places = { ...t.ctx.config.places, geocoder: "tianditu", tiandituGeocoderUrl: stub.url };
    const res = await geocode({ districtCode: JINGKOU, street: "不存在路1号" });
    assert.equal(res.json().precision, "district");
  });

  it("天地图 not finding the address (status 101) or being down leaves the fallback pin", async () => {
    const stub = await stubProvider(() => ({ status: "101", msg: "结果为空" }));
    servers.push(stub.server);
    t.ctx.config.places = { ...t.ctx.config.places, geocoder: "tianditu", tiandituGeocoderUrl: stub.url };
    assert.equal((await geocode({ districtCode: JINGKOU, street: "无名路" })).json().precision, "district");
    t.ctx.config.places = { ...t.ctx.config.places, tiandituGeocoderUrl: "http://127.0.0.1:9/geocoder" };
    const down = await geocode({ districtCode: JINGKOU, street: "中山东路301号" });
    assert.equal(down.statusCode, 200);
    assert.equal(down.json().source, "centre");
  });

  it("高德: asks with key, address and city, and converts its GCJ-02 answer to WGS-84", async () => {
    const gcj = toGcj02(ZHONGSHAN_EAST);
    const stub = await stubProvider(() => ({
      status: "1",
      info: "OK",
      infocode: "10000",
      count: "1",
      geocodes: [
        {
          formatted_address: "江苏省镇江市京口区中山东路301号",
          province: "江苏省",
          city: "镇江市",
          district: "京口区",
          location: `${gcj.lng.toFixed(6)},${gcj.lat.toFixed(6)}`,
          level: "门牌号",
        },
      ],
    }));
    servers.push(stub.server);
    t.ctx.config.places = {
      ...t.ctx.config.places,
      geocoder: "amap",
      amapKey: "amap-test",
      amapGeocoderUrl: `${stub.url}/v3/geocode/geo`,
    };
    const res = await geocode({ districtCode: JINGKOU, townshipCode: DASHIKOU, street: "中山东路301号" });
    const answer = res.json();
    assert.equal(answer.precision, "address");
    assert.equal(answer.source, "amap");
    assert.ok(
      Math.abs(answer.lat - ZHONGSHAN_EAST.lat) < 2e-6 && Math.abs(answer.lng - ZHONGSHAN_EAST.lng) < 2e-6,
    );
    const call = stub.calls.at(-1);
    assert.equal(call?.path, "/v3/geocode/geo");
    assert.equal(call?.query.get("key"), "amap-test");
    assert.equal(call?.query.get("city"), "镇江市");
    assert.equal(call?.query.get("address"), "镇江市京口区大市口街道中山东路301号");
  });

  it("geocoding needs a signed-in user; the map configuration is public and gives no key by default", async () => {
    const res = await t.request("POST", "/api/places/geocode", {
      body: { districtCode: JINGKOU, street: "x" },
    });
    assert.equal(res.statusCode, 401);
    t.ctx.config.places = { ...t.ctx.config.places, tiandituKey: undefined };
    assert.deepEqual((await t.request("GET", "/api/places/map-config")).json(), {
      tiandituKey: null,
      datum: "wgs84",
    });
  });
});
