import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { eq } from "drizzle-orm";
import { startTestApp, type TestApp } from "../../test/support/app.ts";
import { type EmployerActor, employer, postedGig, worker } from "../../test/support/market-fixtures.ts";
import {
  applications,
  bookings,
  gigs,
  marketEvents,
  timesheets,
  workerProfiles,
} from "../db/schema/index.ts";
import { ManualClock } from "../platform/clock.ts";
import { startSweeper, sweep } from "./sweeper.ts";

const MINUTE = 60_000;

describe("the sweeper", () => {
  let t: TestApp;
  let clock: ManualClock;
  let boss: EmployerActor;
  const monday = new Date("2030-03-04T00:00:00Z");
  before(async () => {
    clock = new ManualClock(monday);
    t = await startTestApp({ clock });
    boss = await employer(t);
  });
  after(() => t.close());

  const db = () => t.ctx.database.db;

  /** A gig starting 24 h from Monday 00:00 UTC, lasting 8 h, with one booked worker. */
  async function bookedGig(headcount = 2) {
    clock.set(monday);
    const gigId = await postedGig(t, boss, { headcount }, 24, 8);
    const who = await worker(t);
    const applied = await t.request("POST", `/api/gigs/${gigId}/applications`, { as: who.token, body: {} });
    const accepted = await t.request("POST", `/api/applications/${applied.json().id}/accept`, {
      as: boss.token,
    });
    assert.equal(accepted.statusCode, 200, accepted.body);
    const [gig] = await db().select().from(gigs).where(eq(gigs.id, gigId));
    return { gig, who, bookingId: accepted.json().id as string };
  }
  const minutesAfter = (at: Date, minutes: number) => new Date(at.getTime() + minutes * MINUTE);
  const bookingOf = async (id: string) => (await db().select().from(bookings).where(eq(bookings.id, id)))[0];
  const profileOf = async (id: string) =>
    (await db().select().from(workerProfiles).where(eq(workerProfiles.userId, id)))[0];

  it("checks out a worker who forgot, at the gig's end, once the city's 60-minute grace is over", async () => {
    const { gig, bookingId } = await bookedGig();
    const checkedInAt = minutesAfter(gig.startsAt, 15);
    await db().update(bookings).set({ status: "checked_in", checkedInAt }).where(eq(bookings.id, bookingId));

    clock.set(minutesAfter(gig.endsAt, 59));
    await sweep(t.ctx);
    assert.equal((await bookingOf(bookingId)).status, "checked_in", "still inside the grace");

    clock.set(minutesAfter(gig.endsAt, 60));
    const report = await sweep(t.ctx);
    assert.equal(report.autoCheckedOut, 1);
    const booking = await bookingOf(bookingId);
    assert.equal(booking.status, "checked_out");
    assert.equal(booking.autoCheckedOut, true);
    assert.deepEqual(booking.checkedOutAt, gig.endsAt);
    const [sheet] = await db().select().from(timesheets).where(eq(timesheets.bookingId, bookingId));
    assert.equal(sheet.measuredMinutes, 8 * 60 - 15);
    assert.equal(sheet.status, "pending");
  });

  it("leaves alone a worker who checked out by themselves", async () => {
    const { gig, bookingId } = await bookedGig();
    const checkedOutAt = minutesAfter(gig.endsAt, -30);
    await db()
      .update(bookings)
      .set({ status: "checked_out", checkedInAt: gig.startsAt, checkedOutAt })
      .where(eq(bookings.id, bookingId));
    clock.set(minutesAfter(gig.endsAt, 120));
    await sweep(t.ctx);
    const booking = await bookingOf(bookingId);
    assert.equal(booking.autoCheckedOut, false);
    assert.deepEqual(booking.checkedOutAt, checkedOutAt);
  });

  it("marks a worker who never came a no-show once the gig has ended, and gives the place back", async () => {
    const { gig, who, bookingId } = await bookedGig();
    clock.set(minutesAfter(gig.endsAt, -1));
    await sweep(t.ctx);
    assert.equal((await bookingOf(bookingId)).status, "booked", "employers mark no-shows before the end");

    clock.set(gig.endsAt);
    const report = await sweep(t.ctx);
    assert.equal(report.noShows, 1);
    const booking = await bookingOf(bookingId);
    assert.equal(booking.status, "no_show");
    assert.deepEqual(booking.noShowAt, gig.endsAt);
    assert.equal((await profileOf(who.userId)).noShowCount, 1);
    const [after] = await db().select().from(gigs).where(eq(gigs.id, gig.id));
    assert.equal(after.filledCount, 0);
    assert.equal(after.status, "closed");
    const events = await db().select().from(marketEvents).where(eq(marketEvents.subjectId, bookingId));
    assert.ok(events.some((e) => e.kind === "no_show"));
  });

  it("closes a gig whose end has passed, and only then", async () => {
    clock.set(monday);
    const gigId = await postedGig(t, boss, {}, 2, 4);
    clock.set(minutesAfter(monday, (2 + 4) * 60 - 1));
    await sweep(t.ctx);
    assert.equal((await db().select().from(gigs).where(eq(gigs.id, gigId)))[0].status, "open");
    clock.advanceMinutes(1);
    await sweep(t.ctx);
    assert.equal((await db().select().from(gigs).where(eq(gigs.id, gigId)))[0].status, "closed");
    const events = await db().select().from(marketEvents).where(eq(marketEvents.subjectId, gigId));
    assert.ok(events.some((e) => e.kind === "gig_closed"));
  });

  it("expires applications nobody answered once the gig has started", async () => {
    clock.set(monday);
    const gigId = await postedGig(t, boss, {}, 3, 8);
    const hopeful = await worker(t, { name: "王阿姨" });
    const applied = await t.request("POST", `/api/gigs/${gigId}/applications`, {
      as: hopeful.token,
      body: {},
    });
    const applicationId = applied.json().id;
    const statusOf = async () =>
      (await db().select().from(applications).where(eq(applications.id, applicationId)))[0].status;

    clock.set(minutesAfter(monday, 3 * 60 - 1));
    await sweep(t.ctx);
    assert.equal(await statusOf(), "pending");
    clock.advanceMinutes(1);
    await sweep(t.ctx);
    assert.equal(await statusOf(), "expired");
  });

  it("two instances sweeping at once count a no-show once", async () => {
    const { gig, who, bookingId } = await bookedGig();
    clock.set(minutesAfter(gig.endsAt, 1));
    const reports = await Promise.all([sweep(t.ctx), sweep(t.ctx)]);
    assert.ok(reports.some((r) => r.swept));
    assert.equal((await bookingOf(bookingId)).status, "no_show");
    assert.equal((await profileOf(who.userId)).noShowCount, 1);
    const events = await db().select().from(marketEvents).where(eq(marketEvents.subjectId, bookingId));
    assert.equal(events.filter((e) => e.kind === "no_show").length, 1);
  });

  it("runs by itself every interval until it is stopped", async () => {
    const { gig, bookingId } = await bookedGig();
    clock.set(gig.endsAt);
    const stop = startSweeper(t.ctx, 10);
    for (let i = 0; i < 200 && (await bookingOf(bookingId)).status !== "no_show"; i++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    await stop();
    assert.equal((await bookingOf(bookingId)).status, "no_show");
  });
});
