#!/usr/bin/env node
// Runs node's test runner over the test files (Node 20 has no glob support in --test).
// Usage: node scripts/run-tests.mjs [unit|api|all] ; files named *.test.ts under src/ and test/.
import { spawnSync } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import path from "node:path";

function find(dir, out = []) {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) find(full, out);
    else if (name.endsWith(".test.ts")) out.push(full);
  }
  return out;
}

const filter = process.argv.slice(2);
let files = [...find("src"), ...find("test")].filter((f) => !f.startsWith(path.join("test", "e2e")));
if (filter.length) files = files.filter((f) => filter.some((part) => f.includes(part)));
files.sort();
const result = spawnSync(
  process.execPath,
  [
    "--import",
    "tsx",
    "--test",
    "--test-force-exit",
    "--test-concurrency=2",
    "--test-reporter=spec",
    ...files,
  ],
  { stdio: "inherit", env: { ...process.env, TZ: "UTC" } },
);
process.exit(result.status ?? 1);
