/**
 * `npm run bench`: every benchmark in turn, each in its own process (so one's memory does not
 * colour the next), each comparing against its baseline in the same run and writing its report
 * to bench/results/.
 */
import { spawnSync } from "node:child_process";

const benches = [
  { name: "matching", args: ["--expose-gc", "--import", "tsx", "bench/matching.bench.ts"] },
  { name: "fairness", args: ["--import", "tsx", "bench/fairness.ts"] },
  { name: "monitoring", args: ["--import", "tsx", "bench/monitoring.bench.ts"] },
  { name: "alerts", args: ["--import", "tsx", "bench/alerts.bench.ts"] },
  { name: "rush", args: ["--import", "tsx", "bench/rush.bench.ts"] },
  { name: "startup", args: ["--import", "tsx", "bench/startup.bench.ts"] },
  // Needs the built web app (npm run build:web) and Debian's chromium.
  { name: "phone", args: ["--import", "tsx", "bench/phone.bench.ts"] },
];

let failed = 0;
for (const bench of benches) {
  console.log(`\n== ${bench.name}`);
  const started = Date.now();
  const result = spawnSync(process.execPath, bench.args, { stdio: "inherit" });
  console.log(
    `== ${bench.name}: ${result.status === 0 ? "done" : "FAILED"} in ${Math.round((Date.now() - started) / 1000)} s`,
  );
  if (result.status !== 0) failed += 1;
}
process.exit(failed === 0 ? 0 : 1);
