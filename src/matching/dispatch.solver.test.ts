import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { problemFromPairs, solveDispatch } from "./dispatch.solver.ts";

type Pair = { worker: number; gig: number; weight: number };

/** A small deterministic random number generator, so failures can be replayed. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** Tries every way to give each worker one of its gigs or none. */
function bruteForce(workers: number, capacity: number[], pairs: Pair[]): number {
  const byWorker = Array.from({ length: workers }, (_, w) => pairs.filter((p) => p.worker === w));
  const used = capacity.map(() => 0);
  let best = 0;
  const visit = (w: number, total: number): void => {
    if (w === workers) {
      best = Math.max(best, total);
      return;
    }
    visit(w + 1, total);
    for (const pair of byWorker[w]) {
      if (used[pair.gig] >= capacity[pair.gig]) continue;
      used[pair.gig] += 1;
      visit(w + 1, total + pair.weight);
      used[pair.gig] -= 1;
    }
  };
  visit(0, 0);
  return best;
}

function checkFeasible(workers: number, capacity: number[], pairs: Pair[], assigned: Int32Array): void {
  const problem = problemFromPairs(workers, capacity, pairs);
  const load = capacity.map(() => 0);
  for (const e of assigned) if (e >= 0) load[problem.edgeGig[e]] += 1;
  for (const [g, n] of load.entries()) assert.ok(n <= capacity[g], `gig ${g} over its headcount`);
}

function readOrLibrary(name: string): { n: number; costs: number[] } {
  const numbers = readFileSync(new URL(`../../test/fixtures/orlib/${name}`, import.meta.url), "utf8")
    .trim()
    .split(/\s+/)
    .map(Number);
  return { n: numbers[0], costs: numbers.slice(1) };
}

describe("exact batch dispatch", () => {
  it("finds the best total score on 300 small random instances, as brute force confirms", () => {
    const rand = random(42);
    for (let round = 0; round < 300; round++) {
      const workers = 1 + Math.floor(rand() * 6);
      const capacity = Array.from({ length: 1 + Math.floor(rand() * 4) }, () => 1 + Math.floor(rand() * 2));
      const pairs: Pair[] = [];
      for (let w = 0; w < workers; w++) {
        for (let g = 0; g < capacity.length; g++) {
          if (rand() < 0.6) pairs.push({ worker: w, gig: g, weight: 1 + Math.floor(rand() * 100) });
        }
      }
      const solution = solveDispatch(problemFromPairs(workers, capacity, pairs));
      assert.equal(solution.totalWeight, bruteForce(workers, capacity, pairs), `instance ${round}`);
      checkFeasible(workers, capacity, pairs, solution.assignedEdge);
    }
  });

  it("leaves a worker without an offer rather than fill a gig beyond its headcount", () => {
    const pairs = [
      { worker: 0, gig: 0, weight: 90 },
      { worker: 1, gig: 0, weight: 80 },
      { worker: 2, gig: 0, weight: 70 },
      { worker: 2, gig: 1, weight: 10 },
    ];
    const problem = problemFromPairs(3, [2, 1], pairs);
    const { assignedEdge, totalWeight } = solveDispatch(problem);
    assert.equal(totalWeight, 180);
    assert.deepEqual(
      [...assignedEdge].map((e) => (e < 0 ? -1 : problem.edgeGig[e])),
      [0, 0, 1],
    );
  });

  for (const [file, optimum] of [
    ["assign100.txt", 305],
    ["assign200.txt", 475],
    ["assign300.txt", 626],
    ["assign400.txt", 804],
  ] as const) {
    it(`reproduces the published optimum of OR-Library ${file} (${optimum})`, () => {
      const { n, costs } = readOrLibrary(file);
      // Minimising cost is maximising (BIG − cost) once BIG makes every full assignment beat any partial one.
      const big = n * costs.reduce((a, b) => Math.max(a, b), 0) + 1;
      const pairs: Pair[] = [];
      for (let w = 0; w < n; w++) {
        for (let g = 0; g < n; g++) pairs.push({ worker: w, gig: g, weight: big - costs[w * n + g] });
      }
      const { assignedEdge, totalWeight } = solveDispatch(problemFromPairs(n, new Array(n).fill(1), pairs));
      assert.ok(
        assignedEdge.every((e) => e >= 0),
        "every worker is assigned",
      );
      assert.equal(n * big - totalWeight, optimum);
    });
  }

  describe("refuses a problem it cannot solve faithfully, instead of answering wrongly", () => {
    it("refuses a weight outside Int32, which the typed array would wrap", () => {
      for (const weight of [2 ** 31, -(2 ** 31) - 1, 1e12, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
        assert.throws(
          () => problemFromPairs(1, [1], [{ worker: 0, gig: 0, weight }]),
          RangeError,
          String(weight),
        );
      }
      const edges = problemFromPairs(1, [1], [{ worker: 0, gig: 0, weight: 2 ** 31 - 1 }]);
      assert.equal(
        solveDispatch(edges).totalWeight,
        2 ** 31 - 1,
        "the largest Int32 weight still counts whole",
      );
    });

    it("refuses a pair naming a gig beyond the gig count, rather than answer nothing", () => {
      assert.throws(() => problemFromPairs(1, [1], [{ worker: 0, gig: 1, weight: 10 }]), /names gig 1 of 1/);
      const built = problemFromPairs(1, [1, 1], [{ worker: 0, gig: 1, weight: 10 }]);
      assert.throws(
        () => solveDispatch({ ...built, gigCount: 1, capacity: Int32Array.of(1) }),
        /names gig 1 of 1/,
      );
    });

    it("refuses a pair naming a worker that is not there, and a negative headcount", () => {
      assert.throws(
        () => problemFromPairs(1, [1], [{ worker: 1, gig: 0, weight: 10 }]),
        /names worker 1 of 1/,
      );
      assert.throws(() => problemFromPairs(1, [-1], []), /capacity -1/);
    });

    it("refuses pair offsets that do not delimit the pairs", () => {
      const built = problemFromPairs(2, [1], [{ worker: 0, gig: 0, weight: 10 }]);
      assert.throws(() => solveDispatch({ ...built, edgeStart: Int32Array.of(0, 2, 1) }), RangeError);
    });
  });
});
