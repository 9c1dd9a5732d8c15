import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { sql } from "drizzle-orm";
import pg from "pg";
import { createScratchDatabase, type ScratchDatabase, usingPostgres } from "../../test/support/database.ts";
import { startSession } from "../accounts/session.service.ts";
import { buildApp } from "../app.ts";
import { ManualClock } from "../platform/clock.ts";
import { loadConfig } from "../platform/config.ts";
import type { App } from "../platform/http/types.ts";
import { LogSmsProvider } from "../platform/sms.ts";
import { loadReferenceData } from "../reference/reference.loader.ts";
import { connect, type Database, queryRows } from "./client.ts";
import { users } from "./schema/index.ts";

/** The value of one series of the Prometheus text, or undefined when it is absent. */
function sample(text: string, series: string): number | undefined {
  const line = text.split("\n").find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

async function databaseName(db: Database["db"]): Promise<string> {
  const [row] = await queryRows<{ name: string }>(db, sql`select current_database() as name`);
  return row.name;
}

/**
 * The "replica" here is a second database on the same server, so each read shows where it went;
 * the drill (npm run drill:cluster) runs the same code against a real streaming standby.
 */
describe("DATABASE_READ_URL: monitoring reads from a replica", {
  skip: !usingPostgres() && "needs PostgreSQL",
}, () => {
  let primary: ScratchDatabase;
  let replica: ScratchDatabase;
  const opened: Array<{ app: App; database: Database }> = [];

  before(async () => {
    primary = await createScratchDatabase();
    replica = await createScratchDatabase();
    await loadReferenceData(primary.database.db);
    await loadReferenceData(replica.database.db);
  });
  after(async () => {
    for (const { app, database } of opened) {
      await app.close();
      await database.close();
    }
    await primary?.drop();
    await replica?.drop();
  });

  async function instance(readUrl: string) {
    const database = await connect({ databaseUrl: primary.url, readUrl, onConnectionError: () => {} });
    const ctx = {
      config: { ...loadConfig({}), demo: false, logLevel: "silent" },
      database,
      clock: new ManualClock(new Date()),
      sms: new LogSmsProvider(() => {}),
    };
    const app = await buildApp(ctx, { logger: false });
    await app.ready();
    opened.push({ app, database });
    const [admin] = await database.db
      .insert(users)
      .values({ role: "city_admin", cityCode: "321100", displayName: "监测员" })
      .returning();
    const { token } = await startSession(ctx, admin.id);
    const get = (url: string) =>
      app.inject({ method: "GET", url, headers: { authorization: `Bearer ${token}` } });
    return { app, database, get };
  }

  it("sends monitoring reads to the replica while it is up, and shows its lag in /readyz and /metrics", async () => {
    const { database, get } = await instance(replica.url as string);
    assert.equal(await databaseName(database.reads()), await databaseName(replica.database.db));
    assert.equal(await databaseName(database.db), await databaseName(primary.database.db));
    assert.deepEqual(database.replica?.(), { up: true, lagSeconds: 0, inUse: true });

    const page = await get("/api/monitoring/overview?period=month&date=2026-11-15");
    assert.equal(page.statusCode, 200, page.body);
    const ready = (await get("/readyz")).json();
    assert.equal(ready.status, "ready");
    assert.deepEqual(ready.replica, { up: true, lagSeconds: 0, inUse: true });
    const metrics = (await get("/metrics")).body;
    assert.equal(sample(metrics, 'linggong_db_replica_lag_seconds{app="linggong"}'), 0);
    assert.equal(sample(metrics, 'linggong_db_replica_in_use{app="linggong"}'), 1);
  });

  it("answers from the primary while the replica cannot be reached, and stays ready", async () => {
    const { database, get } = await instance("postgres://postgres@127.0.0.1:1/nowhere");
    assert.equal(database.reads(), database.db);
    assert.deepEqual(database.replica?.(), { up: false, lagSeconds: null, inUse: false });

    const page = await get("/api/monitoring/overview?period=month&date=2026-11-15");
    assert.equal(page.statusCode, 200, page.body);
    const ready = await get("/readyz");
    assert.equal(ready.statusCode, 200);
    assert.equal(ready.json().replica.up, false);
    const metrics = (await get("/metrics")).body;
    assert.equal(sample(metrics, 'linggong_db_replica_in_use{app="linggong"}'), 0);
    assert.ok(Number.isNaN(sample(metrics, 'linggong_db_replica_lag_seconds{app="linggong"}')));
  });

  it("survives the replica's connections being cut: the next read connects again", async () => {
    const { database, get } = await instance(replica.url as string);
    await get("/api/monitoring/overview?period=month&date=2026-11-15");
    const admin = new pg.Client({ connectionString: primary.url });
    await admin.connect();
    try {
      const { rowCount } = await admin.query(
        "select pg_terminate_backend(pid) from pg_stat_activity where application_name = 'linggong-read' and datname = $1",
        [await databaseName(replica.database.db)],
      );
      assert.ok((rowCount ?? 0) >= 1, "the replica's pool had connections to cut");
    } finally {
      await admin.end();
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
    const page = await get("/api/monitoring/overview?period=month&date=2026-11-15");
    assert.equal(page.statusCode, 200, page.body);
    assert.equal(await databaseName(database.reads()), await databaseName(replica.database.db));
  });
});
