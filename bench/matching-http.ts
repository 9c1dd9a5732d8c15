/**
 * The recommendation route served by the real app on PostgreSQL, as in production (a scratch
 * database on BENCH_DATABASE_URL, default the local server), with demo-like gigs, for autocannon.
 */
import { randomBytes } from "node:crypto";
import pg from "pg";
import { startSession } from "../src/accounts/session.service.ts";
import { buildApp } from "../src/app.ts";
import { connect } from "../src/db/client.ts";
import { runMigrations } from "../src/db/migrate.ts";
import { employers, gigs, users, workerProfiles } from "../src/db/schema/index.ts";
import { COLUMNS_DEFAULT_NOW, generateOpenGigColumns } from "../src/demo/columns.ts";
import { ZHENJIANG_DISTRICTS } from "../src/demo/places.ts";
import { DEMO_CATEGORIES } from "../src/demo/work-patterns.ts";
import { ManualClock } from "../src/platform/clock.ts";
import { loadConfig } from "../src/platform/config.ts";
import { LogSmsProvider } from "../src/platform/sms.ts";
import { loadReferenceData } from "../src/reference/reference.loader.ts";

const GIGS = 20_000;

const SERVER = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

/** A fresh database on the server, migrated; dropped by `drop`. */
async function scratchDatabase() {
  const name = `lg_bench_http_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: SERVER });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(SERVER);
  url.pathname = `/${name}`;
  const database = await connect({ databaseUrl: url.toString(), poolSize: 10 });
  await runMigrations(database);
  return {
    database,
    drop: async () => {
      await database.close();
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

export async function startHttpTarget() {
  const scratch = await scratchDatabase();
  const db = scratch.database.db;
  await loadReferenceData(db);
  const [owner] = await db
    .insert(users)
    .values({ cityCode: "321100", role: "employer", phone: "13900000001" })
    .returning();
  const [employer] = await db
    .insert(employers)
    .values({ cityCode: "321100", ownerUserId: owner.id, kind: "enterprise", name: "压测用工方" })
    .returning();
  const c = generateOpenGigColumns(GIGS, 2);
  for (let start = 0; start < GIGS; start += 2_000) {
    const rows = Array.from({ length: Math.min(2_000, GIGS - start) }, (_, j) => start + j).map((i) => ({
      cityCode: "321100",
      districtCode: ZHENJIANG_DISTRICTS[c.district[i]].code,
      employerId: employer.id,
      postedByUserId: owner.id,
      categoryCode: DEMO_CATEGORIES[c.category[i]].code,
      title: `${DEMO_CATEGORIES[c.category[i]].nameZh}零工`,
      address: "镇江市",
      lat: c.lat[i],
      lng: c.lng[i],
      startsAt: new Date(c.startMs[i]),
      endsAt: new Date(c.endMs[i]),
      headcount: c.headcount[i],
      payFen: c.payFen[i],
      payUnit: DEMO_CATEGORIES[c.category[i]].defaultPayUnit,
      settlement: "same_day" as const,
      checkInCode: "0000",
    }));
    await db.insert(gigs).values(rows);
  }
  const [worker] = await db
    .insert(users)
    .values({ cityCode: "321100", role: "worker", phone: "13900000002" })
    .returning();
  await db.insert(workerProfiles).values({
    userId: worker.id,
    cityCode: "321100",
    name: "压测零工",
    categoryCodes: ["cleaning", "loading", "general_labour"],
    districtCodes: ["321102"],
    homeLat: 32.2,
    homeLng: 119.45,
    rangeKm: 10,
    expectedDailyPayFen: 20_000,
  });
  const clock = new ManualClock(new Date(COLUMNS_DEFAULT_NOW));
  const ctx = {
    config: { ...loadConfig({}), demo: false, logLevel: "silent" },
    database: scratch.database,
    clock,
    sms: new LogSmsProvider(() => {}),
  };
  const app = await buildApp(ctx, { logger: false });
  await app.listen({ port: 0, host: "127.0.0.1" });
  const { token } = await startSession(ctx, worker.id);
  const port = (app.server.address() as { port: number }).port;
  return {
    url: `http://127.0.0.1:${port}/api/workers/me/recommendations?k=20`,
    token,
    gigs: GIGS,
    close: async () => {
      await app.close();
      await scratch.drop();
    },
  };
}
