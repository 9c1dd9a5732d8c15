import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, before, describe, it } from "node:test";
import { eq } from "drizzle-orm";
import { startTestApp, type TestApp } from "../../test/support/app.ts";
import { JINGKOU, stationStaff } from "../../test/support/market-fixtures.ts";
import { auditLog, users } from "../db/schema/index.ts";
import { ManualClock } from "../platform/clock.ts";

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

describe("devices of a station (自助服务终端、信息发布屏)", () => {
  let t: TestApp;
  let staff: { token: string; userId: string };
  let stationId: string;
  let otherStaff: { token: string };
  let districtAdmin: { token: string };
  const clock = new ManualClock(new Date("2030-03-02T00:30:00Z"));

  before(async () => {
    t = await startTestApp({ clock });
    staff = await stationStaff(t);
    const [row] = await t.ctx.database.db
      .select({ stationId: users.stationId })
      .from(users)
      .where(eq(users.id, staff.userId));
    stationId = row.stationId ?? "";
    otherStaff = await stationStaff(t, JINGKOU.districtCode);
    districtAdmin = await t.tokenFor("district_admin", { districtCode: "321111" });
  });
  after(() => t.close());

  const asDevice = (method: Method, url: string, token: string, body?: unknown) =>
    t.app.inject({
      method,
      url,
      payload: body as string | undefined,
      headers: { authorization: `Device ${token}` },
    });

  const enrolScreen = async (as = staff.token, kind = "screen") => {
    const created = await t.request("POST", "/api/devices", {
      as,
      body: { stationId, kind, name: "门口大屏" },
    });
    assert.equal(created.statusCode, 201, created.body);
    const { device, enrolmentCode } = created.json();
    const enrolled = await t.request("POST", "/api/devices/enrol", {
      body: { code: enrolmentCode.toLowerCase() },
    });
    assert.equal(enrolled.statusCode, 200, enrolled.body);
    return { id: device.id as string, code: enrolmentCode as string, token: enrolled.json().token as string };
  };

  it("staff enrol a screen with a one-time code; the device sees its station and is listed as last seen", async () => {
    const { id, code, token } = await enrolScreen();
    assert.match(code, /^[2-9A-Z]{4}-[2-9A-Z]{4}$/);
    const self = await asDevice("GET", "/api/devices/self", token);
    assert.equal(self.statusCode, 200, self.body);
    assert.equal(self.json().station.id, stationId);
    assert.equal(self.json().kind, "screen");

    const again = await t.request("POST", "/api/devices/enrol", { body: { code } });
    assert.equal(again.statusCode, 400);
    assert.equal(again.json().error.code, "enrolment_code_invalid");

    const list = await t.request("GET", `/api/devices?stationId=${stationId}`, { as: staff.token });
    assert.equal(list.statusCode, 200, list.body);
    const listed = list.json().find((device: { id: string }) => device.id === id);
    assert.equal(listed.status, "active");
    assert.equal(listed.lastSeenAt, clock.now().toISOString());
    assert.equal("tokenHash" in listed, false);
    const [audit] = await t.ctx.database.db.select().from(auditLog).where(eq(auditLog.subjectId, id));
    assert.equal(audit.action, "device.create");
  });

  it("a district admin of the district enrols too; staff of another district can neither enrol, list nor revoke", async () => {
    await enrolScreen(districtAdmin.token, "terminal");
    const body = { stationId, kind: "terminal", name: "自助机" };
    const enrol = await t.request("POST", "/api/devices", { as: otherStaff.token, body });
    assert.equal(enrol.statusCode, 403);
    const list = await t.request("GET", `/api/devices?stationId=${stationId}`, { as: otherStaff.token });
    assert.equal(list.statusCode, 403);
    const { id } = await enrolScreen();
    const revoke = await t.request("POST", `/api/devices/${id}/revoke`, { as: otherStaff.token });
    assert.equal(revoke.statusCode, 403);
  });

  it("a code expires after a day unused", async () => {
    const created = await t.request("POST", "/api/devices", {
      as: staff.token,
      body: { stationId, kind: "terminal", name: "二号机" },
    });
    clock.advanceMinutes(25 * 60);
    const enrolled = await t.request("POST", "/api/devices/enrol", {
      body: { code: created.json().enrolmentCode },
    });
    assert.equal(enrolled.json().error.code, "enrolment_code_invalid");
  });

  it("revoking a device signs it out on its very next request", async () => {
    const { id, token } = await enrolScreen();
    const revoked = await t.request("POST", `/api/devices/${id}/revoke`, { as: staff.token });
    assert.equal(revoked.statusCode, 200, revoked.body);
    assert.equal(revoked.json().status, "revoked");
    const self = await asDevice("GET", "/api/devices/self", token);
    assert.equal(self.statusCode, 401);
    const twice = await t.request("POST", `/api/devices/${id}/revoke`, { as: staff.token });
    assert.equal(twice.json().error.code, "device_revoked");
  });

  it("a staff session cannot pose as a device, and a device token is no bearer token", async () => {
    const { token } = await enrolScreen();
    const staffAsDevice = await t.request("GET", "/api/devices/self", { as: staff.token });
    assert.equal(staffAsDevice.statusCode, 401);
    const sessionScheme = await t.request("GET", "/api/devices/self", { as: token });
    assert.equal(sessionScheme.statusCode, 401);
    const me = await t.request("GET", "/api/me", { as: token });
    assert.equal(me.statusCode, 401);
  });

  it("a device token opens no route outside the device's own: every route answers it as it answers a stranger", async () => {
    const { token } = await enrolScreen();
    const document = (await t.request("GET", "/api/openapi.json")).json() as {
      paths: Record<string, Record<string, unknown>>;
    };
    let checked = 0;
    for (const [path, operations] of Object.entries(document.paths)) {
      if (path.startsWith("/api/devices/self") || path === "/api/devices/enrol") continue;
      const url = path.replace(/\{[^}]+\}/g, randomUUID());
      for (const method of Object.keys(operations)) {
        const verb = method.toUpperCase() as Method;
        const stranger = await t.app.inject({ method: verb, url, payload: {} });
        const device = await asDevice(verb, url, token, {});
        assert.equal(device.statusCode, stranger.statusCode, `${verb} ${path}`);
        assert.ok(device.statusCode >= 400 || stranger.statusCode < 300, `${verb} ${path}`);
        if (stranger.statusCode === 401) checked += 1;
      }
    }
    assert.ok(checked > 50, `${checked} routes refused both`);
  });
});
