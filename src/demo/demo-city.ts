/**
 * Loading the demo city: generate, hash the demo password once, insert everything in one
 * transaction. `ensureDemoCity` does it on first start in demo mode, when there are no workers.
 */
import { hash } from "@node-rs/argon2";
import type { Db } from "../db/client.ts";
import type { AppContext } from "../platform/context.ts";
import { ZHENJIANG } from "../reference/reference.loader.ts";
import { type CityOptions, type DemoCityRows, generateCity } from "./city.generator.ts";
import { DEMO_PASSWORD } from "./city.staff.ts";
import { countWorkers, insertCity, lockDemoLoad, resetMarket } from "./demo.repository.ts";
import { demoAccountList } from "./demo-accounts.ts";

/** Loads in well under 30 seconds on PGlite on a small machine (see docs/demo-city.md). */
export const FIRST_START_SIZES = { workers: 1000, gigs: 220, historyDays: 120 } as const;
export const DEFAULT_SEED = 20231229;

export interface LoadSummary {
  loaded: boolean;
  counts: Record<keyof DemoCityRows, number>;
  generateMs: number;
  insertMs: number;
}

/** Staff and admins (the rows with a username) get the demo password. */
async function withPasswords(rows: DemoCityRows): Promise<DemoCityRows> {
  const passwordHash = await hash(DEMO_PASSWORD);
  return { ...rows, users: rows.users.map((u) => (u.username ? { ...u, passwordHash } : u)) };
}

function countsOf(rows: DemoCityRows): LoadSummary["counts"] {
  return Object.fromEntries(Object.entries(rows).map(([k, v]) => [k, v.length])) as LoadSummary["counts"];
}

export interface LoadOptions extends CityOptions {
  /** Empty the market tables first; otherwise load only into a city without workers. */
  reset?: boolean;
}

export async function loadDemoCity(db: Db, options: LoadOptions): Promise<LoadSummary> {
  const started = performance.now();
  const rows = await withPasswords(generateCity(options));
  const generateMs = performance.now() - started;
  const cityCode = rows.stations[0]?.cityCode ?? "";
  const loaded = await db.transaction(async (tx) => {
    await lockDemoLoad(tx);
    if (options.reset) await resetMarket(tx);
    else if ((await countWorkers(tx, cityCode)) > 0) return false;
    await insertCity(tx, rows);
    return true;
  });
  return { loaded, counts: countsOf(rows), generateMs, insertMs: performance.now() - started - generateMs };
}

/** First start in demo mode: a city without workers gets the demo city. */
export async function ensureDemoCity(ctx: AppContext): Promise<LoadSummary | null> {
  if (!ctx.config.demo) return null;
  if ((await countWorkers(ctx.database.db, ZHENJIANG.code)) > 0) return null;
  const summary = await loadDemoCity(ctx.database.db, {
    seed: DEFAULT_SEED,
    now: ctx.clock.now(),
    ...FIRST_START_SIZES,
  });
  if (summary.loaded)
    console.log(
      [
        "",
        `Demo city 演示城市 loaded in ${((summary.generateMs + summary.insertMs) / 1000).toFixed(1)} s: ${summary.counts.workerProfiles} workers, ${summary.counts.gigs} gigs, ${summary.counts.marketEvents} market events.`,
        "Demo accounts 演示账号:",
        ...demoAccountList().map((line) => `  ${line}`),
      ].join("\n"),
    );
  return summary;
}
