/**
 * Two cities in one deployment (issue 18): Nanjing added beside Zhenjiang by `city:add`, each with
 * a market of its own — an employer, a worker, a gig, an application, a complaint. Nothing of one
 * city reaches the other's people, staff or admins, by list or by id.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { employers, workerProfiles } from "../src/db/schema/index.ts";
import { addCity } from "../src/reference/city-add.ts";
import { startTestApp, type TestApp } from "./support/app.ts";
import { employer, gigBody, postedGig, stationStaff, worker } from "./support/market-fixtures.ts";

const NANJING = "320100";
/** A point in 玄武区 (320102), Nanjing. */
const XUANWU = { districtCode: "320102", lat: 32.048, lng: 118.797 };

interface Listed {
  id: string;
}

describe("two cities in one deployment keep to themselves", () => {
  let t: TestApp;
  const zj = {} as {
    boss: { token: string; userId: string; employerId: string };
    who: { token: string };
    gigId: string;
  };
  const nj = {} as {
    boss: { token: string; employerId: string };
    who: { token: string; userId: string };
    gigId: string;
    admin: string;
  };
  let zhenjiangAdmin: string;

  before(async () => {
    t = await startTestApp();
    const db = t.ctx.database.db;
    await db.transaction((tx) => addCity(tx, { code: NANJING }));
    zhenjiangAdmin = (await t.tokenFor("city_admin")).token;
    nj.admin = (await t.tokenFor("city_admin", { cityCode: NANJING })).token;

    zj.boss = await employer(t);
    zj.who = await worker(t);
    zj.gigId = await postedGig(t, zj.boss);

    const njBoss = await t.tokenFor("employer", { cityCode: NANJING });
    const [row] = await db
      .insert(employers)
      .values({
        cityCode: NANJING,
        ownerUserId: njBoss.userId,
        kind: "enterprise",
        name: "南京玄武家政服务有限公司",
        verification: "unverified",
        districtCode: XUANWU.districtCode,
      })
      .returning({ id: employers.id });
    nj.boss = { ...njBoss, employerId: row.id };
    nj.who = await t.tokenFor("worker", { cityCode: NANJING });
    await db.insert(workerProfiles).values({
      userId: nj.who.userId,
      cityCode: NANJING,
      name: "南京的陈阿姨",
      birthYear: 1972,
      categoryCodes: ["cleaning"],
      districtCodes: [XUANWU.districtCode],
      homeLat: XUANWU.lat,
      homeLng: XUANWU.lng,
    });
    const posted = await t.request("POST", "/api/gigs", {
      as: nj.boss.token,
      body: gigBody(t, { ...XUANWU, title: "玄武区写字楼保洁", address: "南京市玄武区中山路1号" }),
    });
    assert.equal(posted.statusCode, 201, posted.body);
    nj.gigId = posted.json().id;
    const applied = await t.request("POST", `/api/gigs/${nj.gigId}/applications`, {
      as: nj.who.token,
      body: {},
    });
    assert.equal(applied.statusCode, 201, applied.body);
  });
  after(() => t.close());

  it("each city's people browse their own city's gigs only", async () => {
    const ids = async (token: string) =>
      ((await t.request("GET", "/api/gigs", { as: token })).json().items as Listed[]).map((g) => g.id);
    const zhenjiang = await ids(zj.who.token);
    assert.ok(zhenjiang.includes(zj.gigId));
    assert.ok(!zhenjiang.includes(nj.gigId));
    const nanjing = await ids(nj.who.token);
    assert.deepEqual(nanjing, [nj.gigId]);
  });

  it("another city's gig is not found by its id, and cannot be applied for", async () => {
    const detail = await t.request("GET", `/api/gigs/${nj.gigId}`, { as: zj.who.token });
    assert.equal(detail.statusCode, 404);
    assert.equal(detail.json().error.code, "gig_not_found");
    const apply = await t.request("POST", `/api/gigs/${nj.gigId}/applications`, {
      as: zj.who.token,
      body: {},
    });
    assert.equal(apply.statusCode, 404);
    assert.equal(apply.json().error.code, "gig_not_found");
    const own = await t.request("GET", `/api/gigs/${nj.gigId}`, { as: nj.who.token });
    assert.equal(own.statusCode, 200);
  });

  it("staff find and decide only their own city's employers", async () => {
    const staff = await stationStaff(t);
    const found = await t.request("GET", `/api/stations/employers?q=${encodeURIComponent("南京玄武")}`, {
      as: staff.token,
    });
    assert.equal(found.statusCode, 200, found.body);
    assert.deepEqual(found.json(), []);
    const verify = await t.request("POST", `/api/employers/${nj.boss.employerId}/verification`, {
      as: zhenjiangAdmin,
      body: { decision: "verified" },
    });
    assert.ok([403, 404].includes(verify.statusCode), verify.body);
    const own = await t.request("POST", `/api/employers/${nj.boss.employerId}/verification`, {
      as: nj.admin,
      body: { decision: "verified" },
    });
    assert.equal(own.statusCode, 200, own.body);
  });

  it("a gig's applicants are read only by its own city's employer", async () => {
    const foreign = await t.request("GET", `/api/gigs/${nj.gigId}/applications`, { as: zj.boss.token });
    assert.ok([403, 404].includes(foreign.statusCode), foreign.body);
    const own = await t.request("GET", `/api/gigs/${nj.gigId}/applications`, { as: nj.boss.token });
    assert.equal(own.statusCode, 200, own.body);
    assert.equal(own.json().length, 1);
  });

  it("the audit log of one city's admin holds nothing done in the other", async () => {
    const actions = async (token: string) =>
      (
        (await t.request("GET", "/api/audit?limit=200", { as: token })).json().items as Array<{
          subjectId: string | null;
        }>
      ).map((r) => r.subjectId);
    const zhenjiang = await actions(zhenjiangAdmin);
    assert.ok(!zhenjiang.includes(nj.boss.employerId));
    assert.ok((await actions(nj.admin)).includes(nj.boss.employerId));
  });

  it("each city admin's monitoring counts its own city's gigs", async () => {
    const posted = async (token: string) => {
      const res = await t.request("GET", "/api/monitoring/drill/vacancies", { as: token });
      assert.equal(res.statusCode, 200, res.body);
      return (res.json().items as Array<{ gigId: string }>).map((g) => g.gigId);
    };
    const until = async (token: string, id: string) => {
      for (let i = 0; i < 100; i++) {
        const ids = await posted(token);
        if (ids.includes(id)) return ids;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      return posted(token);
    };
    const nanjing = await until(nj.admin, nj.gigId);
    assert.deepEqual(nanjing, [nj.gigId]);
    const zhenjiang = await until(zhenjiangAdmin, zj.gigId);
    assert.ok(!zhenjiang.includes(nj.gigId));
  });
});
