import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { startTestApp, type TestApp } from "../../test/support/app.ts";
import { stations } from "../db/schema/index.ts";

const JINGKOU = "321102";
const RUNZHOU = "321111";
const PASSWORD = "correct-horse-9";

describe("staff accounts (工作人员)", () => {
  let t: TestApp;
  let cityAdmin: string;
  let jingkouAdmin: string;
  let jingkouStation: string;
  let runzhouStation: string;
  let closedStation: string;

  async function addStation(districtCode: string, name: string, active = 1): Promise<string> {
    const [row] = await t.ctx.database.db
      .insert(stations)
      .values({
        cityCode: "321100",
        districtCode,
        kind: "station",
        name,
        address: "-",
        lat: 32.2,
        lng: 119.4,
        active,
      })
      .returning({ id: stations.id });
    return row.id;
  }

  async function create(as: string, body: Record<string, unknown>) {
    return t.request("POST", "/api/admin/staff", {
      as,
      body: { displayName: "王丽", password: PASSWORD, role: "station_staff", ...body },
    });
  }

  async function signIn(username: string, password = PASSWORD) {
    return t.request("POST", "/api/auth/sign-in/password", { body: { username, password } });
  }

  before(async () => {
    t = await startTestApp();
    cityAdmin = (await t.tokenFor("city_admin")).token;
    jingkouAdmin = (await t.tokenFor("district_admin", { districtCode: JINGKOU })).token;
    jingkouStation = await addStation(JINGKOU, "京口驿站");
    runzhouStation = await addStation(RUNZHOU, "润州驿站");
    closedStation = await addStation(JINGKOU, "已停用驿站", 0);
  });
  after(() => t.close());

  it("a district admin creates station staff at her station, who can then sign in", async () => {
    const res = await create(jingkouAdmin, { username: "wang.li", stationId: jingkouStation });
    assert.equal(res.statusCode, 201, res.body);
    const staff = res.json();
    assert.equal(staff.role, "station_staff");
    assert.equal(staff.districtCode, JINGKOU, "the district is the station's");
    assert.equal(staff.stationName, "京口驿站");
    assert.equal(staff.status, "active");
    assert.equal("passwordHash" in staff, false);
    const signedIn = await signIn("wang.li");
    assert.equal(signedIn.statusCode, 200, signedIn.body);
    assert.equal(signedIn.json().user.stationId, jingkouStation);
  });

  it("a username is taken only once", async () => {
    const res = await create(cityAdmin, { username: "wang.li", stationId: runzhouStation });
    assert.equal(res.statusCode, 409);
    assert.equal(res.json().error.code, "username_taken");
  });

  it("a password shorter than 10 characters is refused, in the caller's language", async () => {
    const res = await t.request("POST", "/api/admin/staff", {
      as: cityAdmin,
      lang: "en",
      body: {
        username: "short.pw",
        displayName: "x",
        role: "station_staff",
        stationId: jingkouStation,
        password: "123456789",
      },
    });
    assert.equal(res.json().error.code, "password_too_short");
    assert.equal(res.json().error.message, "The password must have at least 10 characters");
  });

  it("station staff need an active station", async () => {
    assert.equal(
      (await create(cityAdmin, { username: "no.station" })).json().error.code,
      "staff_station_required",
    );
    const closed = await create(cityAdmin, { username: "closed.station", stationId: closedStation });
    assert.equal(closed.json().error.code, "station_inactive");
  });

  it("a district admin may not create staff at another district's station, nor a district admin", async () => {
    const other = await create(jingkouAdmin, { username: "runzhou.staff", stationId: runzhouStation });
    assert.equal(other.statusCode, 403);
    assert.equal(other.json().error.code, "out_of_scope");
    const admin = await create(jingkouAdmin, {
      username: "new.admin",
      role: "district_admin",
      districtCode: JINGKOU,
    });
    assert.equal(admin.statusCode, 403);
    assert.equal(admin.json().error.code, "forbidden");
  });

  it("the city admin creates a district admin, who needs a district", async () => {
    const missing = await create(cityAdmin, { username: "dantu.admin", role: "district_admin" });
    assert.equal(missing.json().error.code, "staff_district_required");
    const res = await create(cityAdmin, {
      username: "dantu.admin",
      role: "district_admin",
      districtCode: "321112",
    });
    assert.equal(res.statusCode, 201, res.body);
    assert.equal(res.json().stationId, null);
    assert.equal(res.json().districtCode, "321112");
  });

  it("the city admin sees every staff account; a district admin her district's station staff only", async () => {
    await create(cityAdmin, { username: "runzhou.one", stationId: runzhouStation });
    const all = (await t.request("GET", "/api/admin/staff", { as: cityAdmin })).json().items;
    const names = all.map((s: { username: string }) => s.username);
    assert.ok(names.includes("wang.li") && names.includes("runzhou.one") && names.includes("dantu.admin"));
    const mine = (await t.request("GET", "/api/admin/staff", { as: jingkouAdmin })).json().items;
    assert.deepEqual(
      mine.map((s: { username: string }) => s.username),
      ["wang.li"],
    );
  });

  it("a district admin may not touch another district's staff", async () => {
    const runzhouStaff = (
      await create(cityAdmin, { username: "runzhou.two", stationId: runzhouStation })
    ).json();
    const rename = await t.request("PATCH", `/api/admin/staff/${runzhouStaff.id}`, {
      as: jingkouAdmin,
      body: { displayName: "改名" },
    });
    assert.equal(rename.json().error.code, "out_of_scope");
    const reset = await t.request("POST", `/api/admin/staff/${runzhouStaff.id}/password`, {
      as: jingkouAdmin,
      body: { password: "another-password" },
    });
    assert.equal(reset.json().error.code, "out_of_scope");
    const move = await t.request("PATCH", `/api/admin/staff/${(await staffNamed("wang.li")).id}`, {
      as: jingkouAdmin,
      body: { stationId: runzhouStation },
    });
    assert.equal(move.json().error.code, "out_of_scope", "nor move her own staff out of the district");
  });

  it("disabling an account stops its sessions at once, and it cannot sign in; enabling lets it sign in again", async () => {
    await create(jingkouAdmin, { username: "li.qiang", stationId: jingkouStation });
    const session = (await signIn("li.qiang")).json().token as string;
    assert.equal((await t.request("GET", "/api/me", { as: session })).statusCode, 200);
    const staff = await staffNamed("li.qiang");
    const off = await t.request("PATCH", `/api/admin/staff/${staff.id}`, {
      as: jingkouAdmin,
      body: { status: "disabled" },
    });
    assert.equal(off.statusCode, 200, off.body);
    assert.equal(off.json().status, "disabled");
    assert.equal((await t.request("GET", "/api/me", { as: session })).statusCode, 401);
    assert.equal((await signIn("li.qiang")).statusCode, 403);
    await t.request("PATCH", `/api/admin/staff/${staff.id}`, {
      as: jingkouAdmin,
      body: { status: "active" },
    });
    assert.equal((await signIn("li.qiang")).statusCode, 200);
    assert.equal(
      (await t.request("GET", "/api/me", { as: session })).statusCode,
      401,
      "the old session stays ended",
    );
  });

  it("a password reset replaces the password and ends open sessions", async () => {
    const staff = await staffNamed("wang.li");
    const session = (await signIn("wang.li")).json().token as string;
    const res = await t.request("POST", `/api/admin/staff/${staff.id}/password`, {
      as: jingkouAdmin,
      body: { password: "a-new-password-1" },
    });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal((await t.request("GET", "/api/me", { as: session })).statusCode, 401);
    assert.equal((await signIn("wang.li")).statusCode, 401);
    assert.equal((await signIn("wang.li", "a-new-password-1")).statusCode, 200);
  });

  it("renames and moves staff within the district", async () => {
    const other = await addStation(JINGKOU, "京口二号驿站");
    const staff = await staffNamed("wang.li");
    const res = await t.request("PATCH", `/api/admin/staff/${staff.id}`, {
      as: jingkouAdmin,
      body: { displayName: "王丽华", stationId: other },
    });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().displayName, "王丽华");
    assert.equal(res.json().stationName, "京口二号驿站");
  });

  it("every change is in the audit log, without the password", async () => {
    const page = (await t.request("GET", "/api/audit?limit=200", { as: cityAdmin })).json();
    const actions = new Set(page.items.map((r: { action: string }) => r.action));
    for (const action of [
      "staff.created",
      "staff.updated",
      "staff.disabled",
      "staff.enabled",
      "staff.password_reset",
    ]) {
      assert.ok(actions.has(action), action);
    }
    assert.ok(!JSON.stringify(page).includes(PASSWORD));
    assert.ok(!JSON.stringify(page).includes("a-new-password-1"));
  });

  it("workers, employers and station staff may not manage staff", async () => {
    for (const role of ["worker", "employer", "station_staff"] as const) {
      const { token } = await t.tokenFor(role, role === "station_staff" ? { districtCode: JINGKOU } : {});
      assert.equal((await t.request("GET", "/api/admin/staff", { as: token })).statusCode, 403, role);
      const made = await create(token, { username: `by.${role}`, stationId: jingkouStation });
      assert.equal(made.statusCode, 403, role);
    }
  });

  async function staffNamed(username: string): Promise<{ id: string }> {
    const all = (await t.request("GET", "/api/admin/staff", { as: cityAdmin })).json().items;
    return all.find((s: { username: string }) => s.username === username);
  }
});
