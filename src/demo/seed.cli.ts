/**
 * `npm run seed -- --workers N --gigs M [--seed S] [--history-days D] [--reset]`
 * Seeds the database named by DATABASE_URL, or the PGlite data directory (LINGGONG_DATA_DIR,
 * default ./data): migrations, reference data, then the demo city. Prints counts and time.
 */
import { parseArgs } from "node:util";
import { connect } from "../db/client.ts";
import { runMigrations } from "../db/migrate.ts";
import { loadConfig } from "../platform/config.ts";
import { loadReferenceData } from "../reference/reference.loader.ts";
import { demoAccountList } from "./demo-accounts.ts";
import { DEFAULT_SEED, FIRST_START_SIZES, loadDemoCity } from "./demo-city.ts";

const { values } = parseArgs({
  options: {
    workers: { type: "string", default: String(FIRST_START_SIZES.workers) },
    gigs: { type: "string", default: String(FIRST_START_SIZES.gigs) },
    seed: { type: "string", default: String(DEFAULT_SEED) },
    "history-days": { type: "string", default: String(FIRST_START_SIZES.historyDays) },
    reset: { type: "boolean", default: false },
  },
});

function positive(name: string, value: string | undefined): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} must be a whole number, got ${value}`);
  return n;
}

const config = loadConfig();
const database = await connect({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
try {
  await runMigrations(database);
  await loadReferenceData(database.db);
  const summary = await loadDemoCity(database.db, {
    seed: positive("seed", values.seed),
    workers: Math.max(1, positive("workers", values.workers)),
    gigs: positive("gigs", values.gigs),
    historyDays: positive("history-days", values["history-days"]),
    now: new Date(),
    reset: values.reset,
  });
  const where = database.kind === "pglite" ? `PGlite (${config.dataDir})` : "PostgreSQL";
  if (!summary.loaded) {
    console.log(`${where} already has workers; nothing loaded. Use --reset to replace the market data.`);
  } else {
    console.log(
      `Seeded ${where} in ${((summary.generateMs + summary.insertMs) / 1000).toFixed(1)} s (generate ${(summary.generateMs / 1000).toFixed(1)} s, insert ${(summary.insertMs / 1000).toFixed(1)} s):`,
    );
    for (const [table, count] of Object.entries(summary.counts))
      console.log(`  ${table.padEnd(16)} ${count}`);
    console.log("Demo accounts:");
    for (const line of demoAccountList()) console.log(`  ${line}`);
  }
} finally {
  await database.close();
}
