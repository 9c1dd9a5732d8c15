import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { eq } from "drizzle-orm";
import { startTestApp, type TestApp } from "../../test/support/app.ts";
import { stationStaff } from "../../test/support/market-fixtures.ts";
import { divisions, users } from "../db/schema/index.ts";
import { addCity, CityAddError } from "./city-add.ts";

const NANJING = "320100";

describe("city:add", () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
  });
  after(() => t.close());

  it("adds Nanjing's districts, townships and admin next to Zhenjiang, once", async () => {
    const db = t.ctx.database.db;
    const zhenjiangBefore = await db.select().from(divisions).where(eq(divisions.cityCode, "321100"));
    const first = await db.transaction((tx) => addCity(tx, { code: NANJING, adminPhone: "13900000001" }));
    assert.equal(first.name, "南京市");
    assert.equal(first.cityCreated, true);
    assert.deepEqual(
      first.districts.map((d) => d.name),
      [
        "玄武区",
        "秦淮区",
        "建邺区",
        "鼓楼区",
        "浦口区",
        "栖霞区",
        "雨花台区",
        "江宁区",
        "六合区",
        "溧水区",
        "高淳区",
      ],
    );
    assert.ok(first.townships > 50, `townships: ${first.townships}`);
    assert.equal(first.admin.created, true);
    assert.ok(first.admin.password && first.admin.password.length >= 10);
    assert.match(first.todo.join("\n"), /stations/);

    const again = await db.transaction((tx) => addCity(tx, { code: NANJING }));
    assert.equal(again.cityCreated, false);
    assert.equal(again.admin.created, false);
    assert.equal(again.admin.password, null);
    assert.equal(again.townships, first.townships);
    const admins = await db.select().from(users).where(eq(users.cityCode, NANJING));
    assert.equal(admins.length, 1);
    assert.equal(admins[0]?.role, "city_admin");
    // Zhenjiang's own district boundaries are untouched.
    const zhenjiangAfter = await db.select().from(divisions).where(eq(divisions.cityCode, "321100"));
    assert.deepEqual(zhenjiangAfter, zhenjiangBefore);
  });

  it("refuses codes that are not prefecture-level cities", async () => {
    const db = t.ctx.database.db;
    await assert.rejects(() => addCity(db, { code: "320000" }), CityAddError);
    await assert.rejects(() => addCity(db, { code: "329900" }), CityAddError);
  });

  it("keeps each city's administration to itself", async () => {
    const zhenjiangStaff = await stationStaff(t);
    const nanjingAdmin = await t.tokenFor("city_admin", { cityCode: NANJING });
    const zhenjiangAdmin = await t.tokenFor("city_admin");
    const staffOf = async (token: string) =>
      (
        (await t.request("GET", "/api/admin/staff", { as: token })).json() as { items: Array<{ id: string }> }
      ).items.map((s) => s.id);
    assert.ok((await staffOf(zhenjiangAdmin.token)).includes(zhenjiangStaff.userId));
    assert.ok(!(await staffOf(nanjingAdmin.token)).includes(zhenjiangStaff.userId));
    const stationsOf = async (token: string) =>
      (await t.request("GET", "/api/admin/stations", { as: token })).json() as { items: unknown[] };
    assert.equal((await stationsOf(nanjingAdmin.token)).items.length, 0);
    assert.ok((await stationsOf(zhenjiangAdmin.token)).items.length > 0);
    const geo = (await t.request("GET", "/api/monitoring/geo", { as: nanjingAdmin.token })).json() as {
      features: Array<{ properties: { code: string } }>;
    };
    assert.equal(geo.features.length, 11);
    assert.ok(geo.features.every((f) => f.properties.code.startsWith("3201")));
  });
});
