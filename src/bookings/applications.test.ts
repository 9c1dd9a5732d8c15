import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { eq } from "drizzle-orm";
import { startTestApp, type TestApp } from "../../test/support/app.ts";
import {
  type Actor,
  type EmployerActor,
  employer,
  postedGig,
  worker,
} from "../../test/support/market-fixtures.ts";
import { gigs, marketEvents } from "../db/schema/index.ts";
import { ManualClock } from "../platform/clock.ts";

describe("applications, invitations and accepting them", () => {
  let t: TestApp;
  let boss: EmployerActor;
  let rival: EmployerActor;
  before(async () => {
    t = await startTestApp({ clock: new ManualClock(new Date("2030-03-01T00:00:00Z")) });
    boss = await employer(t);
    rival = await employer(t, "别家物业");
  });
  after(() => t.close());

  const applyTo = (gigId: string, who: Actor) =>
    t.request("POST", `/api/gigs/${gigId}/applications`, { as: who.token, body: { message: "我有经验" } });
  const answer = (id: string, event: string, who: Actor) =>
    t.request("POST", `/api/applications/${id}/${event}`, { as: who.token });
  const code = (response: { json(): { error: { code: string } } }) => response.json().error.code;

  it("a worker applies and the employer accepts: a booking with the gig and both names", async () => {
    const gigId = await postedGig(t, boss);
    const li = await worker(t, { name: "李阿姨" });
    const applied = await applyTo(gigId, li);
    assert.equal(applied.statusCode, 201, applied.body);
    const accepted = await answer(applied.json().id, "accept", boss);
    assert.equal(accepted.statusCode, 200, accepted.body);
    const booking = accepted.json();
    assert.equal(booking.status, "booked");
    assert.equal(booking.workerName, "李阿姨");
    assert.equal(booking.employerName, "镇江好帮手保洁有限公司");
    assert.equal(booking.gig.id, gigId);
    assert.equal((await t.request("GET", `/api/gigs/${gigId}`)).json().openPlaces, 2);
    const events = await t.ctx.database.db
      .select()
      .from(marketEvents)
      .where(eq(marketEvents.subjectId, booking.id));
    assert.deepEqual(
      events.map((e) => e.kind),
      ["booking_made"],
    );
  });

  it("the employer sees applicants with masked phones until they book one, and distance from home", async () => {
    const gigId = await postedGig(t, boss);
    const wang = await worker(t, { name: "王师傅", birthYear: 1970 });
    const applied = (await applyTo(gigId, wang)).json();
    const list = await t.request("GET", `/api/gigs/${gigId}/applications`, { as: boss.token });
    assert.equal(list.statusCode, 200, list.body);
    const [applicant] = list.json();
    assert.equal(applicant.name, "王师傅");
    assert.equal(applicant.age, 60);
    assert.match(applicant.phone, /^1[0-9]{2}\*{4}[0-9]{4}$/);
    assert.ok(applicant.distanceM > 1000 && applicant.distanceM < 5000, String(applicant.distanceM));
    await answer(applied.id, "accept", boss);
    const after = await t.request("GET", `/api/gigs/${gigId}/applications`, { as: boss.token });
    assert.equal(after.json()[0].phone, wang.phone);
    const asRival = await t.request("GET", `/api/gigs/${gigId}/applications`, { as: rival.token });
    assert.equal(code(asRival), "not_gig_owner");
  });

  it("a worker cannot apply twice while the first application is pending", async () => {
    const gigId = await postedGig(t, boss);
    const zhao = await worker(t);
    assert.equal((await applyTo(gigId, zhao)).statusCode, 201);
    assert.equal(code(await applyTo(gigId, zhao)), "application_exists");
  });

  it("only workers with a profile apply; employers cannot", async () => {
    const gigId = await postedGig(t, boss);
    const bare = await t.tokenFor("worker");
    assert.equal(code(await applyTo(gigId, bare)), "worker_profile_required");
    assert.equal(code(await applyTo(gigId, boss)), "forbidden");
  });

  it("a worker already booked at that time is refused with a clash", async () => {
    const morning = await postedGig(t, boss, {}, 30, 8);
    const overlapping = await postedGig(t, rival, {}, 34, 8);
    const sun = await worker(t);
    const applied = (await applyTo(morning, sun)).json();
    assert.equal((await answer(applied.id, "accept", boss)).statusCode, 200);
    assert.equal(code(await applyTo(morning, sun)), "already_booked", "the same gig again: she holds it");
    assert.equal(code(await applyTo(overlapping, sun)), "worker_time_clash");
    assert.equal(code(await answer(applied.id, "accept", rival)), "application_action_not_allowed");
  });

  it("an invitation accepted by the worker who meanwhile got booked elsewhere at that time is a clash", async () => {
    const first = await postedGig(t, boss, {}, 60, 8);
    const second = await postedGig(t, rival, {}, 62, 8);
    const zhou = await worker(t);
    const invited = await t.request("POST", `/api/gigs/${second}/invitations`, {
      as: rival.token,
      body: { workerId: zhou.userId, message: "来吗" },
    });
    assert.equal(invited.statusCode, 201, invited.body);
    const applied = (await applyTo(first, zhou)).json();
    assert.equal((await answer(applied.id, "accept", boss)).statusCode, 200);
    assert.equal(code(await answer(invited.json().id, "accept", zhou)), "worker_time_clash");
  });

  it("who may answer follows the kind: the worker cannot accept their own application", async () => {
    const gigId = await postedGig(t, boss);
    const wu = await worker(t);
    const applied = (await applyTo(gigId, wu)).json();
    assert.equal(code(await answer(applied.id, "accept", wu)), "application_action_not_allowed");
    assert.equal(code(await answer(applied.id, "decline", wu)), "application_action_not_allowed");
    assert.equal(code(await answer(applied.id, "reject", rival)), "application_action_not_allowed");
    const withdrawn = await answer(applied.id, "withdraw", wu);
    assert.equal(withdrawn.json().status, "withdrawn");
    assert.equal(code(await answer(applied.id, "reject", boss)), "application_not_pending");
  });

  it("an employer invites only to their own gig; the worker declines", async () => {
    const gigId = await postedGig(t, boss);
    const zheng = await worker(t);
    const notMine = await t.request("POST", `/api/gigs/${gigId}/invitations`, {
      as: rival.token,
      body: { workerId: zheng.userId },
    });
    assert.equal(code(notMine), "not_gig_owner");
    const invited = await t.request("POST", `/api/gigs/${gigId}/invitations`, {
      as: boss.token,
      body: { workerId: zheng.userId },
    });
    const mine = await t.request("GET", "/api/workers/me/applications", { as: zheng.token });
    assert.equal(mine.json()[0].kind, "invitation");
    assert.equal(mine.json()[0].gig.id, gigId);
    assert.equal(mine.json()[0].employerName, "镇江好帮手保洁有限公司");
    assert.equal((await answer(invited.json().id, "decline", zheng)).json().status, "declined");
  });

  it("the last place fills the gig, expires the other offers, and a later accept is refused as full", async () => {
    const gigId = await postedGig(t, boss, { headcount: 1 });
    const [a, b] = [await worker(t), await worker(t)];
    const first = (await applyTo(gigId, a)).json();
    const second = (await applyTo(gigId, b)).json();
    assert.equal((await answer(first.id, "accept", boss)).statusCode, 200);
    const gig = (await t.request("GET", `/api/gigs/${gigId}`)).json();
    assert.equal(gig.status, "filled");
    assert.equal(code(await answer(second.id, "accept", boss)), "gig_full");
    const mine = (await t.request("GET", "/api/workers/me/applications", { as: b.token })).json();
    assert.equal(mine[0].status, "expired");
    assert.equal(code(await applyTo(gigId, await worker(t))), "gig_full");
  });

  it("an accept on a full gig rolls back: the application stays pending", async () => {
    const gigId = await postedGig(t, boss, { headcount: 1 });
    const late = await worker(t);
    const pending = (await applyTo(gigId, late)).json();
    // Another booking took the place by a path that left this application pending.
    await t.ctx.database.db.update(gigs).set({ filledCount: 1 }).where(eq(gigs.id, gigId));
    const refused = await answer(pending.id, "accept", boss);
    assert.equal(refused.statusCode, 409);
    assert.equal(code(refused), "gig_full");
    const mine = (await t.request("GET", "/api/workers/me/applications", { as: late.token })).json();
    assert.equal(mine[0].status, "pending");
  });

  it("applications to a cancelled or started gig are refused", async () => {
    const cancelled = await postedGig(t, boss);
    await t.request("POST", `/api/gigs/${cancelled}/cancel`, {
      as: boss.token,
      body: { reasonCode: "weather" },
    });
    assert.equal(code(await applyTo(cancelled, await worker(t))), "gig_not_open");
    const soon = await postedGig(t, boss, {}, 1);
    const qian = await worker(t);
    const applied = (await applyTo(soon, qian)).json();
    (t.clock as ManualClock).advanceMinutes(61);
    assert.equal(code(await applyTo(soon, await worker(t))), "gig_started");
    assert.equal(code(await answer(applied.id, "accept", boss)), "gig_started");
    (t.clock as ManualClock).advanceMinutes(-61);
  });
});
