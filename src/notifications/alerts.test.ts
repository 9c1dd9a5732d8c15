import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { and, eq } from "drizzle-orm";
import { startTestApp, type TestApp } from "../../test/support/app.ts";
import {
  type Actor,
  type EmployerActor,
  employer,
  JINGKOU,
  postedGig,
  RUNZHOU,
  stationStaff,
  worker,
} from "../../test/support/market-fixtures.ts";
import { auditLog, notifications, workerProfiles } from "../db/schema/index.ts";
import { ManualClock } from "../platform/clock.ts";
import { ALERTS_PER_DAY } from "./alerts.service.ts";

describe("job alerts (订阅)", () => {
  let t: TestApp;
  let boss: EmployerActor;
  before(async () => {
    t = await startTestApp({ clock: new ManualClock(new Date("2030-03-05T02:00:00Z")) });
    boss = await employer(t);
  });
  after(() => t.close());

  const subscribe = (who: Actor, body: Record<string, unknown>) =>
    t.request("POST", "/api/job-alerts", { as: who.token, body });
  const alertsOf = async (who: Actor) =>
    t.ctx.database.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, who.userId), eq(notifications.kind, "job_alert")));
  /** Alerts are sent when the instance hears the gig posted; wait until `who` has `count`. */
  const until = async (who: Actor, count: number) => {
    for (let i = 0; i < 100 && (await alertsOf(who)).length < count; i++)
      await new Promise((r) => setTimeout(r, 50));
    return alertsOf(who);
  };

  it("a new gig that fits reaches the subscribers it fits, and only them", async () => {
    const near = await worker(t, { name: "近的" });
    const district = await worker(t, { name: "本区的" });
    const otherDistrict = await worker(t, { name: "别区的" });
    const otherWork = await worker(t, { name: "别的活" });
    const tooCheap = await worker(t, { name: "嫌少的" });
    for (const [who, body] of [
      [near, { lat: RUNZHOU.lat + 0.01, lng: RUNZHOU.lng, radiusKm: 3 }],
      [district, { categoryCode: "cleaning", districtCode: RUNZHOU.districtCode, minDailyPayFen: 150_00 }],
      [otherDistrict, { categoryCode: "cleaning", districtCode: JINGKOU.districtCode }],
      [otherWork, { categoryCode: "moving", districtCode: RUNZHOU.districtCode }],
      [tooCheap, { districtCode: RUNZHOU.districtCode, minDailyPayFen: 300_00 }],
    ] as const) {
      const saved = await subscribe(who, body);
      assert.equal(saved.statusCode, 201, saved.body);
    }
    const gigId = await postedGig(t, boss, { payFen: 200_00 });
    assert.equal((await until(near, 1)).length, 1);
    const [alert] = await until(district, 1);
    assert.equal(alert.link, `/worker/gigs/${gigId}`);
    await new Promise((r) => setTimeout(r, 300));
    for (const who of [otherDistrict, otherWork, tooCheap]) assert.equal((await alertsOf(who)).length, 0);
    const list = await t.request("GET", "/api/notifications?limit=1", { as: district.token });
    assert.match(list.json().items[0].body, /商场开荒保洁.*每天200元/);
  });

  it("at most a few a day reach one worker", async () => {
    const keen = await worker(t, { name: "天天看的" });
    await subscribe(keen, { districtCode: RUNZHOU.districtCode });
    for (let i = 0; i < ALERTS_PER_DAY + 2; i++) await postedGig(t, boss);
    await until(keen, ALERTS_PER_DAY);
    await new Promise((r) => setTimeout(r, 500));
    assert.equal((await alertsOf(keen)).length, ALERTS_PER_DAY);
  });

  it("a search needs a place; a stopped alert sends nothing more", async () => {
    const who = await worker(t, { name: "试试的" });
    const bad = await subscribe(who, { categoryCode: "cleaning" });
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json().error.code, "job_alert_needs_place");
    const saved = (await subscribe(who, { districtCode: RUNZHOU.districtCode })).json();
    const stopped = await t.request("DELETE", `/api/job-alerts/${saved.id}`, { as: who.token });
    assert.equal(stopped.statusCode, 204);
    assert.deepEqual((await t.request("GET", "/api/job-alerts", { as: who.token })).json(), []);
    await postedGig(t, boss);
    await new Promise((r) => setTimeout(r, 500));
    assert.equal((await alertsOf(who)).length, 0);
  });

  it("station staff set one up for a walk-in they registered, not for someone else's", async () => {
    const staff = await stationStaff(t);
    const walkIn = await worker(t, { name: "来驿站的" });
    const stranger = await worker(t, { name: "别处的" });
    const staffUser = await t.request("GET", "/api/me", { as: staff.token });
    await t.ctx.database.db
      .update(workerProfiles)
      .set({ registeredByStationId: staffUser.json().stationId })
      .where(eq(workerProfiles.userId, walkIn.userId));
    const body = { categoryCode: "cleaning", districtCode: RUNZHOU.districtCode };
    const ok = await t.request("POST", `/api/workers/${walkIn.userId}/job-alerts`, { as: staff.token, body });
    assert.equal(ok.statusCode, 201, ok.body);
    const refused = await t.request("POST", `/api/workers/${stranger.userId}/job-alerts`, {
      as: staff.token,
      body,
    });
    assert.equal(refused.statusCode, 404);
    assert.equal(refused.json().error.code, "worker_not_found_for_alert");

    const nearHome = await subscribe(walkIn, { lat: RUNZHOU.lat, lng: RUNZHOU.lng, radiusKm: 3 });
    const listed = await t.request("GET", `/api/workers/${walkIn.userId}/job-alerts`, { as: staff.token });
    const seen = listed.json() as Array<{
      id: string;
      lat: number | null;
      lng: number | null;
      radiusKm: number | null;
    }>;
    assert.deepEqual(seen.map((a) => a.id).sort(), [ok.json().id, nearHome.json().id].sort());
    const near = seen.find((a) => a.id === nearHome.json().id);
    assert.deepEqual(
      [near?.lat, near?.lng, near?.radiusKm],
      [null, null, 3],
      "staff see the distance, not where she stood",
    );
    await t.request("DELETE", `/api/job-alerts/${nearHome.json().id}`, { as: walkIn.token });
    const mine = await t.request("GET", "/api/job-alerts", { as: walkIn.token });
    assert.equal(mine.json()[0].id, ok.json().id, "she sees it in her app too");
    const stopped = await t.request("DELETE", `/api/workers/${walkIn.userId}/job-alerts/${ok.json().id}`, {
      as: staff.token,
    });
    assert.equal(stopped.statusCode, 204);
    const audit = await t.ctx.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.subjectId, walkIn.userId));
    assert.deepEqual(audit.map((a) => a.action).sort(), [
      "job_alert.created_for_worker",
      "job_alert.stopped_for_worker",
    ]);
    const notHers = await t.request("GET", `/api/workers/${stranger.userId}/job-alerts`, { as: staff.token });
    assert.equal(notHers.statusCode, 404);
  });
});
