/**
 * `npm run bench:monitoring`: the dashboard API's latency per page on a year of history
 * (100,000 workers, 1,000,000 applications) in PostgreSQL, against the same figures computed by
 * plain aggregate queries over the raw tables, in the same run. Creates and drops its own
 * scratch database. Results: bench/results/monitoring.json and .md.
 */
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import pg from "pg";
import { startSession } from "../src/accounts/session.service.ts";
import { buildApp } from "../src/app.ts";
import { connect } from "../src/db/client.ts";
import { runMigrations } from "../src/db/migrate.ts";
import { users } from "../src/db/schema/index.ts";
import { MonitoringRollup } from "../src/monitoring/rollup.ts";
import { ManualClock } from "../src/platform/clock.ts";
import { loadConfig } from "../src/platform/config.ts";
import type { AppContext } from "../src/platform/context.ts";
import { LogSmsProvider } from "../src/platform/sms.ts";
import { loadReferenceData } from "../src/reference/reference.loader.ts";
import { baselineQueries } from "./monitoring.baseline.ts";
import { generateHistory, SCALE } from "./monitoring.data.ts";

const SERVER = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const REQUESTS_PER_PAGE = 40;
const PAGES = ["overview", "supply-demand", "wages", "quality", "complaints", "districts"];
/** The year of history ends here; the dashboards are asked about months and quarters in it. */
const NOW = new Date("2024-12-31T04:00:00Z");

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] * 10) / 10;
}

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

/** A month, quarter or week of 2024 for request i, so requests do not repeat one period. */
function periodQuery(i: number): string {
  const month = String((i % 12) + 1).padStart(2, "0");
  const kind = ["month", "quarter", "week", "month"][i % 4];
  return `period=${kind}&date=2024-${month}-15`;
}

async function main(): Promise<void> {
  const name = `lg_bench_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: SERVER });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(SERVER);
  url.pathname = `/${name}`;
  const database = await connect({ databaseUrl: url.toString(), poolSize: 10 });
  const results: Record<string, unknown> = {
    scale: SCALE,
    machine: "2 shared cores, other engineers working",
  };
  try {
    await runMigrations(database);
    await loadReferenceData(database.db);
    const genMs = await timed(() => generateHistory(url.toString()));
    console.log(`generated in ${(genMs / 1000).toFixed(1)} s`);
    const ctx: AppContext = {
      config: { ...loadConfig({}), logLevel: "silent" },
      database,
      clock: new ManualClock(NOW),
      sms: new LogSmsProvider(() => {}),
    };
    let events = 0;
    const rollupMs = await timed(async () => {
      events = await new MonitoringRollup(ctx, { batchSize: 20_000 }).catchUp();
    });
    console.log(`rollup caught up on ${events} events in ${(rollupMs / 1000).toFixed(1)} s`);
    results.generateSeconds = Math.round(genMs / 100) / 10;
    results.rollup = {
      events,
      seconds: Math.round(rollupMs / 100) / 10,
      eventsPerSecond: Math.round(events / (rollupMs / 1000)),
    };

    const app = await buildApp(ctx, { logger: false });
    await app.ready();
    const [cityAdmin] = await database.db
      .insert(users)
      .values({ cityCode: "321100", role: "city_admin" })
      .returning();
    const { token } = await startSession(ctx, cityAdmin.id);
    const api: Record<string, { p50: number; p95: number; max: number }> = {};
    for (const page of PAGES) {
      const times: number[] = [];
      for (let i = 0; i < REQUESTS_PER_PAGE; i++) {
        times.push(
          await timed(async () => {
            const res = await app.inject({
              url: `/api/monitoring/${page}?${periodQuery(i)}`,
              headers: { authorization: `Bearer ${token}` },
            });
            if (res.statusCode !== 200)
              throw new Error(`${page}: ${res.statusCode} ${res.body.slice(0, 200)}`);
          }),
        );
      }
      api[page] = { p50: percentile(times, 50), p95: percentile(times, 95), max: percentile(times, 100) };
      console.log(`api ${page}: p50 ${api[page].p50} ms, p95 ${api[page].p95} ms`);
    }
    await app.close();

    const baseline: Record<string, { p50: number; p95: number; max: number }> = {};
    for (const [page, run] of Object.entries(baselineQueries)) {
      const times: number[] = [];
      for (let i = 0; i < Math.min(REQUESTS_PER_PAGE, 12); i++)
        times.push(await timed(() => run(database.db, periodQuery(i))));
      baseline[page] = {
        p50: percentile(times, 50),
        p95: percentile(times, 95),
        max: percentile(times, 100),
      };
      console.log(`raw ${page}: p50 ${baseline[page].p50} ms, p95 ${baseline[page].p95} ms`);
    }
    results.api = api;
    results.rawAggregates = baseline;
    results.targetP95Ms = 200;
    results.requestsPerPage = REQUESTS_PER_PAGE;
    writeResults(results);
  } finally {
    await database.close();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

/** The API figures of the previous run, to show before and after side by side. */
function previousRun(): Record<string, { p95: number }> {
  if (!existsSync("bench/results/monitoring.json")) return {};
  return JSON.parse(readFileSync("bench/results/monitoring.json", "utf8")).api ?? {};
}

function writeResults(results: Record<string, unknown>): void {
  const api = results.api as Record<string, { p50: number; p95: number; max: number }>;
  const raw = results.rawAggregates as Record<string, { p50: number; p95: number }>;
  const before = previousRun();
  const lines = [
    "# Monitoring benchmark",
    "",
    `Scale: ${JSON.stringify(results.scale)}. PostgreSQL, ${results.machine}.`,
    `Rollup catch-up over the whole history: ${JSON.stringify(results.rollup)}.`,
    "",
    "| page | API p50 ms | API p95 ms | API max ms | target p95 | previous run p95 ms | raw aggregates p50 ms | raw aggregates p95 ms |",
    "|---|---|---|---|---|---|---|---|",
    ...Object.keys(api).map(
      (page) =>
        `| ${page} | ${api[page].p50} | ${api[page].p95} | ${api[page].max} | ${api[page].p95 <= 200 ? "≤ 200 met" : `missed by ${Math.round(api[page].p95 - 200)} ms`} | ${before[page]?.p95 ?? "–"} | ${raw[page]?.p50 ?? "–"} | ${raw[page]?.p95 ?? "–"} |`,
    ),
    "",
    "Each API request computes the period, the previous period and the same period last year.",
    "Valid seekers are counted from each server's in-memory copy of the seeking spells (SeekerIndex),",
    "loaded when the server starts: the first request waits for that load if it is not done (the max).",
    "The raw-aggregate column computes the same three periods with plain aggregate queries over",
    "gigs, applications, bookings and worker_profiles (bench/monitoring.baseline.ts).",
  ];
  writeFileSync("bench/results/monitoring.json", `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync("bench/results/monitoring.md", `${lines.join("\n")}\n`);
}

await main();
