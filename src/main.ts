/** `npm start`: connect, migrate, load reference data, start serving, print where to go. */
import { buildApp } from "./app.ts";
import { connect } from "./db/client.ts";
import { runMigrations } from "./db/migrate.ts";
import { ensureDemoCity } from "./demo/demo-city.ts";
import { startSweeper } from "./lifecycle/sweeper.ts";
import { startDelivery } from "./notifications/delivery.ts";
import { LogVoiceProvider } from "./notifications/voice.ts";
import { systemClock } from "./platform/clock.ts";
import { loadConfig } from "./platform/config.ts";
import type { AppContext } from "./platform/context.ts";
import { startPrivateNumberRelease } from "./privacy/private-numbers.ts";
import { startRetention } from "./privacy/retention.ts";
import { loadReferenceData } from "./reference/reference.loader.ts";
import { numberMaskingFrom, smsProviderFrom } from "./system/providers.ts";
import { SHUTDOWN_DEADLINE_MS, shutDown } from "./system/shutdown.ts";

const config = loadConfig();
/** Connections lost and found again are worth a line in the log, never an exit. */
let logConnectionError = (error: unknown) => console.warn("database connection error", error);
const database = await connect({
  databaseUrl: config.databaseUrl,
  readUrl: config.databaseReadUrl,
  maxReplicaLagSeconds: config.maxReplicaLagSeconds,
  preparedStatements: config.databasePreparedStatements,
  dataDir: config.dataDir,
  onConnectionError: (error) => logConnectionError(error),
});
await runMigrations(database);
await loadReferenceData(database.db);

const ctx: AppContext = {
  config,
  database,
  clock: systemClock,
  sms: smsProviderFrom(config),
  numbers: numberMaskingFrom(config),
};
await ensureDemoCity(ctx);
const app = await buildApp(ctx);
logConnectionError = (error) => app.log.warn({ err: error }, "database connection error");
/** Closes forgotten check-outs, no-shows, ended gigs and stale applications once a minute. */
const SWEEP_INTERVAL_MS = 60_000;
let stopSweeper = async () => {};
/** Sends waiting SMS and voice calls every few seconds (and at once when one is written). */
const DELIVERY_INTERVAL_MS = 5_000;
let stopDelivery = async () => {};
/** Deletes codes, sign-in attempts, sessions, message logs and audit rows past their keeping time. */
const RETENTION_INTERVAL_MS = 3_600_000;
let stopRetention = async () => {};
/** Gives back private numbers of bookings cancelled or missed, once a minute. */
const NUMBER_RELEASE_INTERVAL_MS = 60_000;
let stopNumberRelease = async () => {};

let stopping = false;
const stop = (signal: string) => {
  if (stopping) return;
  stopping = true;
  app.log.info({ signal }, "shutting down: draining requests in flight");
  setTimeout(() => {
    app.log.error("shutdown took too long; exiting");
    process.exit(1);
  }, SHUTDOWN_DEADLINE_MS).unref();
  shutDown({
    app,
    database,
    stopBackground: async () => {
      await stopSweeper();
      await stopDelivery();
      await stopRetention();
      await stopNumberRelease();
    },
  }).then(
    () => process.exit(0),
    (error) => {
      app.log.error({ err: error }, "shutdown failed");
      process.exit(1);
    },
  );
};
process.on("SIGINT", () => stop("SIGINT"));
process.on("SIGTERM", () => stop("SIGTERM"));

await app.listen({ port: config.port, host: config.host });
stopSweeper = startSweeper(ctx, SWEEP_INTERVAL_MS, (error) =>
  app.log.error({ err: error }, "sweeper round failed"),
);
if (ctx.numbers)
  stopNumberRelease = startPrivateNumberRelease(ctx, NUMBER_RELEASE_INTERVAL_MS, (error) =>
    app.log.error({ err: error }, "private number release round failed"),
  );
stopRetention = startRetention(ctx, RETENTION_INTERVAL_MS, (error) =>
  app.log.error({ err: error }, "retention round failed"),
);
stopDelivery = await startDelivery(
  ctx,
  { sms: ctx.sms, voice: new LogVoiceProvider() },
  DELIVERY_INTERVAL_MS,
  (error) => app.log.error({ err: error }, "message delivery round failed"),
);
const base = `http://${config.host === "0.0.0.0" ? "127.0.0.1" : config.host}:${config.port}`;
console.log(
  [
    "",
    `linggong 零工市场 is running on ${database.kind === "pglite" ? `PGlite (${config.dataDir})` : "PostgreSQL"}`,
    `  首页 Start            ${base}/`,
    `  零工 Worker app       ${base}/worker`,
    `  雇主 Employer portal  ${base}/employer`,
    `  驿站 Station console  ${base}/station`,
    `  监测 Monitoring       ${base}/admin   (大屏 wall display: ${base}/admin/screen)`,
    `  API docs              ${base}/api/docs`,
    `  Health                ${base}/healthz`,
    config.demo ? "  Demo mode: sign-in codes are shown on screen; demo accounts are listed in README." : "",
    "",
  ].join("\n"),
);
