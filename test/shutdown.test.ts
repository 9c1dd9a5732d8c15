/**
 * Graceful shutdown: a request in flight when SIGTERM arrives still gets its answer, no new
 * connection is taken meanwhile, live streams are ended rather than waited for, and the
 * database is closed only once the requests are done.
 */
import assert from "node:assert/strict";
import { once } from "node:events";
import type { ServerResponse } from "node:http";
import { after, before, describe, it } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import { eq } from "drizzle-orm";
import { gigs } from "../src/db/schema/index.ts";
import { shutDown } from "../src/system/shutdown.ts";
import { startTestApp, type TestApp } from "./support/app.ts";
import { employer, postedGig } from "./support/market-fixtures.ts";
import { signal } from "./support/signal.ts";

/** Resolves to "timed out" if `work` takes longer than `ms`. */
function within<T>(work: Promise<T>, ms: number): Promise<T | "timed out"> {
  return Promise.race([work, sleep(ms).then(() => "timed out" as const)]);
}

/** Long enough that a shutdown waiting for it would fail the test, not cut it short. */
const NO_CUT_MS = 60_000;

describe("shutting down", () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
  });
  after(() => t.close());

  it("finishes the request in flight, refuses new connections, and closes the database last", async () => {
    const boss = await employer(t);
    const gigId = await postedGig(t, boss);
    const url = await t.app.listen({ port: 0, host: "127.0.0.1" });

    // Someone else holds the gig's row, so the cancellation below waits inside the server.
    const held = signal();
    const holding = t.ctx.database.db.transaction(async (tx) => {
      await tx.select().from(gigs).where(eq(gigs.id, gigId)).for("update");
      await held.promise;
    });
    const arrived = once(t.app.server, "request");
    const inFlight = fetch(`${url}/api/gigs/${gigId}/cancel`, {
      method: "POST",
      headers: { authorization: `Bearer ${boss.token}`, "content-type": "application/json" },
      body: JSON.stringify({ reasonCode: "weather" }),
    });
    const [, response] = (await arrived) as [unknown, ServerResponse];
    const order: string[] = [];
    response.on("finish", () => order.push("request answered"));

    const database = {
      ...t.ctx.database,
      close: async () => {
        order.push("database closed");
      },
    };
    const stopping = shutDown(
      { app: t.app, database, stopBackground: async () => void order.push("sweeper stopped") },
      NO_CUT_MS,
    );
    await sleep(200);
    await assert.rejects(fetch(`${url}/healthz`), "no new connections while draining");

    held.give();
    await holding;
    const answer = await inFlight;
    assert.equal(answer.status, 200);
    assert.equal(((await answer.json()) as { status: string }).status, "cancelled");
    assert.notEqual(await within(stopping, 5_000), "timed out");
    assert.deepEqual(order, ["sweeper stopped", "request answered", "database closed"]);
  });
});

describe("shutting down with a dashboard's live stream open", () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
  });
  after(() => t.close());

  it("ends the stream instead of waiting for the browser to leave", async () => {
    const admin = await t.tokenFor("city_admin");
    const url = await t.app.listen({ port: 0, host: "127.0.0.1" });
    const stream = await fetch(`${url}/api/monitoring/stream`, {
      headers: { authorization: `Bearer ${admin.token}` },
    });
    assert.equal(stream.status, 200);
    const reader = stream.body?.getReader();
    assert.ok(reader);
    assert.match(new TextDecoder().decode((await reader.read()).value), /event: figures/);

    const database = { ...t.ctx.database, close: async () => {} };
    const stopping = shutDown({ app: t.app, database, stopBackground: async () => {} }, NO_CUT_MS);
    const outcome = await within(stopping, 5_000);
    if (outcome === "timed out") t.app.server.closeAllConnections();
    assert.notEqual(outcome, "timed out", "shutdown waited for the stream");
    let ended = false;
    while (!ended) ended = (await reader.read()).done;
  });
});
