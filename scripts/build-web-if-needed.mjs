#!/usr/bin/env node
// Runs before `npm start`: builds web/dist when it is missing or older than any file under web/
// (sources, index.html, vite config), so README's `npm ci && npm start` serves a current web app.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

const web = path.resolve(import.meta.dirname ?? path.dirname(new URL(import.meta.url).pathname), "../web");
const built = path.join(web, "dist", "index.html");

function newestSource(dir) {
  let newest = 0;
  for (const name of readdirSync(dir)) {
    if (name === "dist" || name === "node_modules") continue;
    const full = path.join(dir, name);
    const stat = statSync(full);
    newest = Math.max(newest, stat.isDirectory() ? newestSource(full) : stat.mtimeMs);
  }
  return newest;
}

const builtAt = existsSync(built) ? statSync(built).mtimeMs : 0;
if (builtAt > newestSource(web)) {
  console.log("web app is up to date (web/dist)");
  process.exit(0);
}
console.log(builtAt ? "web sources changed; building the web app" : "building the web app (first start)");
const result = spawnSync("npm", ["run", "build:web"], {
  stdio: "inherit",
  shell: process.platform === "win32",
});
process.exit(result.status ?? 1);
