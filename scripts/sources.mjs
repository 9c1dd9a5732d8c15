// Shared by the start and build scripts: the project root and the newest modification time
// of the files under a folder (skipping build output, dependencies and tests).
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

export function newestSourceTime(dir) {
  let newest = 0;
  for (const name of readdirSync(dir)) {
    if (name === "dist" || name === "node_modules" || name.endsWith(".test.ts")) continue;
    const full = path.join(dir, name);
    const stat = statSync(full);
    newest = Math.max(newest, stat.isDirectory() ? newestSourceTime(full) : stat.mtimeMs);
  }
  return newest;
}
