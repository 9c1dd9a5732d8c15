#!/usr/bin/env node
// Compiles the server (src/main.ts and everything it imports, tests aside) into one file,
// dist/server/main.js, with esbuild: the project's own modules and the few packages in BUNDLED are
// bundled, every other package stays an import of node_modules. It takes a fraction of a second
// where emitting with TypeScript took several (types are checked by `npm run typecheck`, not
// here). From a clean folder, so nothing stale is left behind. With --if-needed it does nothing
// when the compiled server is newer than every source file and the installed packages (`npm
// start` checks the same itself). With --out DIR (inside the project, so that packages and the
// project's files are found from it) it writes there instead.
import { existsSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { build } from "esbuild";
import { projectRoot, serverSourcesTime } from "./sources.mjs";

const outAt = process.argv.indexOf("--out");
const out = outAt > 0 ? path.resolve(process.argv[outAt + 1]) : path.join(projectRoot, "dist", "server");
const main = path.join(out, "main.js");
if (process.argv.includes("--if-needed") && existsSync(main)) {
  if (statSync(main).mtimeMs >= serverSourcesTime()) {
    console.log("server is up to date (dist/server)");
    process.exit(0);
  }
}
/**
 * Packages bundled with the project's modules: pure JavaScript of many small files, whose loading
 * file by file was a fifth of a start (typebox alone 180 ms). Every other package stays an import
 * of node_modules: some find files of their own beside them (PGlite's WebAssembly, swagger-ui's
 * pages, argon2's native module).
 */
const BUNDLED = ["typebox", "drizzle-orm"];

/** Leaves every package import external but those of `names` (and their subpaths). */
function bundleOnly(names) {
  return {
    name: "bundle-only",
    setup(build) {
      build.onResolve({ filter: /^[^./]/ }, (args) => {
        const name = args.path.startsWith("@")
          ? args.path.split("/").slice(0, 2).join("/")
          : args.path.split("/")[0];
        return names.includes(name) ? undefined : { path: args.path, external: true };
      });
    },
  };
}

console.log(`compiling the server to ${path.relative(projectRoot, out)}`);
rmSync(out, { recursive: true, force: true });
await build({
  entryPoints: [path.join(projectRoot, "src", "main.ts")],
  outfile: main,
  bundle: true,
  plugins: [bundleOnly(BUNDLED)],
  platform: "node",
  format: "esm",
  target: "node20",
  sourcemap: true,
  tsconfig: path.join(projectRoot, "tsconfig.json"),
  logLevel: "warning",
});
