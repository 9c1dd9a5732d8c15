/**
 * Headcount under concurrency, across two server instances on one PostgreSQL database:
 * a gig's places hold however many accepts arrive at once (decision 0003).
 * Needs a real server: PGlite runs one query at a time, so it cannot race.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { and, eq, inArray } from "drizzle-orm";
import { bookings, gigs } from "../src/db/schema/index.ts";
import { startTestApp, type TestApp } from "./support/app.ts";
import { usingPostgres } from "./support/database.ts";
import { type Actor, type EmployerActor, employer, postedGig, worker } from "./support/market-fixtures.ts";

const skip = usingPostgres() ? false : "needs PostgreSQL: set TEST_DATABASE_URL to race two server instances";

describe("headcount holds under concurrent accepts on two instances", { skip }, () => {
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

  /** Fires every request at once, alternating between the two instances. */
  async function fireAll(calls: Array<{ path: string; as: Actor }>) {
    const responses = await Promise.all(
      calls.map(({ path, as }, i) =>
        fetch(`${urls[i % 2]}${path}`, { method: "POST", headers: { authorization: `Bearer ${as.token}` } }),
      ),
    );
    return Promise.all(
      responses.map(async (r) => ({
        status: r.status,
        body: (await r.json()) as { error: { code: string } },
      })),
    );
  }

  async function applications(gigId: string, count: number) {
    const ids: string[] = [];
    for (let i = 0; i < count; i++) {
      const who = await worker(t, { name: `工人${i}` });
      const response = await t.request("POST", `/api/gigs/${gigId}/applications`, {
        as: who.token,
        body: {},
      });
      ids.push(response.json().id);
    }
    return ids;
  }

  const liveBookings = (gigId: string) =>
    t.ctx.database.db
      .select()
      .from(bookings)
      .where(and(eq(bookings.gigId, gigId), inArray(bookings.status, ["booked", "confirmed"])));

  it("30 accepts at once on a gig with 5 places: exactly 5 bookings, 25 refused as full", async () => {
    const gigId = await postedGig(t, boss, { headcount: 5 });
    const ids = await applications(gigId, 30);
    const results = await fireAll(ids.map((id) => ({ path: `/api/applications/${id}/accept`, as: boss })));
    const ok = results.filter((r) => r.status === 200);
    const full = results.filter((r) => r.status === 409 && r.body.error.code === "gig_full");
    assert.equal(ok.length, 5, JSON.stringify(results.filter((r) => r.status !== 200 && r.status !== 409)));
    assert.equal(full.length, 25);
    assert.equal((await liveBookings(gigId)).length, 5);
    const [gig] = await t.ctx.database.db.select().from(gigs).where(eq(gigs.id, gigId));
    assert.equal(gig.filledCount, 5);
    assert.equal(gig.status, "filled");
  });

  it("the same application accepted twice at once makes one booking", async () => {
    const gigId = await postedGig(t, boss, { headcount: 3 });
    const [id] = await applications(gigId, 1);
    const results = await fireAll([
      { path: `/api/applications/${id}/accept`, as: boss },
      { path: `/api/applications/${id}/accept`, as: boss },
    ]);
    assert.deepEqual(results.map((r) => r.status).sort(), [200, 409]);
    assert.equal((await liveBookings(gigId)).length, 1);
    const [gig] = await t.ctx.database.db.select().from(gigs).where(eq(gigs.id, gigId));
    assert.equal(gig.filledCount, 1);
  });

  it("a worker accepting two overlapping invitations at once is booked once", async () => {
    const other = await employer(t, "另一家公司");
    const first = await postedGig(t, boss, {}, 72, 8);
    const overlapping = await postedGig(t, other, {}, 74, 8);
    const who = await worker(t);
    const invite = async (gigId: string, by: Actor) =>
      (
        await t.request("POST", `/api/gigs/${gigId}/invitations`, {
          as: by.token,
          body: { workerId: who.userId },
        })
      ).json().id as string;
    const ids = [await invite(first, boss), await invite(overlapping, other)];
    const results = await fireAll(ids.map((id) => ({ path: `/api/applications/${id}/accept`, as: who })));
    assert.deepEqual(results.map((r) => r.status).sort(), [200, 409]);
    assert.equal(results.find((r) => r.status === 409)?.body.error.code, "worker_time_clash");
    const held = await t.ctx.database.db.select().from(bookings).where(eq(bookings.workerId, who.userId));
    assert.equal(held.length, 1);
  });
});
