/**
 * npm run bench:startup — how long until a server answers /readyz with 200 (issue 15, item 5).
 *
 * Each start is a new process, timed from its spawn to the first 200 from /readyz (asked every
 * 25 ms). The baseline in the same run is Fastify's hello-world started the same way (Node's own
 * start plus the framework's), so the report shows what linggong adds on this machine now:
 *
 * - restart on an existing data folder (PGlite), compiled JavaScript (`node dist/server/main.js`,
 *   what a service manager runs) and through `npm start` (what a developer types: npm, the freshness
 *   checks of the web app and the compiled server, then the server);
 * - a fresh clone's first `npm start` with the demo city (the web app built, the server compiled, the
 *   city generated), node_modules linked from this checkout (npm ci is not timed);
 * - a PostgreSQL-backed instance (100k workers, 20k open gigs) restarted while another instance
 *   serves a steady load of 为你推荐 and browsing on the same database.
 *
 * Writes bench/results/startup.json and .md. STARTUP_RUNS (default 3) restarts per measurement;
 * STARTUP_SKIP=clone,postgres leaves parts out.
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import pg from "pg";
import { connect } from "../src/db/client.ts";
import { runMigrations } from "../src/db/migrate.ts";
import { loadReferenceData } from "../src/reference/reference.loader.ts";
import { freePort } from "../test/support/free-port.ts";
import { buildMarket, type Market } from "./rush/market.ts";

const ROOT = resolve(import.meta.dirname, "..");
const RUNS = Number(process.env.STARTUP_RUNS ?? 3);
const SKIP = new Set((process.env.STARTUP_SKIP ?? "").split(",").filter(Boolean));
const SERVER = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const READY_POLL_MS = 25;
const GIVE_UP_MS = 180_000;

interface Started {
  child: ChildProcess;
  readyMs: number;
  url: string;
}

/** Spawns `command` and times it until `path` answers 200. */
async function startTimed(
  command: string,
  args: string[],
  env: Record<string, string>,
  path = "/readyz",
  cwd = ROOT,
): Promise<Started> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const started = performance.now();
  const child = spawn(command, args, {
    cwd,
    env: { ...process.env, LOG_LEVEL: "warn", ...env, PORT: String(port), HOST: "127.0.0.1" },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  let exited: number | null = null;
  child.once("exit", (code) => {
    exited = code ?? -1;
  });
  while (performance.now() - started < GIVE_UP_MS) {
    if (exited !== null) throw new Error(`${command} ${args.join(" ")} exited with ${exited}`);
    const ok = await fetch(`${url}${path}`)
      .then((r) => r.status === 200)
      .catch(() => false);
    if (ok) return { child, readyMs: Math.round(performance.now() - started), url };
    await new Promise((r) => setTimeout(r, READY_POLL_MS));
  }
  await stop({ child, readyMs: 0, url });
  throw new Error(`${command} not ready within ${GIVE_UP_MS} ms`);
}

/**
 * Stops the process group (npm start runs the server as a grandchild) and waits until every
 * process in it is gone: npm exits at once, the server only when it has closed its database, and
 * a folder removed or a next start made before that would race a server still shutting down.
 */
async function stop(started: Started): Promise<void> {
  const group = -(started.child.pid as number);
  const alive = () => {
    try {
      process.kill(group, 0);
      return true;
    } catch {
      return false;
    }
  };
  if (!alive()) return;
  process.kill(group, "SIGTERM");
  const deadline = performance.now() + 30_000;
  while (alive()) {
    if (performance.now() > deadline) {
      console.warn(`pid ${started.child.pid}: still running 30 s after SIGTERM; killed`);
      process.kill(group, "SIGKILL");
      return;
    }
    await new Promise((r) => setTimeout(r, 25));
  }
}

interface Figure {
  what: string;
  runsMs: number[];
  medianMs: number;
  targetMs?: number;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function measure(
  what: string,
  runs: number,
  once: () => Promise<Started>,
  targetMs?: number,
): Promise<Figure> {
  const runsMs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = await once();
    runsMs.push(started.readyMs);
    await stop(started);
  }
  const figure = { what, runsMs, medianMs: median(runsMs), targetMs };
  console.log(`${what}: ${runsMs.join(", ")} ms (median ${figure.medianMs})`);
  return figure;
}

const HELLO = `
import Fastify from "fastify";
const app = Fastify();
app.get("/readyz", async () => ({ status: "ready" }));
await app.listen({ port: Number(process.env.PORT), host: "127.0.0.1" });
`;

function build(): void {
  for (const script of ["build:web", "build:server"]) {
    const result = spawnSync("npm", ["run", script], { cwd: ROOT, stdio: "inherit" });
    if (result.status !== 0) throw new Error(`npm run ${script} failed`);
  }
}

async function pgliteFigures(figures: Figure[]): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), "lg-startup-"));
  try {
    // The folder's first start writes the demo city; the restarts below find it there.
    const first = await startTimed("node", ["dist/server/main.js"], { LINGGONG_DATA_DIR: dataDir });
    console.log(`data folder prepared (first start, demo city generated): ${first.readyMs} ms`);
    await stop(first);
    const env = { LINGGONG_DATA_DIR: dataDir };
    figures.push(
      await measure(
        "restart on an existing data folder: node dist/server/main.js",
        RUNS,
        () => startTimed("node", ["dist/server/main.js"], env),
        5_000,
      ),
    );
    figures.push(
      await measure(
        "restart on an existing data folder: npm start",
        RUNS,
        () => startTimed("npm", ["start", "--silent"], env),
        5_000,
      ),
    );
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function cloneFigure(figures: Figure[]): Promise<void> {
  const folder = mkdtempSync(join(tmpdir(), "lg-clone-"));
  try {
    const clone = spawnSync("git", ["clone", "--quiet", ROOT, folder], { stdio: "inherit" });
    if (clone.status !== 0) throw new Error("git clone failed");
    symlinkSync(join(ROOT, "node_modules"), join(folder, "node_modules"));
    figures.push(
      await measure(
        "a fresh clone's first npm start (web build, server build, demo city)",
        1,
        () =>
          startTimed(
            "npm",
            ["start", "--silent"],
            { LINGGONG_DATA_DIR: join(folder, "data") },
            "/readyz",
            folder,
          ),
        30_000,
      ),
    );
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** Browsing and 为你推荐 from signed-in workers, `width` at a time, until stopped. */
function steadyLoad(url: string, market: Market, width: number) {
  let running = true;
  let served = 0;
  let failed = 0;
  const one = async (i: number) => {
    const token = market.workerTokens[i % market.workerTokens.length];
    const path = i % 2 === 0 ? "/api/workers/me/recommendations?k=20" : "/api/gigs?sort=soonest&page=1";
    const response = await fetch(`${url}${path}`, { headers: { authorization: `Bearer ${token}` } }).catch(
      () => null,
    );
    if (response?.ok) served += 1;
    else failed += 1;
    await response?.arrayBuffer().catch(() => undefined);
  };
  const lanes = Array.from({ length: width }, async (_, lane) => {
    for (let i = lane; running; i += width) await one(i);
  });
  return {
    stop: async () => {
      running = false;
      await Promise.all(lanes);
      return { served, failed };
    },
  };
}

async function postgresFigures(figures: Figure[]): Promise<Record<string, number>> {
  const name = `lg_startup_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: SERVER });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(SERVER);
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();
  const counts = { served: 0, failed: 0 };
  try {
    const database = await connect({ databaseUrl });
    await runMigrations(database);
    await loadReferenceData(database.db);
    console.log("writing the market: 100k workers, 20k open gigs");
    const market = await buildMarket(database.db, Date.now(), {
      workers: 100_000,
      employers: 1_000,
      gigs: 20_000,
      checkIns: 0,
      accepts: 0,
      applies: 0,
      signedInWorkers: 2_000,
    });
    // As autovacuum would after a bulk load: a city's database has its planner statistics.
    await database.exec("analyze");
    await database.close();
    const env = { DATABASE_URL: databaseUrl, LINGGONG_DEMO: "false" };
    const node = () => startTimed("node", ["dist/server/main.js"], env);
    figures.push(await measure("PostgreSQL, 100k workers and 20k gigs: start, quiet", RUNS, node, 5_000));
    const serving = await node();
    const load = steadyLoad(serving.url, market, 16);
    try {
      figures.push(
        await measure(
          "PostgreSQL, 100k workers and 20k gigs: restart while another instance serves load",
          RUNS,
          node,
          5_000,
        ),
      );
    } finally {
      await load.stop().then(async (served) => {
        await stop(serving);
        console.log(`the serving instance answered ${served.served} requests (${served.failed} failed)`);
        Object.assign(counts, served);
      });
    }
    return counts;
  } finally {
    await admin.query(`drop database if exists ${name} with (force)`).catch(() => undefined);
    await admin.end();
  }
}

function report(figures: Figure[], hello: Figure, load: Record<string, number> | null, startedAt: Date) {
  const row = (f: Figure) =>
    `| ${f.what} | ${f.runsMs.join(", ")} | ${f.medianMs} | ${(f.medianMs / hello.medianMs).toFixed(1)}× | ${
      f.targetMs === undefined
        ? ""
        : `≤ ${f.targetMs / 1000} s: ${f.medianMs <= f.targetMs ? "met" : "missed"}`
    } |`;
  return `# Start-up

Run ${startedAt.toISOString()} by \`npm run bench:startup\`. Each start is a new process, timed from
its spawn to the first 200 from \`/readyz\`; the baseline is Fastify's hello-world started the same
way in the same run. The machine is shared (2 cores): compare against the baseline.

| start | runs (ms) | median (ms) | × hello-world | target |
|---|---|---:|---:|---|
${row(hello)}
${figures.map(row).join("\n")}
${
  load
    ? `\nDuring the restarts under load the serving instance answered ${load.served} requests (${load.failed} failed).\n`
    : ""
}`;
}

const startedAt = new Date();
build();
const helloFile = join(ROOT, "bench", ".startup-hello.mjs");
writeFileSync(helloFile, HELLO);
const hello = await measure("Fastify hello-world (baseline)", RUNS, () =>
  startTimed("node", [helloFile], {}),
);
rmSync(helloFile);
const figures: Figure[] = [];
await pgliteFigures(figures);
if (!SKIP.has("clone")) await cloneFigure(figures);
const load = SKIP.has("postgres") ? null : await postgresFigures(figures);
writeFileSync(
  join(ROOT, "bench/results/startup.json"),
  `${JSON.stringify({ startedAt, runs: RUNS, hello, figures, load }, null, 2)}\n`,
);
writeFileSync(join(ROOT, "bench/results/startup.md"), report(figures, hello, load, startedAt));
console.log("wrote bench/results/startup.md");
