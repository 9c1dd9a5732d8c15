/**
 * The outbox survives a kill -9 of a sending instance mid-batch: two instances send on PostgreSQL,
 * one is killed while its batch is at the gateway, and every message still reaches its phone
 * exactly once (the gateway stub drops a repeated out-id, as real gateways do).
 */
import assert from "node:assert/strict";
import { type ChildProcess, fork } from "node:child_process";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { after, before, describe, it } from "node:test";
import { eq } from "drizzle-orm";
import {
  notificationCityRules,
  notificationOutbox,
  notificationPreferences,
} from "../src/db/schema/index.ts";
import { notify } from "../src/notifications/notify.ts";
import { startTestApp, type TestApp } from "./support/app.ts";
import { usingPostgres } from "./support/database.ts";
import { worker } from "./support/market-fixtures.ts";

const MESSAGES = 60;

/** A gateway that is slow to answer and counts deliveries per out-id. */
function gatewayStub() {
  const calls = new Map<string, number>();
  const server: Server = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk) => {
      body += chunk;
    });
    request.on("end", () => {
      const { outId } = JSON.parse(body) as { outId: string };
      calls.set(outId, (calls.get(outId) ?? 0) + 1);
      setTimeout(() => {
        response.writeHead(200, { "content-type": "application/json" });
        response.end(JSON.stringify({ providerMessageId: `stub-${outId}` }));
      }, 40);
    });
  });
  return { calls, server };
}

function sender(databaseUrl: string, gatewayUrl: string): ChildProcess {
  return fork("test/support/outbox-sender.ts", [], {
    execArgv: ["--import", "tsx"],
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      GATEWAY_URL: gatewayUrl,
      LEASE_MS: "2000",
      BATCH: "10",
    },
    stdio: "ignore",
  });
}

async function until(condition: () => boolean | Promise<boolean>, timeoutMs: number) {
  const end = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > end) throw new Error("timed out");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe("the outbox on two instances, one killed mid-batch", {
  skip: !usingPostgres() && "needs PostgreSQL",
}, () => {
  let t: TestApp;
  const stub = gatewayStub();
  const children: ChildProcess[] = [];
  before(async () => {
    t = await startTestApp();
    await new Promise<void>((resolve) => stub.server.listen(0, "127.0.0.1", resolve));
  });
  after(async () => {
    for (const child of children) child.kill("SIGKILL");
    stub.server.close();
    await t.close();
  });

  it("delivers every message exactly once to the phone, none lost", async () => {
    const db = t.ctx.database.db;
    // No quiet hours and no daily limit here: this test is about crashes, whatever the hour.
    await db
      .insert(notificationCityRules)
      .values({ cityCode: "321100", smsDailyLimit: 1000, quietFromHour: 0, quietToHour: 0 });
    const people = [await worker(t), await worker(t), await worker(t)];
    for (const who of people) {
      await db.insert(notificationPreferences).values({ userId: who.userId, cityCode: "321100", sms: true });
    }
    await db.transaction(async (tx) => {
      for (let i = 0; i < MESSAGES; i++) {
        await notify(tx, {
          userId: people[i % 3].userId,
          kind: "invitation_received",
          facts: { gig: `活 ${i}`, employer: "好帮手", startsAt: new Date().toISOString() },
          link: "/worker/work",
          at: new Date(Date.now() - 1000),
        });
      }
    });
    const url = `http://127.0.0.1:${(stub.server.address() as AddressInfo).port}/send`;
    const scratchUrl = t.scratch.url as string;

    const doomed = sender(scratchUrl, url);
    const survivor = sender(scratchUrl, url);
    children.push(doomed, survivor);
    // Kill one instance while it has messages at the gateway and others claimed but not sent.
    await until(() => stub.calls.size >= 15, 30_000);
    doomed.kill("SIGKILL");
    const killedAt = stub.calls.size;

    const sentCount = async () =>
      (await db.select().from(notificationOutbox).where(eq(notificationOutbox.status, "sent"))).length;
    await until(async () => (await sentCount()) === MESSAGES, 60_000);
    survivor.kill("SIGKILL");

    const rows = await db.select().from(notificationOutbox);
    assert.equal(rows.length, MESSAGES);
    assert.ok(rows.every((r) => r.status === "sent" && r.providerMessageId === `stub-${r.id}`));
    assert.equal(stub.calls.size, MESSAGES, "each message reached the gateway");
    assert.deepEqual(
      [...stub.calls.keys()].sort(),
      rows.map((r) => r.id).sort(),
      "and only the outbox's messages",
    );
    // A repeat reaches the gateway only for a message the killed instance had in hand; the gateway
    // drops it by its out-id, so each phone gets the message once.
    const repeated = [...stub.calls.values()].filter((n) => n > 1).length;
    assert.ok(repeated <= 10, `at most one batch resent (${repeated})`);
    assert.ok(killedAt < MESSAGES, "the kill came mid-run");
    const retried = rows.filter((r) => r.attempts > 1).length;
    assert.ok(retried >= repeated);
  });
});
