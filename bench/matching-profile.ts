/**
 * Where a matching query's time goes, for bench/results/matching.md. Two steps:
 *
 *   node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx bench/matching-profile.ts gigs100k
 *   node --import tsx bench/matching-profile.ts /tmp/prof/<file>.cpuprofile
 *
 * The first runs one part of the benchmark on its data (gigs100k, gigs1m: 为你推荐 over 100k or 1M
 * open gigs; workers1m: 推荐人选 over 1M workers; dispatch: 5,000 × 2,000; rebuild: the 1M-gig
 * index at start) warm, many times, and prints its p50/p99; the second prints the profile's functions by self time.
 */
import { readFileSync } from "node:fs";
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

function timedRuns(runs: number, fn: (i: number) => void): void {
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    fn(i);
    ms.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  ms.sort((a, b) => a - b);
  const at = (p: number) => ms[Math.min(ms.length - 1, Math.floor(p * ms.length))].toFixed(3);
  console.log(`${runs} runs: p50 ${at(0.5)} ms, p99 ${at(0.99)} ms`);
}

function gigs(count: number): void {
  const index = buildGigIndex(count);
  const queries = workersFrom(1_000, 3);
  for (const w of queries.slice(0, 100)) index.topForWorker(w, NOW, 20);
  timedRuns(5_000, (i) => index.topForWorker(queries[i % queries.length], NOW, 20));
}

function workers(): void {
  const gigIndex = buildGigIndex(100_000);
  const index = new WorkerIndex(table);
  for (const w of workersFrom(1_000_000, 5)) index.upsert(w);
  const topFor = (r: number) =>
    index.topForGig(gigIndex.facts(r), gigIndex.latDeg[r], gigIndex.lngDeg[r], NOW, 20);
  for (let i = 0; i < 50; i++) topFor(i * 97 + 13);
  timedRuns(3_000, (i) => topFor((i * 97) % gigIndex.rows));
}

/** The benchmark's dispatch instance, solved repeatedly. */
function dispatch(): void {
  const problem = dispatchInstance(buildGigIndex(100_000));
  timedRuns(10, () => solveDispatch(problem));
}

/** The rebuild at start (matching.bench.ts `rebuildAtStart`), once. */
function rebuild(): void {
  const rows = openGigRowsLike(1_000_000);
  const offsets = new Map([["321100", 480]]);
  timedRuns(1, () => {
    const gigs = new GigIndex(table);
    for (const row of rows) gigs.upsert(gigRecord(row, offsets));
    gigs.refreshMedians();
  });
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

/** Functions by self time: the profile's samples, each charged to the function it landed in. */
function summarise(file: string): void {
  const profile = JSON.parse(readFileSync(file, "utf8")) as {
    nodes: ProfileNode[];
    samples: number[];
    timeDeltas: number[];
  };
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const frame = (byId.get(id) as ProfileNode).callFrame;
    const name = `${frame.functionName || "(anonymous)"} ${frame.url.replace(/^.*\/(src|bench|node_modules)\//, "$1/")}:${frame.lineNumber + 1}`;
    const us = Math.max(0, profile.timeDeltas[i]);
    self.set(name, (self.get(name) ?? 0) + us);
    total += us;
  });
  console.log("| function | self time | share |\n|---|---:|---:|");
  for (const [name, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 15))
    console.log(`| ${name} | ${(us / 1000).toFixed(0)} ms | ${((100 * us) / total).toFixed(1)} % |`);
}

const part = process.argv[2] ?? "gigs1m";
if (part.endsWith(".cpuprofile")) summarise(part);
else if (part === "gigs100k") gigs(100_000);
else if (part === "gigs1m") gigs(1_000_000);
else if (part === "workers1m") workers();
else if (part === "dispatch") dispatch();
else if (part === "rebuild") rebuild();
else throw new Error(`unknown part ${part}`);
