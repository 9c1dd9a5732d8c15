import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { startTestApp, type TestApp } from "../../test/support/app.ts";
import { employer, gigBody } from "../../test/support/market-fixtures.ts";
import { addCity } from "../reference/city-add.ts";

const NANJING = "320100";

/** A category only Nanjing has. */
const saltedDuck = {
  code: "salted_duck_processing",
  nameZh: "盐水鸭加工",
  nameEn: "Salted-duck processing",
  occupationCode: "6-02-04-01",
  occupationGroup: 6,
  defaultPayUnit: "day",
  referenceDailyPayFen: 21000,
};

interface ReferenceCategory {
  code: string;
  referenceDailyPayFen: number;
}
interface AdminCategory extends ReferenceCategory {
  origin: "national" | "city";
  active: boolean;
  nameZh: string;
}

describe("categories per city: the national base, each city's settings and its own additions", () => {
  let t: TestApp;
  let zhenjiangAdmin: string;
  let nanjingAdmin: string;
  let zhenjiangWorker: string;
  let nanjingWorker: string;

  const referenceOf = async (token: string) =>
    (await t.request("GET", "/api/reference", { as: token })).json().categories as ReferenceCategory[];
  const catalogueOf = async (token: string) =>
    (await t.request("GET", "/api/admin/categories", { as: token })).json().items as AdminCategory[];

  before(async () => {
    t = await startTestApp();
    await t.ctx.database.db.transaction((tx) => addCity(tx, { code: NANJING }));
    zhenjiangAdmin = (await t.tokenFor("city_admin")).token;
    nanjingAdmin = (await t.tokenFor("city_admin", { cityCode: NANJING })).token;
    zhenjiangWorker = (await t.tokenFor("worker")).token;
    nanjingWorker = (await t.tokenFor("worker", { cityCode: NANJING })).token;
  });
  after(() => t.close());

  it("both cities start from the same national base", async () => {
    const zhenjiang = await catalogueOf(zhenjiangAdmin);
    const nanjing = await catalogueOf(nanjingAdmin);
    assert.ok(zhenjiang.length > 20);
    assert.deepEqual(
      nanjing.map((c) => c.code),
      zhenjiang.map((c) => c.code),
    );
    assert.ok(nanjing.every((c) => c.origin === "national"));
  });

  it("a city's reference pay and its choice of what it offers stay its own", async () => {
    const before = (await referenceOf(zhenjiangWorker)).find((c) => c.code === "cleaning");
    const pay = await t.request("PATCH", "/api/admin/categories/cleaning", {
      as: nanjingAdmin,
      body: { referenceDailyPayFen: 20000 },
    });
    assert.equal(pay.statusCode, 200, pay.body);
    assert.equal(pay.json().referenceDailyPayFen, 20000);
    assert.equal(pay.json().origin, "national");
    const off = await t.request("PATCH", "/api/admin/categories/farm_picking", {
      as: nanjingAdmin,
      body: { active: false },
    });
    assert.equal(off.statusCode, 200, off.body);

    const nanjing = await referenceOf(nanjingWorker);
    assert.equal(nanjing.find((c) => c.code === "cleaning")?.referenceDailyPayFen, 20000);
    assert.ok(!nanjing.some((c) => c.code === "farm_picking"));
    const zhenjiang = await referenceOf(zhenjiangWorker);
    assert.deepEqual(
      zhenjiang.find((c) => c.code === "cleaning"),
      before,
    );
    assert.ok(zhenjiang.some((c) => c.code === "farm_picking"));
    // The admin's list still shows the deactivated one, as Nanjing set it.
    const listed = (await catalogueOf(nanjingAdmin)).find((c) => c.code === "farm_picking");
    assert.equal(listed?.active, false);
  });

  it("the national names and occupation codes are not a city's to change", async () => {
    for (const body of [{ nameZh: "保洁员" }, { occupationCode: "4-10-05-02" }, { defaultPayUnit: "hour" }]) {
      const res = await t.request("PATCH", "/api/admin/categories/cleaning", { as: nanjingAdmin, body });
      assert.equal(res.statusCode, 409, JSON.stringify(body));
      assert.equal(res.json().error.code, "category_national");
    }
    const cleaning = (await catalogueOf(zhenjiangAdmin)).find((c) => c.code === "cleaning");
    assert.equal(cleaning?.nameZh, "保洁");
  });

  it("a category a city adds is seen, used and edited by that city alone", async () => {
    const added = await t.request("POST", "/api/admin/categories", { as: nanjingAdmin, body: saltedDuck });
    assert.equal(added.statusCode, 201, added.body);
    assert.equal(added.json().origin, "city");
    assert.ok((await referenceOf(nanjingWorker)).some((c) => c.code === saltedDuck.code));
    assert.ok(!(await referenceOf(zhenjiangWorker)).some((c) => c.code === saltedDuck.code));
    assert.ok(!(await catalogueOf(zhenjiangAdmin)).some((c) => c.code === saltedDuck.code));

    const rename = await t.request("PATCH", `/api/admin/categories/${saltedDuck.code}`, {
      as: nanjingAdmin,
      body: { nameZh: "盐水鸭加工工" },
    });
    assert.equal(rename.statusCode, 200, rename.body);
    const foreign = await t.request("PATCH", `/api/admin/categories/${saltedDuck.code}`, {
      as: zhenjiangAdmin,
      body: { sortOrder: 1 },
    });
    assert.equal(foreign.statusCode, 404);
    assert.equal(foreign.json().error.code, "category_not_found");

    // A Zhenjiang employer cannot post it, nor a Zhenjiang worker choose it.
    const boss = await employer(t);
    const post = await t.request("POST", "/api/gigs", {
      as: boss.token,
      body: gigBody(t, { categoryCode: saltedDuck.code }),
    });
    assert.equal(post.statusCode, 400, post.body);
    assert.equal(post.json().error.code, "category_unknown");
    const profile = await t.request("PUT", "/api/workers/me/profile", {
      as: zhenjiangWorker,
      body: {
        name: "王秀英",
        birthYear: 1971,
        categoryCodes: [saltedDuck.code],
        districtCodes: ["321102"],
        homeLat: 32.2,
        homeLng: 119.45,
        rangeKm: 8,
      },
    });
    assert.equal(profile.statusCode, 400, profile.body);
    assert.equal(profile.json().error.code, "category_unknown");
  });

  it("codes are one namespace: another city cannot take a code already used", async () => {
    const res = await t.request("POST", "/api/admin/categories", { as: zhenjiangAdmin, body: saltedDuck });
    assert.equal(res.statusCode, 409);
    assert.equal(res.json().error.code, "category_code_taken");
  });
});
