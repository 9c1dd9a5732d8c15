/**
 * One server instance for the rush benchmark, in its own process as in production: the real app
 * (LG_RUSH_MODE=app, on DATABASE_URL or the PGlite folder DATA_DIR) or Fastify's hello-world
 * (LG_RUSH_MODE=hello). Its clock stands still at the market's "now" so the prepared gigs stay
 * open. It reports its event-loop delay over the timed run to the parent on request (IPC).
 */
import { monitorEventLoopDelay } from "node:perf_hooks";
import Fastify from "fastify";
import { buildApp } from "../../src/app.ts";
import { connect } from "../../src/db/client.ts";
import { ManualClock } from "../../src/platform/clock.ts";
import { loadConfig } from "../../src/platform/config.ts";
import { LogSmsProvider } from "../../src/platform/sms.ts";
import { loadReferenceData } from "../../src/reference/reference.loader.ts";

export interface LoopDelay {
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

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
  return buildApp(ctx, { logger: false });
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
process.on("message", (message: ParentMessage) => {
  if (message.type === "loop-reset") loop.reset();
  if (message.type === "loop-read") {
    const delay: LoopDelay = {
      p50Ms: ms(loop.percentile(50)),
      p99Ms: ms(loop.percentile(99)),
      maxMs: ms(loop.max),
    };
    process.send?.({ type: "loop", delay });
  }
});
process.on("SIGTERM", () => {
  app.close().then(() => process.exit(0));
});
process.send?.({ type: "ready", port: (app.server.address() as { port: number }).port });
