#!/usr/bin/env node
// Compiles the server (src/, without tests) to dist/server with TypeScript, from a clean folder
// so that a deleted source never leaves a stale module behind. With --if-needed it does nothing
// when the compiled server is newer than every source file (`npm start` runs it first).
import { spawnSync } from "node:child_process";
import { existsSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { newestSourceTime, projectRoot } from "./sources.mjs";

const out = path.join(projectRoot, "dist", "server");
const main = path.join(out, "main.js");
if (process.argv.includes("--if-needed") && existsSync(main)) {
  if (statSync(main).mtimeMs >= newestSourceTime(path.join(projectRoot, "src"))) {
    console.log("server is up to date (dist/server)");
    process.exit(0);
  }
}
console.log("compiling the server to dist/server");
rmSync(out, { recursive: true, force: true });
const tsc = path.join(projectRoot, "node_modules", ".bin", "tsc");
const result = spawnSync(tsc, ["-p", path.join(projectRoot, "tsconfig.build.json")], { stdio: "inherit" });
process.exit(result.status ?? 1);
