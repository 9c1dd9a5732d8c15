import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { startTestApp, type TestApp } from "../../test/support/app.ts";

const newCategory = {
  code: "elder_care_helper",
  nameZh: "助老陪护",
  nameEn: "Elder-care helper",
  occupationCode: "4-10-01-05",
  occupationGroup: 4,
  defaultPayUnit: "day",
  referenceDailyPayFen: 22000,
};

const rules = {
  checkInRadiusM: 800,
  freeCancelHours: 24,
  noShowGraceMin: 45,
  autoCheckOutGraceMin: 90,
  disputeWindowHours: 48,
  complaintDueDays: 5,
};

describe("the category catalogue and city settings (city admin only)", () => {
  let t: TestApp;
  let cityAdmin: string;
  let jingkouAdmin: string;

  async function auditActions(): Promise<string[]> {
    const res = await t.request("GET", "/api/audit?limit=200", { as: cityAdmin });
    return res.json().items.map((r: { action: string }) => r.action);
  }

  before(async () => {
    t = await startTestApp();
    cityAdmin = (await t.tokenFor("city_admin")).token;
    jingkouAdmin = (await t.tokenFor("district_admin", { districtCode: "321102" })).token;
  });
  after(() => t.close());

  describe("categories (工种目录)", () => {
    it("the city admin adds a category, and posting forms see it", async () => {
      const res = await t.request("POST", "/api/admin/categories", { as: cityAdmin, body: newCategory });
      assert.equal(res.statusCode, 201, res.body);
      assert.equal(res.json().active, true);
      const reference = (await t.request("GET", "/api/reference")).json();
      assert.ok(reference.categories.some((c: { code: string }) => c.code === newCategory.code));
      assert.ok((await auditActions()).includes("category.created"));
    });

    it("a code is used once", async () => {
      const res = await t.request("POST", "/api/admin/categories", { as: cityAdmin, body: newCategory });
      assert.equal(res.statusCode, 409);
      assert.equal(res.json().error.code, "category_code_taken");
    });

    it("the occupation code must have the national format and match its major group", async () => {
      const badFormat = await t.request("POST", "/api/admin/categories", {
        as: cityAdmin,
        body: { ...newCategory, code: "bad_format", occupationCode: "4-1-01-05" },
      });
      assert.equal(badFormat.json().error.code, "invalid_request");
      const mismatch = await t.request("PATCH", `/api/admin/categories/${newCategory.code}`, {
        as: cityAdmin,
        body: { occupationGroup: 6 },
      });
      assert.equal(mismatch.json().error.code, "occupation_group_mismatch");
    });

    it("deactivating keeps it in the catalogue but out of the posting forms", async () => {
      const res = await t.request("PATCH", `/api/admin/categories/${newCategory.code}`, {
        as: cityAdmin,
        body: { active: false, referenceDailyPayFen: 24000, nameZh: " 助老陪护员 " },
      });
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.json().nameZh, "助老陪护员");
      assert.equal(res.json().referenceDailyPayFen, 24000);
      const catalogue = (await t.request("GET", "/api/admin/categories", { as: cityAdmin })).json();
      assert.ok(
        catalogue.items.some(
          (c: { code: string; active: boolean }) => c.code === newCategory.code && !c.active,
        ),
      );
      const reference = (await t.request("GET", "/api/reference")).json();
      assert.ok(!reference.categories.some((c: { code: string }) => c.code === newCategory.code));
      assert.ok((await auditActions()).includes("category.updated"));
    });

    it("an unknown category is not found", async () => {
      const res = await t.request("PATCH", "/api/admin/categories/no_such_thing", {
        as: cityAdmin,
        body: { sortOrder: 1 },
      });
      assert.equal(res.statusCode, 404);
      assert.equal(res.json().error.code, "category_not_found");
    });
  });

  describe("city settings (城市设置)", () => {
    it("the city admin reads and replaces the rules; check-in uses the new radius", async () => {
      const current = await t.request("GET", "/api/admin/settings", { as: cityAdmin });
      assert.equal(current.statusCode, 200, current.body);
      assert.equal(current.json().cityCode, "321100");
      const res = await t.request("PUT", "/api/admin/settings", { as: cityAdmin, body: rules });
      assert.equal(res.statusCode, 200, res.body);
      assert.deepEqual(res.json().settings, rules);
      const reference = (await t.request("GET", "/api/reference")).json();
      assert.equal(reference.city.checkInRadiusM, 800);
      assert.ok((await auditActions()).includes("city_settings.updated"));
    });

    it("keeps each rule within its bounds", async () => {
      for (const bad of [{ checkInRadiusM: 20 }, { checkInRadiusM: 9000 }, { complaintDueDays: 0 }]) {
        const res = await t.request("PUT", "/api/admin/settings", {
          as: cityAdmin,
          body: { ...rules, ...bad },
        });
        assert.equal(res.statusCode, 400, JSON.stringify(bad));
        assert.equal(res.json().error.code, "invalid_request");
      }
    });
  });

  it("a district admin may not change categories or city settings", async () => {
    const calls: Array<[string, string, unknown?]> = [
      ["GET", "/api/admin/categories"],
      ["POST", "/api/admin/categories", { ...newCategory, code: "district_try" }],
      ["PATCH", `/api/admin/categories/${newCategory.code}`, { sortOrder: 1 }],
      ["GET", "/api/admin/settings"],
      ["PUT", "/api/admin/settings", rules],
    ];
    for (const [method, url, body] of calls) {
      const res = await t.request(method, url, { as: jingkouAdmin, body });
      assert.equal(res.statusCode, 403, `${method} ${url}`);
      assert.equal(res.json().error.code, "forbidden");
    }
  });

  it("workers, employers and station staff may not either", async () => {
    for (const role of ["worker", "employer", "station_staff"] as const) {
      const { token } = await t.tokenFor(role);
      assert.equal((await t.request("GET", "/api/admin/categories", { as: token })).statusCode, 403);
      assert.equal((await t.request("GET", "/api/admin/settings", { as: token })).statusCode, 403);
    }
  });
});
