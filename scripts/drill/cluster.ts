/**
 * `npm run drill:cluster [-- --runs N]`: the failover drill on one machine. Starts etcd, two
 * PostgreSQL 15 nodes under Patroni (synchronous standby, pg_rewind), HAProxy and three app
 * instances, all on loopback with the configurations of deploy/ (scripts/drill/cluster-config.ts);
 * drives a booking storm through HAProxy — workers apply, employers accept, more applicants
 * than places; kills one app instance and then the primary (kill -9 of Patroni and the
 * postmaster); waits for the failover; restarts the old node and waits until it is a standby
 * again. Then it counts: acknowledged writes lost, overbooked gigs, 5xx other than 503, time to
 * recover. Installs etcd-server, patroni and haproxy from Debian when missing; needs root (the
 * database runs as the `postgres` user). Writes bench/results/cluster-drill.md and cleans up.
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { chownSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { drizzle } from "drizzle-orm/node-postgres";
import pg from "pg";
import { buildMarket, type Market } from "../../bench/rush/market.ts";
import type { Db } from "../../src/db/client.ts";
import * as schema from "../../src/db/schema/index.ts";
import {
  type Acknowledged,
  type Answers,
  countAnswer,
  DRILL_PASSWORDS,
  DRILL_PORTS,
  type DrillNode,
  emptyAnswers,
  type GigSeats,
  haproxyConfig,
  lostWrites,
  overbooked,
  patroniConfig,
  recoveryMs,
  type TimedWrite,
} from "./cluster-config.ts";

const ROOT = path.resolve(import.meta.dirname, "../..");
const PG_BIN = "/usr/lib/postgresql/15/bin";
const DATABASE = "linggong";
const P = DRILL_PORTS;
const primaryUrl = (database: string) =>
  `postgres://postgres:${DRILL_PASSWORDS.superuser}@127.0.0.1:${P.primary}/${database}`;
/** HAProxy's replica listener (the port after the primary's): the apps' DATABASE_READ_URL. */
const replicaUrl = (database: string) =>
  `postgres://postgres:${DRILL_PASSWORDS.superuser}@127.0.0.1:${P.primary + 1}/${database}`;

/** Gigs in the storm, workers applying at once, employers accepting at once. */
const STORM = { gigs: 30, appliers: 24, accepters: 8, workers: 3_000 };
/** When the app instance and then the primary are killed, after the storm starts, ms. */
const KILL_APP_AT_MS = 5_000;
const KILL_PRIMARY_AT_MS = 10_000;
/** How long the storm goes on after writes succeed again, and the longest a drill may wait. */
const AFTER_RECOVERY_MS = 8_000;
const GIVE_UP_MS = 120_000;

function log(message: string): void {
  console.log(`[drill ${new Date().toISOString().slice(11, 19)}] ${message}`);
}

function has(command: string): boolean {
  try {
    execFileSync("sh", ["-c", `command -v ${command}`], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

/** etcd, Patroni, HAProxy and PostgreSQL 15 from Debian, installed when missing. */
function ensureTools(): void {
  const missing = [
    ["etcd", "etcd-server"],
    ["patroni", "patroni"],
    ["haproxy", "haproxy"],
  ]
    .filter(([command]) => !has(command))
    .map(([, pkg]) => pkg);
  if (!existsSync(`${PG_BIN}/postgres`)) missing.push("postgresql-15");
  if (missing.length === 0) return;
  log(`installing from Debian: ${missing.join(", ")}`);
  const install = () =>
    execFileSync("apt-get", ["install", "-y", "-qq", ...missing], {
      stdio: "inherit",
      env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
    });
  try {
    install();
  } catch {
    execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit" });
    install();
  }
}

/** Every process the drill starts, each in its own process group, so a kill takes its children. */
class Processes {
  private readonly running = new Map<string, ChildProcess>();

  constructor(private readonly folder: string) {}

  start(name: string, command: string, args: string[], env: NodeJS.ProcessEnv = {}): ChildProcess {
    const out = path.join(this.folder, `${name}.log`);
    writeFileSync(out, "");
    const child = spawn(command, args, {
      cwd: ROOT,
      detached: true,
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const append = (chunk: Buffer) => writeFileSync(out, chunk, { flag: "a" });
    child.stdout?.on("data", append);
    child.stderr?.on("data", append);
    this.running.set(name, child);
    return child;
  }

  kill(name: string): void {
    const child = this.running.get(name);
    this.running.delete(name);
    if (child?.pid === undefined) return;
    try {
      process.kill(-child.pid, "SIGKILL");
    } catch {
      // already gone
    }
  }

  killAll(): void {
    for (const name of [...this.running.keys()]) this.kill(name);
  }
}

async function until(what: string, check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return;
    await sleep(250);
  }
  throw new Error(`timed out waiting for ${what}`);
}

async function answers200(url: string): Promise<boolean> {
  const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
  await response.arrayBuffer();
  return response.status === 200;
}

const rest = (i: number, what: string) => `http://127.0.0.1:${P.patroniRest[i]}/${what}`;

/** The node Patroni holds as primary now, by its REST API. */
async function primaryNode(): Promise<number | undefined> {
  for (const i of [0, 1]) if (await answers200(rest(i, "primary")).catch(() => false)) return i;
  return undefined;
}

interface Cluster {
  folder: string;
  processes: Processes;
  nodes: DrillNode[];
  startNode(i: number): void;
  startApp(i: number): void;
}

async function startCluster(folder: string): Promise<Cluster> {
  const processes = new Processes(folder);
  const shippedPatroni = readFileSync(path.join(ROOT, "deploy/patroni/patroni.yml"), "utf8");
  const shippedHaproxy = readFileSync(path.join(ROOT, "deploy/haproxy/haproxy.cfg"), "utf8");
  const postgresUid = Number(execFileSync("id", ["-u", "postgres"]).toString().trim());
  const postgresGid = Number(execFileSync("id", ["-g", "postgres"]).toString().trim());

  processes.start("etcd", "etcd", [
    "--name=drill",
    `--data-dir=${folder}/etcd`,
    `--listen-client-urls=http://127.0.0.1:${P.etcdClient}`,
    `--advertise-client-urls=http://127.0.0.1:${P.etcdClient}`,
    `--listen-peer-urls=http://127.0.0.1:${P.etcdPeer}`,
    `--initial-advertise-peer-urls=http://127.0.0.1:${P.etcdPeer}`,
    `--initial-cluster=drill=http://127.0.0.1:${P.etcdPeer}`,
  ]);
  await until("etcd", () => answers200(`http://127.0.0.1:${P.etcdClient}/health`), 30_000);

  const nodes: DrillNode[] = [0, 1].map((i) => {
    const dir = path.join(folder, `pg${i + 1}`);
    mkdirSync(dir, { mode: 0o700 });
    chownSync(dir, postgresUid, postgresGid);
    const node = {
      name: `pg${i + 1}`,
      pgPort: P.postgres[i],
      restPort: P.patroniRest[i],
      dataDir: path.join(dir, "data"),
      pgpass: path.join(dir, "pgpass"),
    };
    const config = path.join(folder, `${node.name}.yml`);
    writeFileSync(config, patroniConfig(shippedPatroni, node, P.etcdClient));
    chownSync(config, postgresUid, postgresGid);
    return node;
  });
  const startNode = (i: number) =>
    processes.start(nodes[i].name, "runuser", [
      "-u",
      "postgres",
      "--",
      "patroni",
      `${folder}/${nodes[i].name}.yml`,
    ]);
  startNode(0);
  await until("the first node to bootstrap as primary", () => answers200(rest(0, "primary")), 90_000);
  startNode(1);
  await until("the second node to stream as synchronous standby", () => answers200(rest(1, "sync")), 120_000);
  log("PostgreSQL: pg1 primary, pg2 synchronous standby");

  const haproxyCfg = path.join(folder, "haproxy.cfg");
  writeFileSync(haproxyCfg, haproxyConfig(shippedHaproxy, folder));
  execFileSync("haproxy", ["-c", "-q", "-f", haproxyCfg], { stdio: "inherit" });
  processes.start("haproxy", "haproxy", ["-db", "-f", haproxyCfg]);
  // HAProxy counts both nodes up until its first checks: wait until only the primary answers.
  let primaryInARow = 0;
  await until(
    "HAProxy to find the primary",
    async () => {
      const client = new pg.Client({
        connectionString: primaryUrl("postgres"),
        connectionTimeoutMillis: 2_000,
      });
      client.on("error", () => {});
      try {
        await client.connect();
        const { rows } = await client.query<{ standby: boolean }>("select pg_is_in_recovery() as standby");
        primaryInARow = rows[0].standby ? 0 : primaryInARow + 1;
      } finally {
        await client.end().catch(() => {});
      }
      return primaryInARow >= 4;
    },
    30_000,
  );
  const admin = new pg.Client({ connectionString: primaryUrl("postgres") });
  admin.on("error", () => {});
  await admin.connect();
  await admin.query(`create database ${DATABASE}`);
  await admin.end();

  const startApp = (i: number) =>
    processes.start(`app${i + 1}`, process.execPath, ["scripts/start.mjs"], {
      PORT: String(P.apps[i]),
      HOST: "127.0.0.1",
      DATABASE_URL: primaryUrl(DATABASE),
      DATABASE_READ_URL: replicaUrl(DATABASE),
      LINGGONG_DEMO: "0",
      LOG_LEVEL: "warn",
    });
  // The first instance migrates; the others start on a migrated database.
  startApp(0);
  await until("app1", () => answers200(`http://127.0.0.1:${P.apps[0]}/readyz`), 120_000);
  startApp(1);
  startApp(2);
  for (const i of [1, 2])
    await until(`app${i + 1}`, () => answers200(`http://127.0.0.1:${P.apps[i]}/readyz`), 120_000);
  await until("HAProxy to see the apps", () => answers200(`http://127.0.0.1:${P.front}/readyz`), 30_000);
  log("three app instances behind HAProxy");
  return { folder, processes, nodes, startNode, startApp };
}

interface StormRecord {
  acknowledged: Acknowledged[];
  writes: TimedWrite[];
  answers: Record<"apply" | "accept", Answers>;
}

async function send(
  method: string,
  pathName: string,
  token: string,
): Promise<{ status?: number; body?: unknown }> {
  try {
    const response = await fetch(`http://127.0.0.1:${P.front}${pathName}`, {
      method,
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: "{}",
      signal: AbortSignal.timeout(15_000),
    });
    const text = await response.text();
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      body = text;
    }
    return { status: response.status, body };
  } catch {
    return {};
  }
}

/**
 * The storm: each worker applies once to one of the storm's gigs; every application that was
 * acknowledged is accepted by the gig's employer (places run out: `gig_full`). An answer of
 * 503 or none at all means "try again": the same request goes back in the queue.
 */
function storm(market: Market, stop: () => boolean): { record: StormRecord; done: Promise<void> } {
  const record: StormRecord = {
    acknowledged: [],
    writes: [],
    answers: { apply: emptyAnswers(), accept: emptyAnswers() },
  };
  const gigs = market.gigs.slice(0, STORM.gigs);
  const applies = market.workerTokens.map((token, i) => ({ token, gig: gigs[i % gigs.length] }));
  const accepts: Array<{ applicationId: string; employer: number }> = [];

  const timedWrite = async (kind: "apply" | "accept", method: string, pathName: string, token: string) => {
    const sentAtMs = Date.now();
    const answer = await send(method, pathName, token);
    const ok = answer.status !== undefined && answer.status >= 200 && answer.status < 300;
    countAnswer(record.answers[kind], answer.status);
    record.writes.push({ sentAtMs, answeredAtMs: Date.now(), ok });
    return answer;
  };
  const again = (status: number | undefined) => status === undefined || status === 503;

  const applier = async () => {
    while (!stop()) {
      const next = applies.shift();
      if (!next) return;
      const answer = await timedWrite("apply", "POST", `/api/gigs/${next.gig.id}/applications`, next.token);
      if (answer.status === 201) {
        const id = (answer.body as { id: string }).id;
        record.acknowledged.push({ kind: "application", id });
        accepts.push({ applicationId: id, employer: next.gig.employer });
      } else if (again(answer.status)) {
        applies.push(next);
        await sleep(200);
      }
    }
  };
  const accepter = async () => {
    while (!stop()) {
      const next = accepts.shift();
      if (!next) {
        if (applies.length === 0) return;
        await sleep(20);
        continue;
      }
      const answer = await timedWrite(
        "accept",
        "POST",
        `/api/applications/${next.applicationId}/accept`,
        market.employerTokens[next.employer],
      );
      if (answer.status === 200)
        record.acknowledged.push({ kind: "booking", id: (answer.body as { id: string }).id });
      else if (again(answer.status)) {
        accepts.push(next);
        await sleep(200);
      }
    }
  };
  const done = Promise.all([
    ...Array.from({ length: STORM.appliers }, applier),
    ...Array.from({ length: STORM.accepters }, accepter),
  ]).then(() => undefined);
  return { record, done };
}

interface DrillResult {
  run: number;
  applicationsAcknowledged: number;
  bookingsAcknowledged: number;
  lost: number;
  overbookedGigs: number;
  otherServerErrors: number;
  unavailable: number;
  noAnswer: number;
  failoverMs: number | undefined;
  recoveryMs: number | undefined;
  rejoinedAsStandby: boolean;
  rejoinMs: number | undefined;
  /** The read replica as app1's /readyz saw it each second: the largest lag while it was read from. */
  replicaMaxLagSeconds: number | undefined;
  /** Seconds the replica was not read from (down or behind), by app1's /readyz. */
  replicaOutSeconds: number;
  /** From the old primary's rejoin until app1 reads from the replica again. */
  replicaBackMs: number | undefined;
  passed: boolean;
}

interface ReplicaSeen {
  up: boolean;
  lagSeconds: number | null;
  inUse: boolean;
}

/**
 * The replica as an app instance reports it in /readyz; a string when it cannot say (the instance
 * is not ready — its primary is away — or does not answer).
 */
async function replicaOf(appPort: number): Promise<ReplicaSeen | string> {
  try {
    const response = await fetch(`http://127.0.0.1:${appPort}/readyz`, {
      signal: AbortSignal.timeout(2_000),
    });
    const body = (await response.json()) as { status?: string; replica?: ReplicaSeen };
    return body.replica ?? `not ready (${body.status})`;
  } catch {
    return "no answer";
  }
}

/** Samples app1's view of the replica once a second until told to stop. */
function watchReplica(stopped: () => boolean) {
  const seen = { maxLag: undefined as number | undefined, outSeconds: 0 };
  const done = (async () => {
    let said = "";
    while (!stopped()) {
      const replica = await replicaOf(P.apps[0]);
      // Each change of what app1 says about its replica goes to the log, to read a failed run by.
      const now = JSON.stringify(replica);
      if (now !== said) log(`app1's replica: ${now}`);
      said = now;
      if (typeof replica !== "string" && replica.inUse && replica.lagSeconds !== null)
        seen.maxLag = Math.max(seen.maxLag ?? 0, replica.lagSeconds);
      else seen.outSeconds++;
      await sleep(1_000);
    }
  })();
  return { seen, done };
}

async function runDrill(run: number): Promise<DrillResult> {
  const folder = mkdtempSync("/tmp/linggong-drill-");
  execFileSync("chmod", ["755", folder]);
  log(`run ${run}: ${folder}`);
  let cluster: Cluster | undefined;
  try {
    cluster = await startCluster(folder);
    const pool = new pg.Pool({ connectionString: primaryUrl(DATABASE), max: 4 });
    // The failover cuts the pool's connections; the checks afterwards open new ones.
    pool.on("error", () => {});
    const db = drizzle(pool, { schema }) as unknown as Db;
    const market = await buildMarket(db, Date.now(), {
      workers: STORM.workers,
      employers: 20,
      gigs: STORM.gigs,
      checkIns: 0,
      accepts: 0,
      applies: 0,
      signedInWorkers: STORM.workers,
    });
    log(`market: ${market.workerTokens.length} workers, ${market.gigs.length} gigs`);

    let stopping = false;
    const started = Date.now();
    const { record, done } = storm(market, () => stopping);
    const replicaWatch = watchReplica(() => stopping);

    await sleep(KILL_APP_AT_MS);
    log("kill -9 app2");
    cluster.processes.kill("app2");

    await sleep(KILL_PRIMARY_AT_MS - (Date.now() - started));
    const old = await primaryNode();
    if (old === undefined) throw new Error("no primary before the kill");
    const postmaster = Number(
      readFileSync(path.join(cluster.nodes[old].dataDir, "postmaster.pid"), "utf8").split("\n")[0],
    );
    const killedAt = Date.now();
    cluster.processes.kill(cluster.nodes[old].name);
    try {
      process.kill(postmaster, "SIGKILL");
    } catch {
      // gone with its Patroni
    }
    log(`kill -9 the primary ${cluster.nodes[old].name} (Patroni and postmaster ${postmaster})`);
    cluster.startApp(1);

    const other = 1 - old;
    let failoverMs: number | undefined;
    const deadline = killedAt + GIVE_UP_MS;
    while (Date.now() < deadline) {
      if (failoverMs === undefined && (await answers200(rest(other, "primary")).catch(() => false)))
        failoverMs = Date.now() - killedAt;
      const recovered = recoveryMs(killedAt, record.writes);
      if (
        failoverMs !== undefined &&
        recovered !== undefined &&
        Date.now() - killedAt > recovered + AFTER_RECOVERY_MS
      )
        break;
      await sleep(250);
    }
    log(`failover after ${failoverMs ?? "—"} ms; restarting ${cluster.nodes[old].name}`);

    const rejoinStarted = Date.now();
    cluster.startNode(old);
    let rejoinMs: number | undefined;
    try {
      await until(
        `${cluster.nodes[old].name} to rejoin as standby`,
        () => answers200(rest(old, "replica")),
        120_000,
      );
      rejoinMs = Date.now() - rejoinStarted;
    } catch (error) {
      log(String(error));
    }
    // app1 checks its replica every 5 s: after the rejoin it must read from it again.
    let replicaBackMs: number | undefined;
    try {
      await until(
        "app1 to read from the replica again",
        async () => {
          const replica = await replicaOf(P.apps[0]);
          return typeof replica !== "string" && replica.inUse;
        },
        30_000,
      );
      replicaBackMs = Date.now() - rejoinStarted - (rejoinMs ?? 0);
    } catch (error) {
      log(String(error));
    }
    stopping = true;
    await done;
    await replicaWatch.done;

    const ids = (kind: Acknowledged["kind"]) =>
      record.acknowledged.filter((a) => a.kind === kind).map((a) => a.id);
    const present = new Set<string>();
    const apps = await pool.query<{ id: string }>("select id from applications where id = any($1::uuid[])", [
      ids("application"),
    ]);
    for (const row of apps.rows) present.add(`application:${row.id}`);
    const books = await pool.query<{ id: string }>("select id from bookings where id = any($1::uuid[])", [
      ids("booking"),
    ]);
    for (const row of books.rows) present.add(`booking:${row.id}`);
    const seats = await pool.query<GigSeats>(
      `select g.id as "gigId", g.headcount,
              (count(b.id) filter (where b.status not in ('cancelled', 'no_show')))::int as live
         from gigs g left join bookings b on b.gig_id = g.id
        where g.id = any($1::uuid[]) group by g.id, g.headcount`,
      [market.gigs.slice(0, STORM.gigs).map((g) => g.id)],
    );
    await pool.end();

    const lost = lostWrites(record.acknowledged, present);
    const over = overbooked(seats.rows);
    const both = [record.answers.apply, record.answers.accept];
    const sum = (key: keyof Answers) => both.reduce((n, a) => n + a[key], 0);
    const recovery = recoveryMs(killedAt, record.writes);
    const result: DrillResult = {
      run,
      applicationsAcknowledged: ids("application").length,
      bookingsAcknowledged: ids("booking").length,
      lost: lost.length,
      overbookedGigs: over.length,
      otherServerErrors: sum("otherServerErrors"),
      unavailable: sum("unavailable"),
      noAnswer: sum("noAnswer"),
      failoverMs,
      recoveryMs: recovery,
      rejoinedAsStandby: rejoinMs !== undefined,
      rejoinMs,
      replicaMaxLagSeconds: replicaWatch.seen.maxLag,
      replicaOutSeconds: replicaWatch.seen.outSeconds,
      replicaBackMs,
      passed: false,
    };
    result.passed =
      result.lost === 0 &&
      result.overbookedGigs === 0 &&
      result.otherServerErrors === 0 &&
      recovery !== undefined &&
      recovery <= 30_000 &&
      result.rejoinedAsStandby &&
      result.replicaBackMs !== undefined &&
      result.bookingsAcknowledged > 0;
    log(`run ${run}: ${JSON.stringify(result)}`);
    return result;
  } finally {
    cluster?.processes.killAll();
    // Patroni's postmasters may outlive their group; stop any left in the scratch folder.
    try {
      execFileSync("pkill", ["-9", "-f", folder]);
    } catch {
      // none left
    }
    await sleep(500);
    if (!process.env.DRILL_KEEP) rmSync(folder, { recursive: true, force: true });
  }
}

const seconds = (ms: number | undefined) => (ms === undefined ? "—" : (ms / 1000).toFixed(1));

function report(results: DrillResult[]): string {
  const rows = results.map(
    (r) =>
      `| ${r.run} | ${r.passed ? "passed" : "FAILED"} | ${r.applicationsAcknowledged} / ${r.bookingsAcknowledged} | ${r.lost} | ${r.overbookedGigs} | ${r.otherServerErrors} | ${r.unavailable} / ${r.noAnswer} | ${seconds(r.failoverMs)} | ${seconds(r.recoveryMs)} | ${r.rejoinedAsStandby ? `yes (${seconds(r.rejoinMs)} s)` : "no"} | ${r.replicaMaxLagSeconds?.toFixed(2) ?? "—"} / ${r.replicaOutSeconds} / ${seconds(r.replicaBackMs)} |`,
  );
  return `# Cluster failover drill

\`npm run drill:cluster -- --runs ${results.length}\` on ${new Date().toISOString().slice(0, 16)} UTC, one machine (2 cores,
shared). etcd, PostgreSQL 15 × 2 under Patroni (synchronous standby, pg_rewind), HAProxy and three
app instances on loopback, configured from deploy/ (scripts/drill/cluster-config.ts). The storm:
${STORM.workers.toLocaleString("en")} workers apply to ${STORM.gigs} gigs (${STORM.appliers} at once) and the employers accept every
acknowledged application (${STORM.accepters} at once), so places run out. ${KILL_APP_AT_MS / 1000} s in, app2 is killed with kill -9
(and started again later); ${KILL_PRIMARY_AT_MS / 1000} s in, the primary's Patroni and postmaster are killed with kill -9.
The old node is then started again and must come back as a standby. The apps read monitoring
pages from the standby through HAProxy's replica listener (DATABASE_READ_URL); once the old primary
is a standby again, app1 must read from it again.

Targets: 0 acknowledged writes lost, 0 overbooked gigs, no 5xx but the documented 503
\`database_unavailable\` / \`service_unavailable\`, recovery ≤ 30 s, the old primary rejoins and is
read from again.

| run | result | acknowledged applications / bookings | lost | overbooked gigs | other 5xx | 503 / no answer | failover s | recovery s | old primary rejoined | replica: max lag s / s not read from / back after rejoin s |
|---|---|---|---|---|---|---|---|---|---|---|
${rows.join("\n")}

Failover: from the kill until the standby answers Patroni's /primary (the leader key's TTL is 15 s,
deploy/patroni). Recovery: from the kill until the first acknowledged write sent after writes
began to fail. "No answer" counts requests cut with their connection (the killed app instance) —
clients retry them; HAProxy retries those that never reached an instance. Replica: what app1's
/readyz said each second — the largest lag while monitoring read from the standby, the seconds it
read from the primary instead (the standby was killed, promoted or not yet back), and the time from
the rejoin until it read from the standby again (its check runs every 5 s).
`;
}

/** Whatever happens, leave no process behind: an uncaught error still reaches the cleanup. */
process.on("uncaughtException", (error) => {
  console.error(error);
  process.exitCode = 1;
});

async function main(): Promise<void> {
  const runsArg = process.argv.indexOf("--runs");
  const runs = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 1;
  if (!Number.isInteger(runs) || runs < 1) throw new Error("--runs takes a positive whole number");
  if (process.getuid?.() !== 0)
    throw new Error("the drill needs root: it installs packages and runs PostgreSQL as postgres");
  ensureTools();
  const results: DrillResult[] = [];
  for (let run = 1; run <= runs; run++) results.push(await runDrill(run));
  const text = report(results);
  writeFileSync(path.join(ROOT, "bench/results/cluster-drill.md"), text);
  console.log(text);
  if (results.some((r) => !r.passed)) process.exitCode = 1;
}

await main();
