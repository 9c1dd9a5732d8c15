/**
 * Where a matching query's time goes, for bench/results/matching.md:
 *
 *   node --expose-gc --import tsx bench/matching-profile.ts gigs100k
 *
 * runs one part of the benchmark on its data (gigs100k, gigs1m: 为你推荐 over 100k or 1M open
 * gigs; workers1m: 推荐人选 over 1M workers; dispatch: 5,000 × 2,000; rebuild: the 1M-gig index
 * at start) warm, many times, under V8's CPU profiler (only the timed runs, not the building),
 * and prints its p50/p99 and the functions by self time.
 */
import { Session } from "node:inspector/promises";
import { solveDispatch } from "../src/matching/dispatch.solver.ts";
import { GigIndex } from "../src/matching/gig-index.ts";
import { gigRecord } from "../src/matching/matching.indexes.ts";
import { WorkerIndex } from "../src/matching/worker-index.ts";
import {
  buildGigIndex,
  dispatchInstance,
  NOW,
  openGigRowsLike,
  table,
  workersFrom,
} from "./matching-data.ts";

async function timedRuns(runs: number, fn: (i: number) => void): Promise<void> {
  const session = new Session();
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.start");
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    fn(i);
    ms.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  const { profile } = await session.post("Profiler.stop");
  session.disconnect();
  ms.sort((x, y) => x - y);
  const at = (p: number) => ms[Math.min(ms.length - 1, Math.floor(p * ms.length))].toFixed(3);
  console.log(`${runs} runs: p50 ${at(0.5)} ms, p99 ${at(0.99)} ms\n`);
  summarise(profile as Profile);
}

async function gigs(count: number): Promise<void> {
  const index = buildGigIndex(count);
  const queries = workersFrom(1_000, 3);
  for (const w of queries.slice(0, 100)) index.topForWorker(w, NOW, 20);
  await timedRuns(5_000, (i) => index.topForWorker(queries[i % queries.length], NOW, 20));
}

async function workers(): Promise<void> {
  const gigIndex = buildGigIndex(100_000);
  const index = new WorkerIndex(table);
  for (const w of workersFrom(1_000_000, 5)) index.upsert(w);
  const topFor = (r: number) =>
    index.topForGig(gigIndex.facts(r), gigIndex.latDeg[r], gigIndex.lngDeg[r], NOW, 20);
  for (let i = 0; i < 50; i++) topFor(i * 97 + 13);
  await timedRuns(3_000, (i) => topFor((i * 97) % gigIndex.rows));
}

/** The benchmark's dispatch instance, solved repeatedly. */
async function dispatch(): Promise<void> {
  const problem = dispatchInstance(buildGigIndex(100_000));
  await timedRuns(10, () => solveDispatch(problem));
}

/** The rebuild at start (matching.bench.ts `rebuildAtStart`), once. */
async function rebuild(): Promise<void> {
  const rows = openGigRowsLike(1_000_000);
  const offsets = new Map([["321100", 480]]);
  await timedRuns(1, () => {
    const gigs = new GigIndex(table);
    for (const row of rows) gigs.upsert(gigRecord(row, offsets));
    gigs.refreshMedians();
  });
}

interface Profile {
  nodes: { id: number; callFrame: { functionName: string; url: string } }[];
  samples: number[];
  timeDeltas: number[];
}

/** Functions by self time: each sample charged to the function it landed in. */
function summarise(profile: Profile): void {
  const byId = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
  const self = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const frame = byId.get(id);
    const file = frame?.url.replace(/^.*\/(src|bench)\//, "$1/") ?? "";
    const name = `${frame?.functionName || "(anonymous)"}${file ? ` (${file})` : ""}`;
    const us = Math.max(0, profile.timeDeltas[i]);
    self.set(name, (self.get(name) ?? 0) + us);
    total += us;
  });
  console.log("| function | self time | share |\n|---|---:|---:|");
  for (const [name, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 12))
    console.log(`| ${name} | ${(us / 1000).toFixed(0)} ms | ${((100 * us) / total).toFixed(1)} % |`);
}

const part = process.argv[2] ?? "gigs1m";
if (part === "gigs100k") await gigs(100_000);
else if (part === "gigs1m") await gigs(1_000_000);
else if (part === "workers1m") await workers();
else if (part === "dispatch") await dispatch();
else if (part === "rebuild") await rebuild();
else throw new Error(`unknown part ${part}`);
