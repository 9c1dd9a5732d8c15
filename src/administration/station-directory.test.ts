import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { startTestApp, type TestApp } from "../../test/support/app.ts";

interface Division {
  code: string;
  centerLat: number;
  centerLng: number;
}

const JINGKOU = "321102";
const RUNZHOU = "321111";

describe("the stations directory (驿站管理)", () => {
  let t: TestApp;
  let cityAdmin: string;
  let jingkouAdmin: string;
  let centres: Map<string, Division>;

  function stationIn(districtCode: string, name: string) {
    const centre = centres.get(districtCode) as Division;
    return {
      name,
      kind: "station",
      districtCode,
      address: "学府路88号",
      lat: centre.centerLat,
      lng: centre.centerLng,
      phone: "0511-85012345",
      openingHours: "周一至周五 8:30–17:00",
    };
  }

  function pointOf(districtCode: string) {
    const centre = centres.get(districtCode) as Division;
    return { lat: centre.centerLat, lng: centre.centerLng };
  }

  async function auditActions(): Promise<string[]> {
    const res = await t.request("GET", "/api/audit?limit=200", { as: cityAdmin });
    return res.json().items.map((r: { action: string }) => r.action);
  }

  before(async () => {
    t = await startTestApp();
    cityAdmin = (await t.tokenFor("city_admin")).token;
    jingkouAdmin = (await t.tokenFor("district_admin", { districtCode: JINGKOU })).token;
    const reference = (await t.request("GET", "/api/reference")).json();
    centres = new Map(reference.divisions.map((d: Division) => [d.code, d]));
  });
  after(() => t.close());

  it("a district admin opens a station in her district, and it is audited", async () => {
    const res = await t.request("POST", "/api/admin/stations", {
      as: jingkouAdmin,
      body: stationIn(JINGKOU, "大市口驿站"),
    });
    assert.equal(res.statusCode, 201, res.body);
    const station = res.json();
    assert.equal(station.districtCode, JINGKOU);
    assert.equal(station.active, true);
    assert.equal(station.staffCount, 0);
    assert.ok(station.districtName.length > 0);
    assert.ok((await auditActions()).includes("station.created"));
  });

  it("refuses a point outside the chosen district", async () => {
    const outside = { ...stationIn(JINGKOU, "错位驿站"), ...pointOf(RUNZHOU) };
    const res = await t.request("POST", "/api/admin/stations", { as: jingkouAdmin, body: outside });
    assert.equal(res.statusCode, 400);
    assert.equal(res.json().error.code, "station_outside_district");
  });

  it("refuses a district of another city", async () => {
    const res = await t.request("POST", "/api/admin/stations", {
      as: cityAdmin,
      body: { ...stationIn(JINGKOU, "外市驿站"), districtCode: "320102" },
    });
    assert.equal(res.json().error.code, "district_unknown");
  });

  it("a district admin may not open a station in another district", async () => {
    const res = await t.request("POST", "/api/admin/stations", {
      as: jingkouAdmin,
      body: stationIn(RUNZHOU, "润州驿站"),
    });
    assert.equal(res.statusCode, 403);
    assert.equal(res.json().error.code, "out_of_scope");
  });

  it("a district admin sees and edits only her district's stations", async () => {
    const runzhou = await t.request("POST", "/api/admin/stations", {
      as: cityAdmin,
      body: stationIn(RUNZHOU, "金山驿站"),
    });
    assert.equal(runzhou.statusCode, 201, runzhou.body);
    const mine = (await t.request("GET", "/api/admin/stations", { as: jingkouAdmin })).json();
    assert.ok(mine.items.length > 0);
    assert.ok(mine.items.every((s: { districtCode: string }) => s.districtCode === JINGKOU));
    const all = (await t.request("GET", "/api/admin/stations", { as: cityAdmin })).json();
    assert.ok(all.items.some((s: { districtCode: string }) => s.districtCode === RUNZHOU));

    const edit = await t.request("PATCH", `/api/admin/stations/${runzhou.json().id}`, {
      as: jingkouAdmin,
      body: { name: "改名" },
    });
    assert.equal(edit.statusCode, 403);
    assert.equal(edit.json().error.code, "out_of_scope");
  });

  it("edits and deactivates a station; the public list drops it, the admin list keeps it", async () => {
    const created = (
      await t.request("POST", "/api/admin/stations", { as: cityAdmin, body: stationIn(JINGKOU, "旧驿站") })
    ).json();
    const renamed = await t.request("PATCH", `/api/admin/stations/${created.id}`, {
      as: jingkouAdmin,
      body: { name: "  新驿站  ", openingHours: "每天 7:00–12:00" },
    });
    assert.equal(renamed.statusCode, 200, renamed.body);
    assert.equal(renamed.json().name, "新驿站");
    assert.equal(renamed.json().address, created.address, "untouched fields stay");

    const off = await t.request("PATCH", `/api/admin/stations/${created.id}`, {
      as: jingkouAdmin,
      body: { active: false },
    });
    assert.equal(off.json().active, false);
    const publicList = (await t.request("GET", "/api/stations")).json();
    const publicItems: Array<{ id: string }> = publicList.items ?? publicList;
    assert.ok(!publicItems.some((s) => s.id === created.id));
    const adminList = (await t.request("GET", "/api/admin/stations", { as: jingkouAdmin })).json();
    assert.ok(adminList.items.some((s: { id: string; active: boolean }) => s.id === created.id && !s.active));
    assert.ok((await auditActions()).includes("station.deactivated"));
  });

  it("moving a station re-checks its point against its district", async () => {
    const created = (
      await t.request("POST", "/api/admin/stations", { as: cityAdmin, body: stationIn(JINGKOU, "搬家驿站") })
    ).json();
    const res = await t.request("PATCH", `/api/admin/stations/${created.id}`, {
      as: cityAdmin,
      body: pointOf(RUNZHOU),
    });
    assert.equal(res.json().error.code, "station_outside_district");
    const moved = await t.request("PATCH", `/api/admin/stations/${created.id}`, {
      as: cityAdmin,
      body: { districtCode: RUNZHOU, ...pointOf(RUNZHOU) },
    });
    assert.equal(moved.statusCode, 200, moved.body);
    assert.equal(moved.json().districtCode, RUNZHOU);
  });

  it("an unknown station is not found", async () => {
    const res = await t.request("PATCH", "/api/admin/stations/00000000-0000-4000-8000-000000000000", {
      as: cityAdmin,
      body: { name: "x" },
    });
    assert.equal(res.statusCode, 404);
    assert.equal(res.json().error.code, "station_not_found");
  });

  it("workers, employers and station staff may not manage stations", async () => {
    for (const role of ["worker", "employer", "station_staff"] as const) {
      const { token } = await t.tokenFor(role, role === "station_staff" ? { districtCode: JINGKOU } : {});
      const list = await t.request("GET", "/api/admin/stations", { as: token });
      assert.equal(list.statusCode, 403, role);
      assert.equal(list.json().error.code, "forbidden");
      const create = await t.request("POST", "/api/admin/stations", {
        as: token,
        body: stationIn(JINGKOU, "越权驿站"),
      });
      assert.equal(create.statusCode, 403, role);
    }
  });
});
