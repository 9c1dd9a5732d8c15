/**
 * The database goes away under two server instances (an administrator terminates every
 * backend, a failover, a network cut): the instances stay up, answer 503 with Retry-After
 * meanwhile, say not ready while notices cannot reach them, and afterwards catch up with what
 * they missed. Needs PostgreSQL: PGlite has no connections to cut.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import { sql } from "drizzle-orm";
import pg from "pg";
import { LISTEN_APPLICATION_NAME } from "../src/db/listen-feed.ts";
import { classifyDatabaseError } from "../src/platform/http/database-errors.ts";
import { startTestApp, type TestApp } from "./support/app.ts";
import { usingPostgres } from "./support/database.ts";
import { type EmployerActor, employer, gigBody } from "./support/market-fixtures.ts";

const skip = usingPostgres() ? false : "needs PostgreSQL: set TEST_DATABASE_URL to cut connections";

interface Answer {
  status: number;
  retryAfter: string | null;
  body: { id?: string; status?: string; error?: { code: string } };
}

describe("when the database connections are cut", { skip }, () => {
  let t: TestApp;
  let second: Awaited<ReturnType<TestApp["secondInstance"]>>;
  let urls: string[];
  let boss: EmployerActor;
  let admin: pg.Client;
  let databaseName: string;
  before(async () => {
    t = await startTestApp();
    second = await t.secondInstance();
    urls = [
      await t.app.listen({ port: 0, host: "127.0.0.1" }),
      await second.app.listen({ port: 0, host: "127.0.0.1" }),
    ];
    boss = await employer(t);
    databaseName = new URL(t.scratch.url ?? "").pathname.slice(1);
    admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await admin.connect();
  });
  after(async () => {
    await admin?.query(`ALTER DATABASE ${databaseName} WITH ALLOW_CONNECTIONS true`).catch(() => {});
    await admin?.end();
    // Closing an instance after its connections were cut has been seen to hang (see the session
    // notes); the faults are what this file tests, so closing is bounded and never blocks the run.
    await closeWithin(second?.close(), 15_000);
    await closeWithin(t?.close(), 15_000);
  });

  async function closeWithin(closing: Promise<void> | undefined, ms: number): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, ms);
    });
    await Promise.race([closing?.catch(() => undefined), late]);
    clearTimeout(timer);
  }

  async function call(instance: number, method: string, path: string, body?: unknown): Promise<Answer> {
    const response = await fetch(`${urls[instance]}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${boss.token}`,
        ...(body === undefined ? {} : { "content-type": "application/json" }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const answer = (await response.json()) as Answer["body"];
    return { status: response.status, retryAfter: response.headers.get("retry-after"), body: answer };
  }

  const postGig = (instance: number) => call(instance, "POST", "/api/gigs", gigBody(t));
  /** 200 once the gig is in that instance's matching index; 409 matching_gig_not_open before. */
  const inIndexOf = (instance: number, gigId: string) =>
    call(instance, "GET", `/api/gigs/${gigId}/recommended-workers?k=5`);

  async function eventually(what: string, check: () => Promise<boolean>, withinMs = 20_000): Promise<void> {
    const until = Date.now() + withinMs;
    while (!(await check())) {
      if (Date.now() > until) assert.fail(`not within ${withinMs} ms: ${what}`);
      await sleep(100);
    }
  }

  const terminate = (condition: string) =>
    admin.query(
      `select pg_terminate_backend(pid) from pg_stat_activity
        where datname = $1 and pid <> pg_backend_pid() ${condition}`,
      [databaseName],
    );

  it("a transaction holding a connection when it is cut fails as unavailable; the process lives on", async () => {
    const db = t.ctx.database.db;
    const held = db.transaction(async (tx) => {
      await tx.execute(sql`select 1`);
      // Between two statements the connection is checked out with no query running.
      await terminate("and state = 'idle in transaction'");
      await sleep(300);
      await tx.execute(sql`select 2`);
    });
    const error = await held.then(
      () => undefined,
      (e: unknown) => e,
    );
    assert.equal(classifyDatabaseError(error)?.code, "database_unavailable");
    assert.deepEqual(
      await db.execute(sql`select 1 as one`).then((r) => (r as unknown as { rows: unknown[] }).rows),
      [{ one: 1 }],
    );
  });

  it("every backend terminated three times under load: no crash, 503 with Retry-After or success, then caught up", async () => {
    const answers: Answer[] = [];
    let loading = true;
    const load = async (instance: number) => {
      while (loading) {
        answers.push(await postGig(instance));
        answers.push(await call(instance, "GET", "/api/gigs?pageSize=5"));
      }
    };
    const clients = [0, 1, 0, 1].map(load);
    for (let cut = 0; cut < 3; cut++) {
      await sleep(400);
      await terminate("");
    }
    await sleep(400);
    loading = false;
    await Promise.all(clients);

    const unexpected = answers.filter((a) => ![200, 201, 503].includes(a.status));
    assert.deepEqual(unexpected, [], "only successes and 503s");
    for (const a of answers.filter((a) => a.status === 503)) {
      assert.equal(a.body.error?.code, "database_unavailable");
      assert.ok(Number(a.retryAfter) > 0, "503 says when to retry");
    }
    const posted = answers.filter((a) => a.status === 201).map((a) => a.body.id as string);
    assert.ok(posted.length > 0, "the instances kept serving between cuts");

    await eventually("both instances ready again", async () => {
      const ready = await Promise.all([call(0, "GET", "/readyz"), call(1, "GET", "/readyz")]);
      return ready.every((r) => r.status === 200);
    });
    const fresh = await postGig(0);
    assert.equal(fresh.status, 201);
    for (const gigId of [...posted, fresh.body.id as string]) {
      for (const instance of [0, 1]) {
        await eventually(`gig ${gigId} in the index of instance ${instance}`, async () => {
          return (await inIndexOf(instance, gigId)).status === 200;
        });
      }
    }
  });

  it("not ready while the LISTEN connection is down; a gig posted meanwhile is caught up afterwards", async () => {
    // Warm the first instance's pool: its open connections survive what follows.
    assert.equal((await call(0, "GET", "/readyz")).status, 200);
    assert.equal((await call(1, "GET", "/readyz")).status, 200);
    await admin.query(`ALTER DATABASE ${databaseName} WITH ALLOW_CONNECTIONS false`);
    await terminate(`and application_name = '${LISTEN_APPLICATION_NAME}'`);

    await eventually("the second instance says not ready", async () => {
      const ready = await call(1, "GET", "/readyz");
      return ready.status === 503;
    });
    // Posted while no instance can hear it: its notice is lost.
    const missed = await postGig(0);
    assert.equal(missed.status, 201, JSON.stringify(missed.body));
    assert.equal((await inIndexOf(1, missed.body.id as string)).body.error?.code, "matching_gig_not_open");

    await admin.query(`ALTER DATABASE ${databaseName} WITH ALLOW_CONNECTIONS true`);
    await eventually(
      "the second instance ready again",
      async () => (await call(1, "GET", "/readyz")).status === 200,
    );
    await eventually("the missed gig in the second instance's index", async () => {
      return (await inIndexOf(1, missed.body.id as string)).status === 200;
    });
  });
});
