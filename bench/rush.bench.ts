/**
 * npm run bench:rush — the morning rush (6–9 am) at the hello-world ceiling.
 *
 * A market of 100k workers and 20k open gigs is written to a scratch PostgreSQL database; two app
 * instances (separate processes, as behind a balancer) serve a scripted mix — browse and 为你推荐
 * 70 %, gig detail 10 %, apply 8 %, accept 4 %, check-in 5 %, employer lists 3 % — signed in as
 * 10,000 distinct people (9,000 workers, 1,000 employers), over keep-alive connections. The baseline
 * in the same run is Fastify's hello-world, two instances, the same client, connections and count.
 * Then 为你推荐 alone, and the same mix on the embedded database (one instance, PGlite) with its
 * event-loop delay. Every write has its own prepared object, so every answer should be a 2xx.
 * Writes bench/results/rush.json and .md.
 */
import { type ChildProcess, fork } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { connect, type Database } from "../src/db/client.ts";
import { runMigrations } from "../src/db/migrate.ts";
import { COLUMNS_DEFAULT_NOW } from "../src/demo/columns.ts";
import { loadReferenceData } from "../src/reference/reference.loader.ts";
import type { LoopDelay } from "./rush/instance.ts";
import { play, type RunFigures } from "./rush/load.ts";
import { buildMarket, type Market, type RushSizes } from "./rush/market.ts";
import { countsFor, type Prepared, ROUTES, type ScriptedRequest, scriptFor, WRITES } from "./rush/mix.ts";
import { summarise, summaryMarkdown } from "./rush/profile-summary.ts";

const SERVER = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const REQUESTS = Number(process.env.RUSH_REQUESTS ?? 30_000);
const PGLITE_REQUESTS = Number(process.env.RUSH_PGLITE_REQUESTS ?? 6_000);
const CONNECTIONS = Number(process.env.RUSH_CONNECTIONS ?? 64);
const NOW = COLUMNS_DEFAULT_NOW;
/** RUSH_CPU_PROF=dir: the app instances write V8 CPU profiles there (for the hot path in the report). */
const PROFILE_DIR = process.env.RUSH_CPU_PROF;
/** RUSH_ONLY=postgres or pglite: one half of the benchmark (profiling, quick tries). */
const ONLY = process.env.RUSH_ONLY;

function sizesFor(requests: number): RushSizes {
  const counts = countsFor(requests);
  return {
    workers: 100_000,
    employers: 1_000,
    gigs: 20_000,
    checkIns: counts.checkIn,
    accepts: counts.accept,
    applies: counts.apply,
    signedInWorkers: 9_000,
  };
}

interface Instance {
  url: string;
  child: ChildProcess;
}

function startInstance(env: Record<string, string>): Promise<Instance> {
  const child = fork(new URL("./rush/instance.ts", import.meta.url), [], {
    execArgv: ["--import", "tsx"],
    env: { ...process.env, RUSH_NOW: String(NOW), ...env },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  return new Promise((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`instance exited with ${code}`)));
    child.on("message", (message: { type: string; port?: number }) => {
      if (message.type === "ready") resolve({ url: `http://127.0.0.1:${message.port}`, child });
    });
  });
}

function stopInstance(instance: Instance): Promise<void> {
  return new Promise((resolve) => {
    instance.child.removeAllListeners("exit");
    instance.child.once("exit", () => resolve());
    instance.child.kill("SIGTERM");
  });
}

/** Starts the timed span: event-loop delay, statement counts and (RUSH_CPU_PROF) the CPU profile. */
function startSpan(instance: Instance): Promise<void> {
  return new Promise((resolve) => {
    const listener = (message: { type: string }) => {
      if (message.type !== "loop-started") return;
      instance.child.off("message", listener);
      resolve();
    };
    instance.child.on("message", listener);
    instance.child.send({ type: "loop-reset" });
  });
}

/** The profiles the app instances wrote for their timed span, named as in rush/instance.ts. */
const profileOf = (as: string, instance: Instance) =>
  PROFILE_DIR ? join(PROFILE_DIR, `${as}-${instance.child.pid}.cpuprofile`) : undefined;

function loopDelay(instance: Instance): Promise<LoopDelay> {
  return new Promise((resolve) => {
    const listener = (message: { type: string; delay?: LoopDelay }) => {
      if (message.type !== "loop" || !message.delay) return;
      instance.child.off("message", listener);
      resolve(message.delay);
    };
    instance.child.on("message", listener);
    instance.child.send({ type: "loop-read" });
  });
}

async function call(url: string, method: string, path: string, token: string, body?: unknown) {
  const response = await fetch(`${url}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body ? { "content-type": "application/json" } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const json = (await response.json()) as { id: string };
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(json)}`);
  return json;
}

/** Runs `work` for 0..count-1, `width` at a time. */
async function inParallel(count: number, width: number, work: (i: number) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < count) await work(next++);
    }),
  );
}

/**
 * Through the API, before the clock starts: each check-in worker applies to a gig starting within
 * the hour and is accepted; each waiting application is filed on a gig nobody applies to in the run.
 */
async function prepare(url: string, market: Market, sizes: RushSizes): Promise<Prepared> {
  const prepared: Prepared = { bookings: [], applications: [] };
  await inParallel(sizes.checkIns, 8, async (worker) => {
    const gig = market.soonGigs[Math.floor(worker / 10)];
    const application = await call(
      url,
      "POST",
      `/api/gigs/${gig.id}/applications`,
      market.workerTokens[worker],
      {},
    );
    const booking = await call(
      url,
      "POST",
      `/api/applications/${application.id}/accept`,
      market.employerTokens[gig.employer],
      {},
    );
    prepared.bookings.push({ worker, bookingId: booking.id, lat: gig.lat, lng: gig.lng });
  });
  await inParallel(sizes.accepts, 8, async (k) => {
    const gig = market.gigs[market.gigs.length - 1 - k];
    const application = await call(
      url,
      "POST",
      `/api/gigs/${gig.id}/applications`,
      market.setupWorkerTokens[k],
      {},
    );
    prepared.applications.push({ employer: gig.employer, applicationId: application.id });
  });
  return prepared;
}

/** A warm-up of reads only (the JIT and the caches), not counted. */
function warmUp(script: ScriptedRequest[]): ScriptedRequest[] {
  return script.filter((r) => !WRITES.has(r.route)).slice(0, 3_000);
}

const hello = (count: number): ScriptedRequest[] =>
  Array.from(
    { length: count },
    () => ({ route: "hello", method: "GET", path: "/hello", token: "-" }) as never,
  );

async function scratchPostgres() {
  const name = `lg_bench_rush_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: SERVER });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  // As deploy/patroni/patroni.yml sets it for the city's server (SSD, hot data in memory).
  await admin.query(`ALTER DATABASE ${name} SET random_page_cost = 1.1`);
  const url = new URL(SERVER);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

async function marketIn(database: Database, sizes: RushSizes) {
  await runMigrations(database);
  await loadReferenceData(database.db);
  const started = Date.now();
  const market = await buildMarket(database.db, NOW, sizes);
  // As autovacuum would after a bulk load: the planner needs the tables' statistics.
  await database.exec("analyze");
  console.log(`market written in ${Math.round((Date.now() - started) / 1000)} s`);
  return market;
}

async function onPostgres() {
  const sizes = sizesFor(REQUESTS);
  const scratch = await scratchPostgres();
  const setup = await connect({ databaseUrl: scratch.url, poolSize: 4 });
  const market = await marketIn(setup, sizes);
  await setup.close();
  const apps = [
    await startInstance({ DATABASE_URL: scratch.url, RUSH_PROFILE_AS: "postgres" }),
    await startInstance({ DATABASE_URL: scratch.url, RUSH_PROFILE_AS: "postgres" }),
  ];
  const hellos = [
    await startInstance({ LG_RUSH_MODE: "hello" }),
    await startInstance({ LG_RUSH_MODE: "hello" }),
  ];
  try {
    const prepared = await prepare(apps[0].url, market, sizes);
    const script = scriptFor(REQUESTS, market, prepared);
    const appUrls = apps.map((a) => a.url);
    const helloUrls = hellos.map((h) => `${h.url}`);
    await play(appUrls, warmUp(script), CONNECTIONS);
    await play(helloUrls, hello(3_000), CONNECTIONS);
    const helloWorld = await play(helloUrls, hello(REQUESTS), CONNECTIONS);
    await Promise.all(apps.map(startSpan));
    const mix = await play(appUrls, script, CONNECTIONS);
    const mixLoop = await Promise.all(apps.map(loopDelay));
    const recommendOnly = script.filter((r) => r.route === "recommend");
    const recommend = await play(appUrls, recommendOnly, CONNECTIONS);
    const profiles = apps.flatMap((a) => profileOf("postgres", a) ?? []);
    return { sizes, helloWorld, mix, mixLoop, recommend, profiles };
  } finally {
    await Promise.all([...apps, ...hellos].map(stopInstance));
    await scratch.drop();
  }
}

async function onPglite() {
  const sizes = sizesFor(PGLITE_REQUESTS);
  const dataDir = mkdtempSync(join(tmpdir(), "lg-rush-"));
  const setup = await connect({ dataDir });
  const market = await marketIn(setup, sizes);
  await setup.close();
  const app = await startInstance({ DATA_DIR: dataDir, RUSH_PROFILE_AS: "pglite" });
  const helloInstance = await startInstance({ LG_RUSH_MODE: "hello" });
  try {
    const prepared = await prepare(app.url, market, sizes);
    const script = scriptFor(PGLITE_REQUESTS, market, prepared);
    await play([app.url], warmUp(script).slice(0, 1_000), CONNECTIONS);
    await play([helloInstance.url], hello(3_000), CONNECTIONS);
    const helloWorld = await play([helloInstance.url], hello(PGLITE_REQUESTS), CONNECTIONS);
    await startSpan(app);
    const mix = await play([app.url], script, CONNECTIONS);
    const mixLoop = [await loopDelay(app)];
    return { sizes, helloWorld, mix, mixLoop, profiles: [profileOf("pglite", app) ?? []].flat() };
  } finally {
    await Promise.all([app, helloInstance].map(stopInstance));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const percent = (a: number, b: number) => `${Math.round((100 * a) / b)} %`;

function routeTable(run: RunFigures): string[] {
  const lines = [
    "| route | requests | errors | p50 ms | p99 ms | max ms | target p99 |",
    "|---|---:|---:|---:|---:|---:|---|",
  ];
  for (const route of ROUTES) {
    const r = run.routes[route];
    if (!r) continue;
    const target = WRITES.has(route) ? 50 : 20;
    const met = r.p99Ms <= target ? "met" : "missed";
    lines.push(
      `| ${route} | ${r.count} | ${r.errors} | ${r.p50Ms} | ${r.p99Ms} | ${r.maxMs} | ≤ ${target} ms: ${met} |`,
    );
  }
  const refusals = ROUTES.flatMap((route) => [
    ...(run.routes[route]?.samples ?? []).map((s) => `- ${route}: ${s}`),
    ...(run.routes[route]?.timeouts
      ? [`- ${route}: ${run.routes[route].timeouts} unanswered after 10 s`]
      : []),
  ]);
  return refusals.length ? [...lines, "", "Refusals seen:", ...refusals] : lines;
}

type PostgresRun = Awaited<ReturnType<typeof onPostgres>>;
type EmbeddedRun = Awaited<ReturnType<typeof onPglite>>;

function postgresSection(p: PostgresRun): string[] {
  return [
    "## PostgreSQL, two instances",
    "",
    "| run | requests | req/s | errors | share of hello-world | target |",
    "|---|---:|---:|---:|---:|---|",
    `| hello-world | ${p.helloWorld.requests} | ${p.helloWorld.requestsPerSec} | ${p.helloWorld.errors} | 100 % | |`,
    `| the rush mix | ${p.mix.requests} | ${p.mix.requestsPerSec} | ${p.mix.errors} | ${percent(p.mix.requestsPerSec, p.helloWorld.requestsPerSec)} | ≥ 40 % |`,
    `| 为你推荐 alone | ${p.recommend.requests} | ${p.recommend.requestsPerSec} | ${p.recommend.errors} | ${percent(p.recommend.requestsPerSec, p.helloWorld.requestsPerSec)} | ≥ 60 % |`,
    "",
    "The mix by route:",
    "",
    ...routeTable(p.mix),
    "",
    `Event-loop delay during the mix (per instance): ${p.mixLoop.map((d) => `p99 ${d.p99Ms} ms, max ${d.maxMs} ms`).join("; ")}.`,
    `Requests waiting for a pooled connection (per instance, sampled every 10 ms): ${p.mixLoop.map((d) => (d.poolWaiting ? `mean ${d.poolWaiting.mean}, most ${d.poolWaiting.max}` : "-")).join("; ")}.`,
    "",
    ...statementsTable(p.mixLoop),
  ];
}

/** Statements per request by route, from the first instance (both serve the same mix). */
function statementsTable(loops: LoopDelay[]): string[] {
  const counts = Object.entries(loops[0]?.statementsPerRequest ?? {}).sort(([a], [b]) => a.localeCompare(b));
  if (counts.length === 0) return [];
  return [
    "Statements sent to PostgreSQL per request (counted by their request-id tag; BEGIN and COMMIT included):",
    "",
    "| route | statements |",
    "|---|---:|",
    ...counts.map(([route, n]) => `| \`${route}\` | ${n} |`),
    "",
  ];
}

function embeddedSection(e: EmbeddedRun): string[] {
  return [
    "## Embedded database (PGlite), one instance",
    "",
    "| run | requests | req/s | errors | share of hello-world |",
    "|---|---:|---:|---:|---:|",
    `| hello-world (one instance) | ${e.helloWorld.requests} | ${e.helloWorld.requestsPerSec} | ${e.helloWorld.errors} | 100 % |`,
    `| the rush mix | ${e.mix.requests} | ${e.mix.requestsPerSec} | ${e.mix.errors} | ${percent(e.mix.requestsPerSec, e.helloWorld.requestsPerSec)} |`,
    "",
    ...routeTable(e.mix),
    "",
    `Event-loop delay during the mix: p99 ${e.mixLoop[0].p99Ms} ms, max ${e.mixLoop[0].maxMs} ms (target: no stall over 50 ms).`,
    "",
  ];
}

/** The hand-written part of rush.md (from this heading on) is kept when the figures are rewritten. */
const WHY_HEADING = "## Why the targets are missed";
const PROFILE_MD = "bench/results/rush-profile.md";

function handWritten(): string[] {
  if (!existsSync("bench/results/rush.md")) return [];
  const old = readFileSync("bench/results/rush.md", "utf8");
  const at = old.indexOf(WHY_HEADING);
  return at >= 0 ? [old.slice(at).trimEnd(), ""] : [];
}

/** RUSH_CPU_PROF: the instances' profiles of the timed mix, summarised (rush/profile-summary.ts). */
function writeProfileSummary(postgres?: PostgresRun, embedded?: EmbeddedRun): boolean {
  const parts: [string, string[]][] = [
    ["PostgreSQL, two instances, the mix", postgres?.profiles ?? []],
    ["PGlite, one instance, the mix", embedded?.profiles ?? []],
  ];
  const present = parts.filter(([, files]) => files.length > 0 && files.every((f) => existsSync(f)));
  if (present.length === 0) return false;
  const md = [
    "# The morning rush: where the CPU time goes",
    "",
    `V8 CPU profiles of the app instances over the timed mix only, written by \`RUSH_CPU_PROF=dir npm run bench:rush\`,`,
    "summarised by `node --import tsx bench/rush/profile-summary.ts <files>` (the same tables from the files).",
    "`(idle)` is time the instance waited with nothing to run (for the database or the network).",
    "",
    ...present.flatMap(([title, files]) => [
      `## ${title}`,
      "",
      summaryMarkdown(summarise(files.map((f) => JSON.parse(readFileSync(f, "utf8")))), 20),
    ]),
  ];
  writeFileSync(PROFILE_MD, md.join("\n"));
  return true;
}

async function main() {
  const started = Date.now();
  const postgres = ONLY === "pglite" ? undefined : await onPostgres();
  const embedded = ONLY === "postgres" ? undefined : await onPglite();
  const result = { at: new Date().toISOString(), connections: CONNECTIONS, postgres, embedded };
  writeFileSync("bench/results/rush.json", `${JSON.stringify(result, null, 2)}\n`);
  const profiled = writeProfileSummary(postgres, embedded);
  const md = [
    "# The morning rush",
    "",
    `Run ${result.at} by \`npm run bench:rush\` (${Math.round((Date.now() - started) / 1000)} s). 100,000 workers,`,
    `20,000 open gigs, 10,000 people signed in; ${CONNECTIONS} keep-alive connections spread over the`,
    "instances; the baseline is Fastify's hello-world with the same client, connections and request count,",
    "in the same run. The machine is shared (2 cores for the instances, the database and the client):",
    "compare the ratios, not the absolute figures.",
    ...(profiled
      ? ["", `Where the instances' CPU time went during the mix: [rush-profile.md](rush-profile.md).`]
      : []),
    "",
    ...(postgres ? postgresSection(postgres) : []),
    ...(embedded ? embeddedSection(embedded) : []),
    ...handWritten(),
  ].join("\n");
  writeFileSync("bench/results/rush.md", md);
  console.log(md);
}

await main();
