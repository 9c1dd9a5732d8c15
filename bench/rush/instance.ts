/**
 * One server instance for the rush benchmark, in its own process as in production: the real app
 * (LG_RUSH_MODE=app, on DATABASE_URL or the PGlite folder DATA_DIR) or Fastify's hello-world
 * (LG_RUSH_MODE=hello). Its clock stands still at the market's "now" so the prepared gigs stay
 * open. It reports its event-loop delay over the timed run to the parent on request (IPC), and on
 * PostgreSQL the statements each route sent per request and how many requests waited for a
 * pooled connection (sampled every 10 ms). With RUSH_CPU_PROF=dir it writes a V8 CPU profile of
 * the same span there (RUSH_PROFILE_AS names the file).
 */
import { writeFileSync } from "node:fs";
import { Session } from "node:inspector/promises";
import { join } from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import Fastify from "fastify";
import pg from "pg";
import { buildApp } from "../../src/app.ts";
import { connect } from "../../src/db/client.ts";
import { tagged } from "../../src/db/request-tag.ts";
import { ManualClock } from "../../src/platform/clock.ts";
import { loadConfig } from "../../src/platform/config.ts";
import { LogSmsProvider } from "../../src/platform/sms.ts";
import { loadReferenceData } from "../../src/reference/reference.loader.ts";

export interface LoopDelay {
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  /** Statements sent to PostgreSQL per request, by route (`GET /api/gigs`). */
  statementsPerRequest: Record<string, number>;
  /** Requests waiting for a pooled connection: mean and most, over the samples. */
  poolWaiting?: { mean: number; max: number };
}

/**
 * Counts the statements of each request, by the request id the app tags them with
 * (src/db/request-tag.ts), read where the request's own context is current: the pool's `query`
 * for a statement on its own, a checked-out connection's `query` for a transaction's (the pool
 * hands its own statements to a connection with a callback, and those are not counted twice).
 */
const statementsOf = new Map<string, number>();
const TAG = /^\/\* request_id=(\S+) \*\//;
function countStatement(): void {
  const id = TAG.exec(tagged(""))?.[1];
  if (id) statementsOf.set(id, (statementsOf.get(id) ?? 0) + 1);
}
const poolQuery = pg.Pool.prototype.query as (...args: unknown[]) => unknown;
(pg.Pool.prototype as { query: unknown }).query = function (this: pg.Pool, ...args: unknown[]) {
  countStatement();
  return poolQuery.apply(this, args);
};
const clientQuery = pg.Client.prototype.query as (...args: unknown[]) => unknown;
(pg.Client.prototype as { query: unknown }).query = function (this: pg.Client, ...args: unknown[]) {
  if (typeof args[args.length - 1] !== "function") countStatement();
  return clientQuery.apply(this, args);
};
const perRoute = new Map<string, { requests: number; statements: number }>();
const poolSamples: number[] = [];

type ParentMessage = { type: "loop-reset" } | { type: "loop-read" };

async function startApp() {
  const database = await connect({
    databaseUrl: process.env.DATABASE_URL,
    dataDir: process.env.DATA_DIR,
    poolSize: Number(process.env.POOL_SIZE ?? 10),
  });
  await loadReferenceData(database.db);
  const ctx = {
    config: { ...loadConfig({}), demo: false, logLevel: "silent" },
    database,
    clock: new ManualClock(new Date(Number(process.env.RUSH_NOW))),
    sms: new LogSmsProvider(() => {}),
  };
  const app = await buildApp(ctx, { logger: false });
  app.addHook("onResponse", async (request) => {
    const route = `${request.method} ${request.routeOptions.url}`;
    const counted = perRoute.get(route) ?? { requests: 0, statements: 0 };
    counted.requests += 1;
    counted.statements += statementsOf.get(request.id) ?? 0;
    statementsOf.delete(request.id);
    perRoute.set(route, counted);
  });
  const { poolStats } = database;
  if (poolStats) setInterval(() => poolSamples.push(poolStats().waiting), 10).unref();
  return app;
}

async function startHello() {
  const hello = Fastify({ logger: false });
  hello.get("/hello", async () => ({ hello: "world" }));
  return hello;
}

const app = process.env.LG_RUSH_MODE === "hello" ? await startHello() : await startApp();
await app.listen({ port: 0, host: "127.0.0.1" });
const loop = monitorEventLoopDelay({ resolution: 10 });
loop.enable();
const ms = (ns: number) => Math.round(ns / 1e5) / 10;
const profileDir = process.env.RUSH_CPU_PROF;
const profiler = profileDir ? new Session() : undefined;
profiler?.connect();

async function startSpan(): Promise<void> {
  loop.reset();
  perRoute.clear();
  poolSamples.length = 0;
  if (!profiler) return;
  await profiler.post("Profiler.enable");
  await profiler.post("Profiler.start");
}

async function endSpan(): Promise<LoopDelay> {
  if (profiler && profileDir) {
    const { profile } = await profiler.post("Profiler.stop");
    const name = `${process.env.RUSH_PROFILE_AS ?? "instance"}-${process.pid}.cpuprofile`;
    writeFileSync(join(profileDir, name), JSON.stringify(profile));
  }
  return {
    p50Ms: ms(loop.percentile(50)),
    p99Ms: ms(loop.percentile(99)),
    maxMs: ms(loop.max),
    statementsPerRequest: Object.fromEntries(
      [...perRoute].map(([route, c]) => [route, Math.round((10 * c.statements) / c.requests) / 10]),
    ),
    poolWaiting: poolSamples.length
      ? {
          mean: Math.round((10 * poolSamples.reduce((a, b) => a + b, 0)) / poolSamples.length) / 10,
          max: Math.max(...poolSamples),
        }
      : undefined,
  };
}

process.on("message", (message: ParentMessage) => {
  if (message.type === "loop-reset") void startSpan().then(() => process.send?.({ type: "loop-started" }));
  if (message.type === "loop-read") void endSpan().then((delay) => process.send?.({ type: "loop", delay }));
});
process.on("SIGTERM", () => {
  app.close().then(() => process.exit(0));
});
process.send?.({ type: "ready", port: (app.server.address() as { port: number }).port });
