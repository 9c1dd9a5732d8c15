/**
 * Does the fairness boost spread the work? Simulates 30 days of morning dispatch in the demo
 * city twice — with and without the boost — and reports the Gini coefficient of bookings per
 * worker (0 = everyone equal, 1 = one worker takes everything). Writes bench/results/fairness.*.
 */
import { writeFileSync } from "node:fs";
import { COLUMNS_DEFAULT_NOW, generateOpenGigColumns, generateWorkerColumns } from "../src/demo/columns.ts";
import { DEMO_CATEGORIES } from "../src/demo/work-patterns.ts";
import { CategoryTable } from "../src/matching/catalog.ts";
import { problemFromPairs, solveDispatch } from "../src/matching/dispatch.solver.ts";
import { GigIndex } from "../src/matching/gig-index.ts";
import { WorkerIndex, type WorkerRecord } from "../src/matching/worker-index.ts";
import { gigFromColumns, workerFromColumns } from "./matching-data.ts";

const DAYS = 30;
const WORKERS = 3_000;
const GIGS_PER_DAY = 400;
const DAY_MS = 86_400_000;

export function gini(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const n = sorted.length;
  const total = sorted.reduce((a, b) => a + b, 0);
  if (total === 0) return 0;
  let weighted = 0;
  sorted.forEach((v, i) => {
    weighted += (2 * (i + 1) - n - 1) * v;
  });
  return weighted / (n * total);
}

function simulate(fairness: boolean) {
  const table = new CategoryTable(DEMO_CATEGORIES);
  const wc = generateWorkerColumns(WORKERS, 11);
  const workers = new WorkerIndex(table);
  const booked: number[][] = Array.from({ length: WORKERS }, () => []);
  const records: WorkerRecord[] = [];
  for (let i = 0; i < WORKERS; i++) {
    // Some workers start with a strong record: without the boost they take most of the work.
    const record = workerFromColumns(wc, i, {
      completed: i % 5 === 0 ? 40 : 2,
      noShow: 0,
      ratingSum: i % 5 === 0 ? 190 : 8,
      ratingCount: i % 5 === 0 ? 40 : 2,
      recentBookings: 0,
      activeAtMs: COLUMNS_DEFAULT_NOW,
    });
    records.push(record);
    workers.upsert(record);
  }
  for (let day = 0; day < DAYS; day++) {
    const now = COLUMNS_DEFAULT_NOW + day * DAY_MS;
    // A booking changes the worker: the index is told, as the server tells it after each booking.
    for (const [i, r] of records.entries()) {
      r.recentBookings = booked[i].filter((d) => d > day - 30).length;
      workers.upsert(r);
    }
    const gc = generateOpenGigColumns(GIGS_PER_DAY, 1000 + day, now);
    const gigs = new GigIndex(table);
    const pairs: Array<{ worker: number; gig: number; weight: number }> = [];
    for (let g = 0; g < GIGS_PER_DAY; g++) {
      gigs.upsert(
        gigFromColumns(gc, g, {
          id: `g${g}`,
          sameDayPay: false,
          employerRatingSum: 0,
          employerRatingCount: 0,
          postedAt: now,
        }),
      );
    }
    for (let g = 0; g < GIGS_PER_DAY; g++) {
      const facts = gigs.facts(g);
      workers.forEachCandidate(
        facts,
        gc.lat[g],
        gc.lng[g],
        now,
        () => true,
        { fairness },
        (w, score) => {
          pairs.push({ worker: Number(w.id.slice(1)), gig: g, weight: Math.round(score * 1000) });
        },
      );
    }
    const capacity = Array.from(gc.headcount, (h) => Math.min(h, 5));
    const problem = problemFromPairs(WORKERS, capacity, pairs);
    const { assignedEdge } = solveDispatch(problem);
    assignedEdge.forEach((e, w) => {
      if (e >= 0) booked[w].push(day);
    });
  }
  const counts = booked.map((b) => b.length);
  return {
    gini: Math.round(gini(counts) * 1000) / 1000,
    bookings: counts.reduce((a, b) => a + b, 0),
    workersWithWork: counts.filter((c) => c > 0).length,
    topTenthShare:
      Math.round(
        (counts
          .sort((a, b) => b - a)
          .slice(0, WORKERS / 10)
          .reduce((a, b) => a + b, 0) /
          Math.max(
            1,
            counts.reduce((a, b) => a + b, 0),
          )) *
          1000,
      ) / 1000,
  };
}

const withBoost = simulate(true);
const without = simulate(false);
const result = { days: DAYS, workers: WORKERS, gigsPerDay: GIGS_PER_DAY, withBoost, withoutBoost: without };
writeFileSync(new URL("results/fairness.json", import.meta.url), `${JSON.stringify(result, null, 2)}\n`);
const md = `# Fairness: Gini coefficient of bookings over a simulated month

${DAYS} days of exact morning dispatch in the demo city: ${WORKERS} workers (one in five starts with a strong record), ${GIGS_PER_DAY} new gigs a day.

| | Gini of bookings | bookings | workers with any work | share of the busiest 10% |
|---|---|---|---|---|
| without the boost | ${without.gini} | ${without.bookings} | ${without.workersWithWork} | ${without.topTenthShare} |
| with the boost | ${withBoost.gini} | ${withBoost.bookings} | ${withBoost.workersWithWork} | ${withBoost.topTenthShare} |
`;
writeFileSync(new URL("results/fairness.md", import.meta.url), md);
console.log(md);
