import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { startTestApp, type TestApp } from "../../test/support/app.ts";
import { auditLog, ROLES, type Role } from "../db/schema/index.ts";

/** Who may call each of the accounts area's protected routes. */
const ROUTES: Array<{ method: string; url: (ids: Ids) => string; body?: unknown; roles: Role[] }> = [
  { method: "GET", url: () => "/api/workers/me/profile", roles: ["worker"] },
  {
    method: "PUT",
    url: () => "/api/workers/me/profile",
    body: { name: "甲", categoryCodes: [], districtCodes: [] },
    roles: ["worker"],
  },
  { method: "GET", url: () => "/api/employers/me", roles: ["employer"] },
  {
    method: "PUT",
    url: () => "/api/employers/me",
    body: { kind: "individual", name: "乙" },
    roles: ["employer"],
  },
  {
    method: "POST",
    url: (ids) => `/api/employers/${ids.employerId}/verification`,
    body: { decision: "rejected" },
    roles: ["station_staff", "district_admin", "city_admin"],
  },
  {
    method: "GET",
    url: (ids) => `/api/workers/${ids.workerId}/contact`,
    roles: ["station_staff", "district_admin", "city_admin"],
  },
  { method: "GET", url: () => "/api/audit", roles: ["district_admin", "city_admin"] },
];

interface Ids {
  workerId: string;
  employerId: string;
}

describe("who may call the accounts routes", () => {
  let t: TestApp;
  const ids: Ids = { workerId: "", employerId: "" };
  const tokens = new Map<Role, string>();

  before(async () => {
    t = await startTestApp();
    const worker = await t.tokenFor("worker");
    await t.request("PUT", "/api/workers/me/profile", {
      as: worker.token,
      body: { name: "孙桂兰", categoryCodes: ["cleaning"], districtCodes: ["321112"] },
    });
    ids.workerId = worker.userId;
    const employer = await t.tokenFor("employer");
    const saved = await t.request("PUT", "/api/employers/me", {
      as: employer.token,
      body: {
        kind: "enterprise",
        name: "丹徒某农场",
        creditCode: "91350100M000100Y43",
        districtCode: "321112",
      },
    });
    ids.employerId = saved.json().id;
    // Staff and the district admin are bound to 丹徒区, where the worker and employer are.
    for (const role of ROLES) tokens.set(role, (await t.tokenFor(role, { districtCode: "321112" })).token);
  });
  after(() => t.close());

  for (const route of ROUTES) {
    it(`${route.method} ${route.url({ workerId: ":id", employerId: ":id" })} refuses callers who are signed out`, async () => {
      const res = await t.request(route.method, route.url(ids), { body: route.body });
      assert.equal(res.statusCode, 401);
      assert.equal(res.json().error.code, "authentication_required");
    });

    for (const role of ROLES.filter((r) => !route.roles.includes(r))) {
      it(`${route.method} ${route.url({ workerId: ":id", employerId: ":id" })} refuses ${/^[aeiou]/.test(role) ? "an" : "a"} ${role}`, async () => {
        const res = await t.request(route.method, route.url(ids), { as: tokens.get(role), body: route.body });
        assert.equal(res.statusCode, 403);
        assert.equal(res.json().error.code, "forbidden");
      });
    }
  }

  it("a district admin cannot see the phone of a worker who looks for work only in another district", async () => {
    const other = await t.tokenFor("district_admin", { districtCode: "321181" });
    const res = await t.request("GET", `/api/workers/${ids.workerId}/contact`, {
      as: other.token,
      lang: "en",
    });
    assert.equal(res.statusCode, 403);
    assert.equal(res.json().error.code, "out_of_scope");
    assert.equal(res.json().error.message, "This is outside the area you administer");
  });

  it("station staff cannot verify an employer of another district", async () => {
    const other = await t.tokenFor("station_staff", { districtCode: "321183" });
    const res = await t.request("POST", `/api/employers/${ids.employerId}/verification`, {
      as: other.token,
      body: { decision: "verified" },
    });
    assert.equal(res.json().error.code, "out_of_scope");
  });

  it("the city admin may act in any district, and a rejection is audited with its note", async () => {
    const res = await t.request("POST", `/api/employers/${ids.employerId}/verification`, {
      as: tokens.get("city_admin"),
      body: { decision: "rejected", note: "营业执照与名称不符" },
    });
    assert.equal(res.statusCode, 200);
    assert.equal(res.json().verification, "rejected");
    const rows = await t.ctx.database.db.select().from(auditLog);
    const row = rows.find((r) => r.action === "employer.rejected" && r.subjectId === ids.employerId);
    assert.ok(row);
    assert.deepEqual(row.detail, { note: "营业执照与名称不符", previous: "pending" });
    assert.equal(row.personalData, false);
  });

  it("an unknown worker or employer is not found, in the caller's language", async () => {
    const missing = "00000000-0000-4000-8000-000000000000";
    const contact = await t.request("GET", `/api/workers/${missing}/contact`, {
      as: tokens.get("city_admin"),
    });
    assert.equal(contact.statusCode, 404);
    assert.equal(contact.json().error.message, "找不到该零工");
    const verify = await t.request("POST", `/api/employers/${missing}/verification`, {
      as: tokens.get("city_admin"),
      body: { decision: "verified" },
      lang: "en",
    });
    assert.equal(verify.json().error.code, "employer_not_found");
    assert.equal(verify.json().error.message, "No such employer");
  });
});
