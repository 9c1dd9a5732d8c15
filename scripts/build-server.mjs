#!/usr/bin/env node
// Compiles the server (src/main.ts and everything it imports, tests aside) into one file,
// dist/server/main.js, with esbuild: packages stay imports of node_modules, the project's own
// modules are bundled. It takes a fraction of a second where emitting with TypeScript took
// several (types are checked by `npm run typecheck`, not here). From a clean folder, so nothing
// stale is left behind. With --if-needed it does nothing when the compiled server is newer than
// every source file (`npm start` checks the same itself).
import { existsSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { build } from "esbuild";
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
await build({
  entryPoints: [path.join(projectRoot, "src", "main.ts")],
  outfile: main,
  bundle: true,
  packages: "external",
  platform: "node",
  format: "esm",
  target: "node20",
  sourcemap: true,
  tsconfig: path.join(projectRoot, "tsconfig.json"),
  logLevel: "warning",
});
