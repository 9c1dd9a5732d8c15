import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { startTestApp, type TestApp } from "../../test/support/app.ts";
import { addCity, CityAddError } from "./city-add.ts";
import { addProvinceAdmin } from "./province-admin.ts";

describe("admin:province", () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
    await t.ctx.database.db.transaction((tx) => addCity(tx, { code: "320100" }));
  });
  after(() => t.close());

  it("makes 江苏's province admin once, with a password shown once, who signs in and reads both cities", async () => {
    const db = t.ctx.database.db;
    const first = await db.transaction((tx) => addProvinceAdmin(tx, { city: "321100" }));
    assert.deepEqual(first.province, { code: "320000", name: "江苏省" });
    assert.deepEqual(
      first.cities.map((c) => c.name),
      ["南京市", "镇江市"],
    );
    assert.equal(first.username, "province.320000");
    assert.ok(first.created && first.password && first.password.length >= 10);

    const again = await db.transaction((tx) => addProvinceAdmin(tx, { city: "320100" }));
    assert.equal(again.created, false);
    assert.equal(again.password, null);

    const signIn = await t.request("POST", "/api/auth/sign-in/password", {
      body: { username: first.username, password: first.password },
    });
    assert.equal(signIn.statusCode, 200, signIn.body);
    const token = signIn.json().token as string;
    const me = (await t.request("GET", "/api/me", { as: token })).json();
    assert.equal(me.role, "province_admin");
    const page = await t.request("GET", "/api/monitoring/overview", { as: token });
    assert.deepEqual(page.json().scope, { cityCodes: ["320100", "321100"], district: null });
  });

  it("needs a city of the deployment, and a name no other account has", async () => {
    const db = t.ctx.database.db;
    await assert.rejects(() => addProvinceAdmin(db, { city: "330100" }), CityAddError);
    await assert.rejects(
      () => addProvinceAdmin(db, { city: "321100", username: "admin.320100" }),
      /already the name of another account/,
    );
  });
});
