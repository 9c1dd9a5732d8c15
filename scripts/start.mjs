#!/usr/bin/env node
// `npm start`, in one process: builds the web app (web/dist) when it is missing or older than any
// file under web/, compiles the server (dist/server) when it is older than any source file or the
// installed packages, then runs the compiled server. Production runs compiled JavaScript; a
// developer who edits src/ or web/, or installs packages, and restarts never gets a stale build.
// Should compiling fail, the sources run through tsx.
import { spawnSync } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { newestSourceTime, projectRoot, serverSourcesTime } from "./sources.mjs";

const builtAt = (file) => (existsSync(file) ? statSync(file).mtimeMs : 0);

function run(command, args) {
  return spawnSync(command, args, {
    cwd: projectRoot,
    stdio: "inherit",
    shell: process.platform === "win32",
  });
}

const webBuilt = builtAt(path.join(projectRoot, "web", "dist", "index.html"));
if (webBuilt <= newestSourceTime(path.join(projectRoot, "web"))) {
  console.log(webBuilt ? "web sources changed; building the web app" : "building the web app (first start)");
  const built = run("npm", ["run", "build:web"]);
  if (built.status !== 0) process.exit(built.status ?? 1);
}

const compiled = path.join(projectRoot, "dist", "server", "main.js");
const sourcesAt = serverSourcesTime();
if (builtAt(compiled) < sourcesAt)
  run(process.execPath, [path.join(projectRoot, "scripts", "build-server.mjs")]);

if (builtAt(compiled) >= sourcesAt) {
  await import(pathToFileURL(compiled).href);
} else {
  const { register } = await import("tsx/esm/api");
  register();
  await import(pathToFileURL(path.join(projectRoot, "src", "main.ts")).href);
}
