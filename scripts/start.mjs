#!/usr/bin/env node
// `npm start`: runs the compiled server (dist/server, made by `npm run build`) when it is newer
// than every source file, else the TypeScript sources through tsx. Production runs compiled
// JavaScript; a developer who edits src/ and restarts never gets a stale build.
import { existsSync, statSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { newestSourceTime, projectRoot } from "./sources.mjs";

const compiled = path.join(projectRoot, "dist", "server", "main.js");
const fresh =
  existsSync(compiled) && statSync(compiled).mtimeMs >= newestSourceTime(path.join(projectRoot, "src"));

if (fresh) {
  await import(pathToFileURL(compiled).href);
} else {
  const { register } = await import("tsx/esm/api");
  register();
  await import(pathToFileURL(path.join(projectRoot, "src", "main.ts")).href);
}
