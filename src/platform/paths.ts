/**
 * Where the project's files are, whether the server runs from its TypeScript sources (src/)
 * or compiled (dist/server/): found by walking up to the project's package.json, so data
 * folders are never addressed relative to a module that moves when compiled.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

function findProjectRoot(start: string): string {
  let dir = start;
  for (;;) {
    const manifest = path.join(dir, "package.json");
    if (existsSync(manifest) && JSON.parse(readFileSync(manifest, "utf8")).name === "linggong") return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`linggong's package.json not found above ${start}`);
    dir = parent;
  }
}

export const projectRoot = findProjectRoot(path.dirname(fileURLToPath(import.meta.url)));

/** A path inside the project, e.g. `projectPath("drizzle")`. */
export function projectPath(...parts: string[]): string {
  return path.join(projectRoot, ...parts);
}
