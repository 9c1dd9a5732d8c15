/**
 * One lock order for a gig and its bookings (decision 0006): an employer cancelling a gig while
 * its booked workers cancel their bookings, on two server instances at once, never deadlocks
 * into a 500 and never loses a cancellation. Needs PostgreSQL: PGlite runs one query at a time.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { eq, inArray } from "drizzle-orm";
import { bookings, gigs, marketEvents } from "../src/db/schema/index.ts";
import { startTestApp, type TestApp } from "./support/app.ts";
import { usingPostgres } from "./support/database.ts";
import { type Actor, type EmployerActor, employer, postedGig, worker } from "./support/market-fixtures.ts";

const skip = usingPostgres() ? false : "needs PostgreSQL: set TEST_DATABASE_URL to race two server instances";
const ROUNDS = 20;
const HEADCOUNT = 5;

describe("cancelling a gig while its workers cancel their bookings", { skip }, () => {
  let t: TestApp;
  let second: Awaited<ReturnType<TestApp["secondInstance"]>>;
  let urls: string[];
  let boss: EmployerActor;
  before(async () => {
    t = await startTestApp();
    second = await t.secondInstance();
    urls = [
      await t.app.listen({ port: 0, host: "127.0.0.1" }),
      await second.app.listen({ port: 0, host: "127.0.0.1" }),
    ];
    boss = await employer(t);
  });
  after(async () => {
    await second?.close();
    await t?.close();
  });

  /** A gig with every place booked; returns the gig, its bookings and their workers. */
  async function fullyBookedGig() {
    const gigId = await postedGig(t, boss, { headcount: HEADCOUNT });
    const booked: Array<{ bookingId: string; who: Actor }> = [];
    for (let i = 0; i < HEADCOUNT; i++) {
      const who = await worker(t, { name: `工人${i}` });
      const applied = await t.request("POST", `/api/gigs/${gigId}/applications`, { as: who.token, body: {} });
      const accepted = await t.request("POST", `/api/applications/${applied.json().id}/accept`, {
        as: boss.token,
      });
      assert.equal(accepted.statusCode, 200, accepted.body);
      booked.push({ bookingId: accepted.json().id, who });
    }
    return { gigId, booked };
  }

  function post(i: number, path: string, as: Actor, body: unknown) {
    return fetch(`${urls[i % 2]}${path}`, {
      method: "POST",
      headers: { authorization: `Bearer ${as.token}`, "content-type": "application/json" },
      body: JSON.stringify(body),
    }).then(async (r) => ({ status: r.status, body: (await r.json()) as { error?: { code: string } } }));
  }

  it(`${ROUNDS} rounds: no 500, every booking cancelled once, the counts agree`, async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const { gigId, booked } = await fullyBookedGig();
      const [gigCancel, ...workerCancels] = await Promise.all([
        post(round, `/api/gigs/${gigId}/cancel`, boss, { reasonCode: "weather" }),
        ...booked.map(({ bookingId, who }, i) =>
          post(round + i + 1, `/api/bookings/${bookingId}/cancel`, who, { reasonCode: "sick" }),
        ),
      ]);
      assert.equal(gigCancel.status, 200, `round ${round}: ${JSON.stringify(gigCancel.body)}`);
      for (const answer of workerCancels) {
        const fine =
          answer.status === 200 ||
          (answer.status === 409 && answer.body.error?.code === "booking_not_cancellable");
        assert.ok(fine, `round ${round}: ${answer.status} ${JSON.stringify(answer.body)}`);
      }

      const db = t.ctx.database.db;
      const ids = booked.map((b) => b.bookingId);
      const rows = await db.select().from(bookings).where(inArray(bookings.id, ids));
      assert.ok(rows.every((b) => b.status === "cancelled"));
      const byWorker = new Set(rows.filter((b) => b.cancelledBy === "worker").map((b) => b.id));
      const workerWon = booked.filter((_, i) => workerCancels[i].status === 200).map((b) => b.bookingId);
      assert.deepEqual(
        [...byWorker].sort(),
        workerWon.sort(),
        "each worker told 'cancelled' is the one who did",
      );

      const [gig] = await db.select().from(gigs).where(eq(gigs.id, gigId));
      assert.equal(gig.status, "cancelled");
      assert.equal(gig.filledCount, 0);
      const events = await db
        .select({ kind: marketEvents.kind, subjectId: marketEvents.subjectId })
        .from(marketEvents)
        .where(inArray(marketEvents.subjectId, [...ids, gigId]));
      const cancelledOnce = events.filter((e) => e.kind === "booking_cancelled").map((e) => e.subjectId);
      assert.deepEqual(cancelledOnce.sort(), [...ids].sort(), "one booking_cancelled event per booking");
      assert.equal(events.filter((e) => e.kind === "gig_cancelled").length, 1);
    }
  });
});
