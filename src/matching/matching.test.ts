import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { and, eq } from "drizzle-orm";
import type { Static } from "typebox";
import { startTestApp, TEST_CITY, type TestApp } from "../../test/support/app.ts";
import { sseEvents } from "../../test/support/event-stream.ts";
import {
  applications,
  auditLog,
  bookings,
  cities,
  divisions,
  employers,
  gigs,
  workerProfiles,
} from "../db/schema/index.ts";
import { recordMarketEvent } from "../market/market-events.ts";
import { ManualClock } from "../platform/clock.ts";
import type { DispatchProgress } from "./matching.schemas.ts";

type DispatchProgressView = Static<typeof DispatchProgress>;

const NOW = new Date("2024-03-04T00:00:00Z"); // Monday 08:00 in Zhenjiang
const HOUR = 3_600_000;
const JINGKOU = "321102";
const RUNZHOU = "321111";
/** A point in 京口区 and the latitude step of one kilometre. */
const HOME = { lat: 32.2, lng: 119.45 };
const KM = 1 / 111.195;

/** Waits for the indexes to follow a market event (delivered asynchronously by NOTIFY). */
async function eventually<T>(probe: () => Promise<T>, ok: (value: T) => boolean): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    const value = await probe();
    if (ok(value) || attempt === 100) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe("matching over HTTP: 为你推荐, 推荐人选 and morning dispatch", () => {
  let t: TestApp;
  let employer: { token: string; userId: string; employerId: string };
  let worker: { token: string; userId: string };

  async function newEmployer() {
    const account = await t.tokenFor("employer");
    const [row] = await t.ctx.database.db
      .insert(employers)
      .values({
        cityCode: TEST_CITY,
        ownerUserId: account.userId,
        kind: "enterprise",
        name: "镇江保洁公司",
        districtCode: JINGKOU,
        ratingSum: 48,
        ratingCount: 10,
      })
      .returning();
    return { ...account, employerId: row.id };
  }

  async function postGig(title: string, over: Partial<typeof gigs.$inferInsert> = {}) {
    const db = t.ctx.database.db;
    return db.transaction(async (tx) => {
      const [gig] = await tx
        .insert(gigs)
        .values({
          cityCode: TEST_CITY,
          districtCode: JINGKOU,
          employerId: employer.employerId,
          postedByUserId: employer.userId,
          categoryCode: "cleaning",
          title,
          address: "京口区学府路 1 号",
          lat: HOME.lat + 2 * KM,
          lng: HOME.lng,
          startsAt: new Date(NOW.getTime() + 25 * HOUR),
          endsAt: new Date(NOW.getTime() + 33 * HOUR),
          headcount: 2,
          payFen: 24_000,
          payUnit: "day",
          settlement: "same_day",
          checkInCode: "1234",
          ...over,
        })
        .returning();
      await recordMarketEvent(tx, {
        cityCode: TEST_CITY,
        kind: "gig_posted",
        subjectId: gig.id,
        districtCode: gig.districtCode,
      });
      return gig;
    });
  }

  async function newWorker(name: string, over: Partial<typeof workerProfiles.$inferInsert> = {}) {
    const account = await t.tokenFor("worker");
    await t.ctx.database.db.transaction(async (tx) => {
      await tx.insert(workerProfiles).values({
        userId: account.userId,
        cityCode: TEST_CITY,
        name,
        categoryCodes: ["cleaning"],
        districtCodes: [JINGKOU],
        homeLat: HOME.lat,
        homeLng: HOME.lng,
        rangeKm: 10,
        availability: { weekdays: [1, 2, 3, 4, 5], fromHour: 8, toHour: 18 },
        expectedDailyPayFen: 20_000,
        ...over,
      });
      await recordMarketEvent(tx, {
        cityCode: TEST_CITY,
        kind: "worker_registered",
        subjectId: account.userId,
      });
    });
    return account;
  }

  const recommendations = (token: string, query = "") =>
    t.request("GET", `/api/workers/me/recommendations?k=20${query}`, { as: token });

  before(async () => {
    t = await startTestApp({ clock: new ManualClock(NOW) });
    employer = await newEmployer();
    worker = await newWorker("张阿姨");
  });
  after(() => t.close());

  it("recommends a nearby cleaning gig to a cleaner with its reasons in Chinese and English", async () => {
    const gig = await postGig("写字楼日常保洁");
    const res = await eventually(
      () => recommendations(worker.token),
      (r) => r.json().length > 0,
    );
    assert.equal(res.statusCode, 200);
    const [first] = res.json();
    assert.equal(first.gigId, gig.id);
    assert.equal(first.placesLeft, 2);
    assert.ok(first.reasons.includes("2.0 公里"));
    assert.ok(first.reasons.includes("日薪比你期望高 20%"));
    const en = (await recommendations(worker.token)).json();
    assert.equal(
      (await t.request("GET", "/api/workers/me/recommendations", { as: worker.token, lang: "en" })).json()[0]
        .reasons[0],
      "2.0 km away",
    );
    assert.equal(en.length, 1);
  });

  it("a gig 104 m from home is 104 m away in the recommendations and in the list near me alike", async () => {
    const gig = await postGig("楼下保洁", { lat: HOME.lat + 0.104 * KM });
    const res = await eventually(
      () => recommendations(worker.token),
      (r) => r.json().some((item: { gigId: string }) => item.gigId === gig.id),
    );
    const recommended = res.json().find((item: { gigId: string }) => item.gigId === gig.id);
    const list = await t.request("GET", `/api/gigs?lat=${HOME.lat}&lng=${HOME.lng}&sort=nearest`);
    const listed = list.json().items.find((item: { id: string }) => item.id === gig.id);
    assert.equal(listed.distanceM, 104);
    assert.equal(Math.round(recommended.distanceKm * 1000), listed.distanceM);
    await t.request("POST", `/api/gigs/${gig.id}/cancel`, {
      as: employer.token,
      body: { reasonCode: "posted_in_error" },
    });
  });

  it("never recommends a gig beyond the range, in another category, or clashing with a booking", async () => {
    const far = await postGig("远处保洁", { lat: HOME.lat + 15 * KM });
    const loading = await postGig("搬运", { categoryCode: "loading" });
    const booked = await postGig("已预订的保洁", {
      startsAt: new Date(NOW.getTime() + 49 * HOUR),
      endsAt: new Date(NOW.getTime() + 57 * HOUR),
    });
    const clash = await postGig("同一时间的保洁", {
      startsAt: new Date(NOW.getTime() + 50 * HOUR),
      endsAt: new Date(NOW.getTime() + 54 * HOUR),
    });
    const db = t.ctx.database.db;
    await db.transaction(async (tx) => {
      const [b] = await tx
        .insert(bookings)
        .values({
          cityCode: TEST_CITY,
          gigId: booked.id,
          workerId: worker.userId,
          employerId: employer.employerId,
        })
        .returning();
      await recordMarketEvent(tx, { cityCode: TEST_CITY, kind: "booking_made", subjectId: b.id });
    });
    const res = await eventually(
      () => recommendations(worker.token),
      (r) => r.json().length === 1,
    );
    const ids = res.json().map((g: { gigId: string }) => g.gigId);
    for (const excluded of [far.id, loading.id, booked.id, clash.id]) assert.ok(!ids.includes(excluded));
  });

  it("never recommends a gig of another city, however near it is", async () => {
    const db = t.ctx.database.db;
    await db
      .insert(cities)
      .values({ code: "320100", name: "南京市", centerLat: 32.06, centerLng: 118.8 })
      .onConflictDoNothing();
    await db
      .insert(divisions)
      .values({
        code: "320115",
        cityCode: "320100",
        name: "江宁区",
        centerLat: 31.95,
        centerLng: 118.84,
        boundary: {},
      })
      .onConflictDoNothing();
    const across = await postGig("邻市保洁", {
      cityCode: "320100",
      districtCode: "320115",
      lat: HOME.lat + 0.3 * KM,
    });
    // A gig posted after it: once this one is recommended, the other city's has been indexed too.
    const own = await postGig("本市保洁", { lat: HOME.lat + 0.4 * KM });
    const res = await eventually(
      () => recommendations(worker.token),
      (r) => r.json().some((g: { gigId: string }) => g.gigId === own.id),
    );
    const ids = res.json().map((g: { gigId: string }) => g.gigId);
    assert.ok(!ids.includes(across.id));
    // Nor does the employer's 推荐人选 list a worker of the other city living beside the gig.
    const dishes = { categoryCodes: ["dishwasher"] };
    const neighbour = await newWorker("邻市的李阿姨", {
      ...dishes,
      cityCode: "320100",
      districtCodes: ["320115"],
    });
    // Registered after her: once this one is listed, she has been indexed too.
    const later = await newWorker("赵阿姨", dishes);
    const washing = await postGig("饭店洗碗", { categoryCode: "dishwasher", lat: HOME.lat + 0.2 * KM });
    const listed = await eventually(
      () => t.request("GET", `/api/gigs/${washing.id}/recommended-workers?k=20`, { as: employer.token }),
      (r) => r.statusCode === 200 && r.json().some((w: { workerId: string }) => w.workerId === later.userId),
    );
    assert.ok(!listed.json().some((w: { workerId: string }) => w.workerId === neighbour.userId));
    for (const gig of [across, own, washing]) {
      await t.request("POST", `/api/gigs/${gig.id}/cancel`, {
        as: employer.token,
        body: { reasonCode: "posted_in_error" },
      });
    }
  });

  it("applies the worker's own filters: distance, date, district and same-day pay", async () => {
    const near = await postGig("楼下保洁", { lat: HOME.lat + 0.5 * KM, settlement: "on_completion" });
    await eventually(
      () => recommendations(worker.token),
      (r) => r.json().some((g: { gigId: string }) => g.gigId === near.id),
    );
    const within1km = (await recommendations(worker.token, "&maxKm=1")).json();
    assert.deepEqual(
      within1km.map((g: { gigId: string }) => g.gigId),
      [near.id],
    );
    assert.ok(within1km[0].distanceKm <= 1);
    const sameDay = (await recommendations(worker.token, "&sameDayPayOnly=true")).json();
    assert.ok(!sameDay.some((g: { gigId: string }) => g.gigId === near.id));
    assert.deepEqual((await recommendations(worker.token, "&date=2024-03-09")).json(), []);
    assert.deepEqual((await recommendations(worker.token, `&district=${RUNZHOU}`)).json(), []);
    const unknown = await recommendations(worker.token, "&category=astronaut");
    assert.equal(unknown.json().error.code, "matching_category_unknown");
  });

  it("asks a worker without a home location to complete the profile, and refuses other roles", async () => {
    const bare = await t.tokenFor("worker");
    assert.equal((await recommendations(bare.token)).json().error.code, "matching_profile_incomplete");
    assert.equal((await recommendations(employer.token)).statusCode, 403);
    assert.equal((await t.request("GET", "/api/workers/me/recommendations")).statusCode, 401);
  });

  it("recommends workers for a gig to its employer with phones masked, and to nobody else", async () => {
    const gig = await postGig("商场保洁");
    await newWorker("李师傅", { completedCount: 19, noShowCount: 1 });
    const url = `/api/gigs/${gig.id}/recommended-workers?k=5`;
    const res = await eventually(
      () => t.request("GET", url, { as: employer.token }),
      (r) => r.statusCode === 200 && r.json().length === 2,
    );
    const names = res.json().map((w: { name: string }) => w.name);
    assert.deepEqual(new Set(names), new Set(["张阿姨", "李师傅"]));
    for (const w of res.json()) assert.match(w.phone, /^1\d{2}\*{4}\d{4}$/);
    assert.ok(res.json().some((w: { reasons: string[] }) => w.reasons.includes("完成率 95%")));
    const other = await newEmployer();
    assert.equal((await t.request("GET", url, { as: other.token })).json().error.code, "forbidden");
    const elsewhere = await t.tokenFor("station_staff", { districtCode: RUNZHOU });
    assert.equal((await t.request("GET", url, { as: elsewhere.token })).statusCode, 403);
    const staff = await t.tokenFor("station_staff", { districtCode: JINGKOU });
    assert.equal((await t.request("GET", url, { as: staff.token })).statusCode, 200);
    assert.equal((await t.request("GET", url, { as: worker.token })).statusCode, 403);
  });

  it("previews a morning dispatch, sends it as invitations once, and refuses employers", async () => {
    const staff = await t.tokenFor("station_staff", { districtCode: JINGKOU });
    const gig = await postGig("早市保洁", {
      headcount: 1,
      startsAt: new Date(NOW.getTime() + 3 * HOUR),
      endsAt: new Date(NOW.getTime() + 8 * HOUR),
    });
    await eventually(
      () => t.request("GET", `/api/gigs/${gig.id}/recommended-workers`, { as: staff.token }),
      (r) => r.statusCode === 200,
    );
    const body = { gigIds: [gig.id], maxKm: 5 };
    assert.equal(
      (await t.request("POST", "/api/dispatches/preview", { as: employer.token, body })).statusCode,
      403,
    );
    const preview = await t.request("POST", "/api/dispatches/preview", { as: staff.token, body });
    assert.equal(preview.statusCode, 201);
    const p = preview.json();
    assert.equal(p.status, "preview");
    assert.equal(p.offers.length, 1, "one place, one offer");
    assert.equal(p.offers[0].gigId, gig.id);
    assert.ok(p.offers[0].reasons.length > 0);
    assert.deepEqual(p.unfilled, []);

    const sent = await t.request("POST", `/api/dispatches/${p.dispatchId}/send`, { as: staff.token });
    assert.equal(sent.json().invitations, 1);
    const [invitation] = await t.ctx.database.db
      .select()
      .from(applications)
      .where(eq(applications.gigId, gig.id));
    assert.equal(invitation.kind, "invitation");
    assert.equal(invitation.status, "pending");
    assert.equal(invitation.workerId, p.offers[0].workerId);
    const again = await t.request("POST", `/api/dispatches/${p.dispatchId}/send`, { as: staff.token });
    assert.equal(again.json().error.code, "dispatch_not_preview");
  });

  it("re-plans without inviting again anyone already approached for the gig, and says so", async () => {
    const staff = await t.tokenFor("station_staff", { districtCode: JINGKOU });
    const gig = await postGig("早市搬运", {
      headcount: 1,
      startsAt: new Date(NOW.getTime() + 4 * HOUR),
      endsAt: new Date(NOW.getTime() + 9 * HOUR),
    });
    await eventually(
      () => t.request("GET", `/api/gigs/${gig.id}/recommended-workers`, { as: staff.token }),
      (r) => r.statusCode === 200,
    );
    const body = { gigIds: [gig.id], maxKm: 5 };
    const first = (await t.request("POST", "/api/dispatches/preview", { as: staff.token, body })).json();
    assert.equal(first.offers.length, 1);
    assert.equal(first.alreadyApproached, 0);
    const invited = first.offers[0].workerId;
    // A second preview made before the first is sent: both hold the same worker.
    const stale = (await t.request("POST", "/api/dispatches/preview", { as: staff.token, body })).json();
    assert.equal(stale.offers[0].workerId, invited);

    const sent = await t.request("POST", `/api/dispatches/${first.dispatchId}/send`, { as: staff.token });
    assert.deepEqual(
      { invitations: sent.json().invitations, alreadyApproached: sent.json().alreadyApproached },
      { invitations: 1, alreadyApproached: 0 },
    );
    // She declines; the places are still open.
    await t.ctx.database.db
      .update(applications)
      .set({ status: "declined" })
      .where(eq(applications.gigId, gig.id));

    const staleSent = (
      await t.request("POST", `/api/dispatches/${stale.dispatchId}/send`, { as: staff.token })
    ).json();
    assert.equal(staleSent.invitations, 0, "the stale preview does not invite her again");
    assert.equal(staleSent.alreadyApproached, 1, "and says why");
    assert.equal(staleSent.gigClosed, 0);

    const replan = await t.request("POST", "/api/dispatches/preview", { as: staff.token, body });
    assert.equal(replan.statusCode, 201, "the place is still open, so the re-plan runs");
    const offered = replan.json();
    assert.ok(!offered.offers.some((o: { workerId: string }) => o.workerId === invited));
    assert.equal(offered.alreadyApproached, 1, "the re-plan says it left her out");
    const rows = await t.ctx.database.db.select().from(applications).where(eq(applications.gigId, gig.id));
    assert.equal(rows.filter((r) => r.workerId === invited).length, 1, "one invitation, ever");
  });

  it("dispatches the district's gigs starting soon, and says when there are none", async () => {
    const staff = await t.tokenFor("station_staff", { districtCode: RUNZHOU });
    const none = await t.request("POST", "/api/dispatches/preview", {
      as: staff.token,
      body: { startingWithinHours: 6 },
    });
    assert.equal(none.json().error.code, "dispatch_nothing_to_dispatch");
    const admin = await t.tokenFor("city_admin");
    const missing = await t.request("POST", "/api/dispatches/preview", { as: admin.token, body: {} });
    assert.equal(missing.json().error.code, "dispatch_district_required");
    // A week's window is taken as entered; a longer one is refused, never silently shortened.
    const week = await t.request("POST", "/api/dispatches/preview", {
      as: staff.token,
      body: { startingWithinHours: 168 },
    });
    assert.equal(week.json().error.code, "dispatch_nothing_to_dispatch");
    const tooLong = await t.request("POST", "/api/dispatches/preview", {
      as: staff.token,
      body: { startingWithinHours: 169 },
    });
    assert.equal(tooLong.statusCode, 400);
  });

  it("forgets a gig as soon as it is cancelled", async () => {
    const gig = await postGig("临时保洁", { lat: HOME.lat + 0.2 * KM });
    await eventually(
      () => recommendations(worker.token),
      (r) => r.json().some((g: { gigId: string }) => g.gigId === gig.id),
    );
    await t.ctx.database.db.transaction(async (tx) => {
      await tx.update(gigs).set({ status: "cancelled" }).where(eq(gigs.id, gig.id));
      await recordMarketEvent(tx, { cityCode: TEST_CITY, kind: "gig_cancelled", subjectId: gig.id });
    });
    const res = await eventually(
      () => recommendations(worker.token),
      (r) => !r.json().some((g: { gigId: string }) => g.gigId === gig.id),
    );
    assert.ok(!res.json().some((g: { gigId: string }) => g.gigId === gig.id));
  });

  // Last: it listens on a real port for the live stream.
  it("follows a sent dispatch live: how each invitation reaches her, the call card, calls nobody answered, her answer", async () => {
    const staff = await t.tokenFor("station_staff", { districtCode: JINGKOU });
    const other = await t.tokenFor("station_staff", { districtCode: RUNZHOU });
    const gig = await postGig("早市洗碗", {
      headcount: 1,
      startsAt: new Date(NOW.getTime() + 5 * HOUR),
      endsAt: new Date(NOW.getTime() + 9 * HOUR),
    });
    await eventually(
      () => t.request("GET", `/api/gigs/${gig.id}/recommended-workers`, { as: staff.token }),
      (r) => r.statusCode === 200,
    );
    const body = { gigIds: [gig.id], maxKm: 5 };
    const preview = (await t.request("POST", "/api/dispatches/preview", { as: staff.token, body })).json();
    const [offer] = preview.offers;
    const before = (
      await t.request("GET", `/api/dispatches/${preview.dispatchId}`, { as: staff.token })
    ).json();
    assert.equal(before.offers[0].status, "not_sent");
    await t.request("POST", `/api/dispatches/${preview.dispatchId}/send`, { as: staff.token });

    const address = await t.app.listen({ port: 0, host: "127.0.0.1" });
    const abort = new AbortController();
    const stream = await fetch(`${address}/api/dispatches/${preview.dispatchId}/stream`, {
      headers: { authorization: `Bearer ${staff.token}` },
      signal: abort.signal,
    });
    assert.equal(stream.status, 200);
    const events = sseEvents<DispatchProgressView>(stream.body as ReadableStream<Uint8Array>, "progress");
    try {
      const first = (await events.next()).value;
      assert.equal(first.counts.invited, 1);
      const sent = first.offers.find((o: { workerId: string }) => o.workerId === offer.workerId);
      // Never signed in, not registered at a counter, no text messages chosen: staff call her.
      assert.equal(sent.channel, "call");
      assert.match(sent.phone, /^1\d{2}\*{4}\d{4}$/, "masked on the list");

      const card = await t.request(
        "GET",
        `/api/dispatches/${preview.dispatchId}/offers/${sent.offerId}/call-card`,
        { as: staff.token },
      );
      assert.equal(card.statusCode, 200, card.body);
      assert.match(card.json().phone, /^1\d{10}$/, "in full on the call card");
      assert.match(card.json().script, /早市洗碗.*您愿意去吗/);
      const [audit] = await t.ctx.database.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, "dispatch.call_card_viewed"), eq(auditLog.subjectId, offer.workerId)));
      assert.equal(audit?.personalData, true, "the number's view is in the audit log");
      const elsewhere = await t.request(
        "GET",
        `/api/dispatches/${preview.dispatchId}/offers/${sent.offerId}/call-card`,
        { as: other.token },
      );
      assert.equal(elsewhere.statusCode, 403, "another district's staff cannot read it");

      const unanswered = await t.request(
        "POST",
        `/api/dispatches/${preview.dispatchId}/offers/${sent.offerId}/unanswered-calls`,
        { as: staff.token, body: {} },
      );
      assert.equal(unanswered.statusCode, 201, unanswered.body);
      const afterCall = (await events.next()).value;
      assert.equal(afterCall.offers[0].unansweredCalls, 1, "a call logged reaches the screen live");

      // The second call reaches her and she says yes: staff accept for her, and every screen shows it.
      const accepted = await t.request(
        "POST",
        `/api/stations/workers/${offer.workerId}/applications/${sent.applicationId}/accept`,
        { as: staff.token, body: { consentNote: "电话中口头同意" } },
      );
      assert.equal(accepted.statusCode, 200, accepted.body);
      let progress = (await events.next()).value;
      while (progress.counts.accepted === 0) progress = (await events.next()).value;
      assert.deepEqual(progress.counts, { not_sent: 0, invited: 0, accepted: 1, declined: 0, expired: 0 });

      const late = await t.request(
        "POST",
        `/api/dispatches/${preview.dispatchId}/offers/${sent.offerId}/unanswered-calls`,
        { as: staff.token, body: {} },
      );
      assert.equal(late.json().error.code, "dispatch_offer_answered");
    } finally {
      abort.abort();
    }
  });
});
