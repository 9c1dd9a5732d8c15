import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { eq } from "drizzle-orm";
import { startTestApp, type TestApp } from "../../test/support/app.ts";
import {
  type Actor,
  type EmployerActor,
  employer,
  JINGKOU,
  postedGig,
  stationStaff,
  worker,
} from "../../test/support/market-fixtures.ts";
import { bookings, workerProfiles } from "../db/schema/index.ts";
import { ManualClock } from "../platform/clock.ts";

describe("bookings before the work starts", () => {
  let t: TestApp;
  let clock: ManualClock;
  let boss: EmployerActor;
  let rival: EmployerActor;
  const start = new Date("2030-03-01T00:00:00Z");
  before(async () => {
    clock = new ManualClock(start);
    t = await startTestApp({ clock });
    boss = await employer(t);
    rival = await employer(t, "别家物业");
  });
  after(() => t.close());

  /** A gig starting `inHours` from the start of the test's day, and one booked worker on it. */
  async function booked(options: { inHours?: number; headcount?: number } = {}) {
    clock.set(start);
    const gigId = await postedGig(t, boss, { headcount: options.headcount ?? 1 }, options.inHours ?? 48);
    const who = await worker(t, { name: "陈师傅" });
    const applied = await t.request("POST", `/api/gigs/${gigId}/applications`, { as: who.token, body: {} });
    const accepted = await t.request("POST", `/api/applications/${applied.json().id}/accept`, {
      as: boss.token,
    });
    assert.equal(accepted.statusCode, 200, accepted.body);
    return { gigId, who, bookingId: accepted.json().id as string };
  }
  const act = (bookingId: string, action: string, who: Actor, body?: unknown) =>
    t.request("POST", `/api/bookings/${bookingId}/${action}`, { as: who.token, body });
  const code = (response: { json(): { error: { code: string } } }) => response.json().error.code;
  const profileOf = async (userId: string) =>
    (await t.ctx.database.db.select().from(workerProfiles).where(eq(workerProfiles.userId, userId)))[0];
  const gigOf = async (gigId: string) => (await t.request("GET", `/api/gigs/${gigId}`)).json();

  it("each side lists the booking with the gig and the other party's name", async () => {
    const { who, bookingId, gigId } = await booked();
    const mine = (await t.request("GET", "/api/workers/me/bookings", { as: who.token })).json();
    assert.equal(mine[0].id, bookingId);
    assert.equal(mine[0].employerName, "镇江好帮手保洁有限公司");
    assert.equal(mine[0].gig.address, "镇江市润州区中山西路1号");
    const theirs = await t.request("GET", `/api/employers/me/bookings?gigId=${gigId}`, { as: boss.token });
    assert.deepEqual(
      theirs.json().map((b: { workerName: string }) => b.workerName),
      ["陈师傅"],
    );
    assert.equal(theirs.json()[0].workerPhone, who.phone);
  });

  it("a booking is shown to its parties and the district's staff, and to no one else", async () => {
    const { bookingId } = await booked();
    const runzhouStaff = await stationStaff(t);
    const jingkouStaff = await stationStaff(t, JINGKOU.districtCode);
    assert.equal(
      (await t.request("GET", `/api/bookings/${bookingId}`, { as: runzhouStaff.token })).statusCode,
      200,
    );
    const outsider = await t.request("GET", `/api/bookings/${bookingId}`, { as: jingkouStaff.token });
    assert.equal(code(outsider), "booking_not_found");
    assert.equal(
      code(await t.request("GET", `/api/bookings/${bookingId}`, { as: rival.token })),
      "booking_not_found",
    );
  });

  it("the worker confirms before the start, not after", async () => {
    const { who, bookingId } = await booked();
    assert.equal(code(await act(bookingId, "confirm", boss)), "forbidden");
    const confirmed = await act(bookingId, "confirm", who);
    assert.equal(confirmed.json().status, "confirmed");
    assert.equal(code(await act(bookingId, "confirm", who)), "booking_not_confirmable");
    const late = await booked({ inHours: 1 });
    clock.advanceMinutes(90);
    assert.equal(code(await act(late.bookingId, "confirm", late.who)), "gig_started");
  });

  it("a worker who cancels early frees the place and reopens the filled gig, without a mark", async () => {
    const { who, bookingId, gigId } = await booked();
    assert.equal((await gigOf(gigId)).status, "filled");
    const cancelled = await act(bookingId, "cancel", who, { reasonCode: "sick", note: "发烧" });
    assert.equal(cancelled.statusCode, 200, cancelled.body);
    assert.equal(cancelled.json().cancelledBy, "worker");
    assert.equal(cancelled.json().lateCancel, false);
    const gig = await gigOf(gigId);
    assert.equal(gig.status, "open");
    assert.equal(gig.openPlaces, 1);
    assert.equal((await profileOf(who.userId)).lateCancelCount, 0);
  });

  it("a worker who cancels inside the 12-hour window is flagged and counted", async () => {
    const { who, bookingId } = await booked({ inHours: 10 });
    const cancelled = await act(bookingId, "cancel", who, { reasonCode: "found_other_work" });
    assert.equal(cancelled.json().lateCancel, true);
    assert.equal((await profileOf(who.userId)).lateCancelCount, 1);
  });

  it("each side cancels only with its own reasons; a stranger cannot cancel", async () => {
    const { who, bookingId } = await booked();
    assert.equal(
      code(await act(bookingId, "cancel", who, { reasonCode: "weather" })),
      "cancel_reason_not_allowed",
    );
    assert.equal(code(await act(bookingId, "cancel", rival, { reasonCode: "weather" })), "booking_not_found");
    assert.equal(code(await act(bookingId, "cancel", boss, { reasonCode: "made_up" })), "invalid_request");
    const cancelled = await act(bookingId, "cancel", boss, { reasonCode: "weather", note: "暴雨" });
    assert.equal(cancelled.json().cancelledBy, "employer");
    assert.equal(cancelled.json().lateCancel, false);
  });

  it("a booking cannot be cancelled after check-in", async () => {
    const { who, bookingId } = await booked();
    await t.ctx.database.db
      .update(bookings)
      .set({ status: "checked_in", checkedInAt: clock.now() })
      .where(eq(bookings.id, bookingId));
    assert.equal(
      code(await act(bookingId, "cancel", who, { reasonCode: "sick" })),
      "booking_not_cancellable",
    );
  });

  it("a no-show is marked only after the start plus 30 minutes' grace, and counts against the worker", async () => {
    const { who, bookingId, gigId } = await booked({ inHours: 2 });
    assert.equal(code(await act(bookingId, "no-show", boss)), "no_show_too_early");
    clock.advanceMinutes(120 + 29);
    assert.equal(code(await act(bookingId, "no-show", boss)), "no_show_too_early");
    assert.equal(code(await act(bookingId, "no-show", who)), "forbidden");
    clock.advanceMinutes(1);
    const marked = await act(bookingId, "no-show", boss);
    assert.equal(marked.json().status, "no_show");
    assert.equal((await profileOf(who.userId)).noShowCount, 1);
    const gig = await gigOf(gigId);
    assert.equal(gig.filledCount, 0);
    // The gig has started: it does not reopen for new workers.
    assert.equal(gig.status, "filled");
    assert.equal(code(await act(bookingId, "no-show", boss)), "no_show_not_allowed");
  });

  it("cancelling a gig cancels its bookings and expires pending applications in one go", async () => {
    const { who, bookingId, gigId } = await booked({ headcount: 2 });
    const waiting = await worker(t);
    await t.request("POST", `/api/gigs/${gigId}/applications`, { as: waiting.token, body: {} });
    assert.equal(
      code(
        await t.request("POST", `/api/gigs/${gigId}/cancel`, {
          as: rival.token,
          body: { reasonCode: "weather" },
        }),
      ),
      "not_gig_owner",
    );
    const cancelled = await t.request("POST", `/api/gigs/${gigId}/cancel`, {
      as: boss.token,
      body: { reasonCode: "weather", note: "台风" },
    });
    assert.equal(cancelled.statusCode, 200, cancelled.body);
    assert.equal(cancelled.json().status, "cancelled");
    assert.equal(cancelled.json().filledCount, 0);
    const booking = (await t.request("GET", `/api/bookings/${bookingId}`, { as: who.token })).json();
    assert.equal(booking.status, "cancelled");
    assert.equal(booking.cancelledBy, "employer");
    const pending = (await t.request("GET", "/api/workers/me/applications", { as: waiting.token })).json();
    assert.equal(pending[0].status, "expired");
  });

  it("a gig with a worker already checked in cannot be cancelled", async () => {
    const { bookingId, gigId } = await booked();
    await t.ctx.database.db.update(bookings).set({ status: "checked_in" }).where(eq(bookings.id, bookingId));
    const refused = await t.request("POST", `/api/gigs/${gigId}/cancel`, {
      as: boss.token,
      body: { reasonCode: "other" },
    });
    assert.equal(code(refused), "gig_work_begun");
    assert.equal((await gigOf(gigId)).status, "filled");
  });
});
