// Shared by the start and build scripts: the project root and the newest modification time
// of the files under a folder (skipping build output, dependencies and tests).
import { existsSync, readdirSync, statSync } from "node:fs";
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

/**
 * When what the compiled server is made of last changed: the project's sources, or the installed
 * packages (a few are bundled into it; npm writes node_modules/.package-lock.json on every install).
 */
export function serverSourcesTime() {
  const installed = path.join(projectRoot, "node_modules", ".package-lock.json");
  const installedAt = existsSync(installed) ? statSync(installed).mtimeMs : 0;
  return Math.max(newestSourceTime(path.join(projectRoot, "src")), installedAt);
}
