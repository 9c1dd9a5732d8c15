/**
 * Input a careless or hostile client sends is refused at the edge, for every route, with a 4xx and
 * the error envelope: never a 500, never a number that slips past its bounds.
 */
import assert from "node:assert/strict";
import { connect } from "node:net";
import { after, before, describe, it } from "node:test";
import { startTestApp, type TestApp } from "./support/app.ts";
import { type Actor, employer, RUNZHOU, stationStaff, worker } from "./support/market-fixtures.ts";

describe("bad input is refused at the edge", () => {
  let t: TestApp;
  let staff: Actor;
  let cityAdmin: Actor;
  let seeker: Actor;
  before(async () => {
    t = await startTestApp();
    staff = await stationStaff(t);
    cityAdmin = await t.tokenFor("city_admin");
    seeker = await worker(t);
    await employer(t);
  });
  after(() => t.close());

  const send = (method: string, url: string, as?: Actor, payload?: string) =>
    t.app.inject({
      method: method as "GET",
      url,
      payload,
      headers: {
        ...(as ? { authorization: `Bearer ${as.token}` } : {}),
        ...(payload !== undefined ? { "content-type": "application/json" } : {}),
      },
    });
  const refused = (response: { statusCode: number; json(): { error: { code: string } } }, code: string) => {
    assert.equal(response.statusCode, code === "uri_too_long" ? 414 : 400, JSON.stringify(response.json()));
    assert.equal(response.json().error.code, code);
  };

  it("anyone browsing gigs with Infinity for a page, a size, a distance or a pay is refused", async () => {
    for (const query of [
      "pageSize=Infinity",
      "page=Infinity",
      "pageSize=1e309",
      "minDailyPayFen=-Infinity",
      "withinKm=Infinity&lat=32.2&lng=119.4",
    ]) {
      refused(await send("GET", `/api/gigs?${query}`), "invalid_request");
      refused(await send("GET", `/api/gigs?${query}`, seeker), "invalid_request");
    }
    const bounded = await send("GET", "/api/gigs?pageSize=50&withinKm=200&lat=32.2&lng=119.4");
    assert.equal(bounded.statusCode, 200, bounded.body);
  });

  it("a number too large for a double (1e309), as JSON or as text, is refused in a body", async () => {
    const { settings } = (await send("GET", "/api/admin/settings", cityAdmin)).json();
    for (const written of ["-1e309", '"-1e309"', '"Infinity"']) {
      const body = JSON.stringify({ ...settings, autoCheckOutGraceMin: 0 }).replace(
        '"autoCheckOutGraceMin":0',
        `"autoCheckOutGraceMin":${written}`,
      );
      refused(await send("PUT", "/api/admin/settings", cityAdmin, body), "invalid_request");
    }
  });

  it("a NUL character is refused in a search, a note and a sign-in name, before the database sees it", async () => {
    refused(await send("GET", "/api/stations/employers?q=%00", staff), "invalid_request");
    const note = JSON.stringify({ kind: "registration", note: "登记\u0000" });
    refused(await send("POST", "/api/stations/service-records", staff, note), "invalid_request");
    const signIn = JSON.stringify({ username: "admin\u0000", password: "whatever-123" });
    refused(await send("POST", "/api/auth/sign-in/password", undefined, signIn), "invalid_request");
  });

  it("an unpaired surrogate in a station's name is refused before it reaches the audit log", async () => {
    const station = JSON.stringify({
      name: "驿站\ud800",
      kind: "station",
      districtCode: RUNZHOU.districtCode,
      address: "镇江市润州区宝塔路",
      lat: RUNZHOU.lat,
      lng: RUNZHOU.lng,
    });
    refused(await send("POST", "/api/admin/stations", cityAdmin, station), "invalid_request");
    const note = JSON.stringify({ kind: "registration", note: "登记\udc00" });
    refused(await send("POST", "/api/stations/service-records", staff, note), "invalid_request");
  });

  it("dates outside 1900–2200 are refused in queries and bodies", async () => {
    for (const date of ["0001-01-01", "9999-12-31", "1899-12-31", "2201-01-01"]) {
      refused(await send("GET", `/api/monitoring/quality?date=${date}`, cityAdmin), "invalid_period");
      refused(await send("GET", `/api/gigs?date=${date}`), "invalid_request");
    }
    for (const at of ["0001-01-01T00:00:00Z", "+275760-09-13T00:00:00.000Z", "9999-12-31T23:59:59Z"]) {
      refused(await send("GET", `/api/audit?from=${encodeURIComponent(at)}`, cityAdmin), "invalid_request");
    }
    assert.equal((await send("GET", "/api/monitoring/quality?date=2026-03-01", cityAdmin)).statusCode, 200);
  });

  it("an audit offset beyond what anyone pages through is refused, not sent to the database", async () => {
    refused(await send("GET", "/api/audit?offset=9223372036854775808", cityAdmin), "invalid_request");
    assert.equal((await send("GET", "/api/audit?offset=100000", cityAdmin)).statusCode, 200);
  });
});

describe("the framework's own errors come in the envelope", () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
  });
  after(() => t.close());

  const envelope = (response: {
    statusCode: number;
    json(): { error: { code: string; message: string } };
  }) => ({
    status: response.statusCode,
    code: response.json().error.code,
    hasMessage: response.json().error.message.length > 0,
  });

  it("a URL that is not valid percent-encoding", async () => {
    const response = await t.request("GET", "/api/gigs/%E0%A4%A");
    assert.deepEqual(envelope(response), { status: 400, code: "invalid_request", hasMessage: true });
  });

  it("a path parameter longer than the router accepts", async () => {
    const response = await t.request("GET", `/api/gigs/${"x".repeat(500)}`, { lang: "en" });
    assert.deepEqual(envelope(response), { status: 414, code: "uri_too_long", hasMessage: true });
    assert.equal(response.json().error.message, "The address of the request is too long");
  });

  it("a body that is not JSON, and a content type the API does not take", async () => {
    const broken = await t.app.inject({
      method: "POST",
      url: "/api/auth/codes",
      payload: '{"phone":',
      headers: { "content-type": "application/json" },
    });
    assert.deepEqual(envelope(broken), { status: 400, code: "invalid_request", hasMessage: true });
    const xml = await t.app.inject({
      method: "POST",
      url: "/api/auth/codes",
      payload: "<phone/>",
      headers: { "content-type": "application/xml" },
    });
    assert.deepEqual(envelope(xml), { status: 415, code: "unsupported_media_type", hasMessage: true });
  });

  it("an unknown route and a method a route does not have", async () => {
    assert.deepEqual(envelope(await t.request("GET", "/api/no-such-thing")), {
      status: 404,
      code: "route_not_found",
      hasMessage: true,
    });
    assert.deepEqual(envelope(await t.request("DELETE", "/api/errors")), {
      status: 404,
      code: "route_not_found",
      hasMessage: true,
    });
  });

  it("the readiness probe, while the database cannot be reached", async () => {
    const db = t.ctx.database.db as { execute: unknown };
    const execute = db.execute;
    db.execute = async () => {
      throw new Error("connection refused");
    };
    try {
      const response = await t.request("GET", "/readyz");
      assert.deepEqual(envelope(response), { status: 503, code: "unavailable", hasMessage: true });
      assert.equal(response.json().status, "database_unreachable", "the probe's own field stays");
    } finally {
      db.execute = execute;
    }
  });

  it("headers too large for the server (431), before any route sees the request", async () => {
    const address = await t.app.listen({ port: 0, host: "127.0.0.1" });
    const { port } = new URL(address);
    const raw = await new Promise<string>((resolve, reject) => {
      let answer = "";
      const socket = connect(Number(port), "127.0.0.1", () => {
        socket.write(`GET /api/errors HTTP/1.1\r\nHost: x\r\nX-Filler: ${"a".repeat(64 * 1024)}\r\n\r\n`);
      });
      socket.on("data", (chunk) => {
        answer += chunk.toString("utf8");
      });
      socket.on("close", () => resolve(answer));
      socket.on("error", (error) => (answer ? resolve(answer) : reject(error)));
    });
    assert.match(raw, /^HTTP\/1\.1 431 /);
    const body = JSON.parse(raw.slice(raw.indexOf("\r\n\r\n") + 4));
    assert.equal(body.error.code, "headers_too_large");
    assert.equal(body.error.message, "请求头过大");
  });
});
