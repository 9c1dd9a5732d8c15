/**
 * A device token (decision 0011) opens only the device routes (`/api/devices/self…`): on every
 * other route of the route table (the OpenAPI document, every method) a terminal's or a screen's
 * token, sent as `Device …` or as a bearer token, gets exactly what an anonymous caller gets, so
 * a stolen token reads nothing personal. A revoked token opens no device route either.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { startTestApp, type TestApp } from "./support/app.ts";
import { enrolledDevice, stationOf } from "./support/device-fixtures.ts";
import { stationStaff } from "./support/market-fixtures.ts";

const SOME_ID = "00000000-0000-4000-8000-000000000001";
const DEVICE_PREFIX = "/api/devices/self";

describe("a device token outside its device routes", () => {
  let t: TestApp;
  const tokens: Record<string, string> = {};
  let routes: Array<{ method: string; path: string }>;
  let staffToken: string;
  let terminalId: string;

  before(async () => {
    t = await startTestApp();
    const staff = await stationStaff(t);
    staffToken = staff.token;
    const stationId = await stationOf(t, staff.userId);
    for (const kind of ["terminal", "screen"] as const) {
      const device = await enrolledDevice(t, staff.token, stationId, kind);
      if (kind === "terminal") terminalId = device.id;
      tokens[kind] = device.token;
    }
    const doc = (await t.request("GET", "/api/openapi.json")).json() as {
      paths: Record<string, Record<string, unknown>>;
    };
    routes = Object.entries(doc.paths).flatMap(([path, operations]) =>
      Object.keys(operations)
        .filter((m) => ["get", "post", "put", "patch", "delete"].includes(m))
        .map((method) => ({ method: method.toUpperCase(), path })),
    );
  });
  after(() => t.close());

  const call = (route: { method: string; path: string }, authorization?: string) =>
    t.app.inject({
      method: route.method as "GET",
      url: route.path.replace(/\{[^}]+\}/g, SOME_ID),
      ...(["POST", "PUT", "PATCH"].includes(route.method) ? { payload: {} } : {}),
      headers: authorization ? { authorization } : {},
    });

  it("the route table has device routes and many others", () => {
    assert.ok(routes.filter((r) => r.path.startsWith(DEVICE_PREFIX)).length >= 8);
    assert.ok(routes.filter((r) => !r.path.startsWith(DEVICE_PREFIX)).length > 100);
  });

  it("on every other route, a device token gets what an anonymous caller gets", async () => {
    const wrong: string[] = [];
    for (const route of routes.filter((r) => !r.path.startsWith(DEVICE_PREFIX))) {
      if (route.path === "/api/openapi.json") continue;
      const anonymous = await call(route);
      for (const [kind, token] of Object.entries(tokens)) {
        for (const authorization of [`Device ${token}`, `Bearer ${token}`]) {
          const response = await call(route, authorization);
          if (
            response.statusCode !== anonymous.statusCode ||
            (response.statusCode < 300 && response.body !== anonymous.body)
          )
            wrong.push(
              `${route.method} ${route.path} as ${kind} (${authorization.split(" ")[0]}): ${response.statusCode}, anonymous ${anonymous.statusCode}`,
            );
        }
      }
    }
    assert.deepEqual(wrong, []);
  });

  it("no device route answers without a device token, nor to a revoked one (401, or 400 for the empty body)", async () => {
    const deviceRoutes = routes.filter((r) => r.path.startsWith(DEVICE_PREFIX));
    const before = await call({ method: "GET", path: DEVICE_PREFIX }, `Device ${tokens.terminal}`);
    assert.equal(before.statusCode, 200);
    const revoked = await t.request("POST", `/api/devices/${terminalId}/revoke`, { as: staffToken });
    assert.equal(revoked.statusCode, 200, revoked.body);
    const wrong: string[] = [];
    for (const route of deviceRoutes) {
      for (const authorization of [undefined, `Bearer ${staffToken}`, `Device ${tokens.terminal}`]) {
        const response = await call(route, authorization);
        // 400: the empty body is refused before anyone is asked who calls; never an answer.
        if (![400, 401].includes(response.statusCode))
          wrong.push(
            `${route.method} ${route.path} with ${authorization?.split(" ")[0] ?? "nothing"}: ${response.statusCode}`,
          );
      }
    }
    assert.deepEqual(wrong, []);
  });
});
