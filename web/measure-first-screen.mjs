#!/usr/bin/env node
// Prints the gzipped JavaScript each face's first screen downloads, from the build's manifest:
// the entry chunk, the face's lazily loaded chunk, and every chunk they import statically.
// Usage: npm run build:web && node web/measure-first-screen.mjs   (exits 1 over the worker budget)
import { readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";

const dist = path.join(import.meta.dirname, "dist");
const manifest = JSON.parse(readFileSync(path.join(dist, ".vite", "manifest.json"), "utf8"));
const WORKER_BUDGET_KB = 250;

function closure(keys, seen = new Set()) {
  for (const key of keys) {
    if (seen.has(key)) continue;
    seen.add(key);
    closure(manifest[key].imports ?? [], seen);
  }
  return seen;
}

function gzippedKb(keys) {
  let bytes = 0;
  for (const key of closure(keys))
    bytes += gzipSync(readFileSync(path.join(dist, manifest[key].file))).length;
  return Math.round(bytes / 102.4) / 10;
}

const entry = "index.html";
const faces = {
  "landing /": ["landing.html"],
  "worker app /worker (gig list)": ["src/worker/WorkerApp.tsx"],
  "employer portal /employer (sign-in)": ["src/employer/EmployerApp.tsx", "src/employer/account/SignIn.tsx"],
  "station console /station (sign-in)": ["src/station/StationApp.tsx"],
  "monitoring /admin (sign-in)": ["src/admin/AdminApp.tsx"],
};
let workerKb = 0;
for (const [face, chunks] of Object.entries(faces)) {
  const kb = gzippedKb(chunks[0].endsWith(".html") ? chunks : [entry, ...chunks]);
  if (face.startsWith("worker")) workerKb = kb;
  console.log(`${face.padEnd(40)} ${kb.toFixed(1).padStart(7)} KB gzipped JS`);
}
if (workerKb > WORKER_BUDGET_KB) {
  console.error(`worker first screen is ${workerKb} KB, over the ${WORKER_BUDGET_KB} KB budget`);
  process.exit(1);
}
