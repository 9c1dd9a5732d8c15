/**
 * One contract: the web app reads the API's shapes from the server's TypeBox schemas
 * (docs/decisions/0009-one-api-contract.md), so a field renamed on the server fails the web
 * typecheck instead of breaking a screen at run time. The test renames a field in a copy of
 * the sources and runs the web typecheck on the copy.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "node:test";

const root = path.resolve(import.meta.dirname, "..");

test("renaming a gig's openPlaces in the server's schema fails the web typecheck where screens read it", () => {
  const copy = mkdtempSync(path.join(tmpdir(), "linggong-contract-"));
  try {
    cpSync(path.join(root, "src"), path.join(copy, "src"), { recursive: true });
    cpSync(path.join(root, "web"), path.join(copy, "web"), {
      recursive: true,
      filter: (from) => !from.startsWith(path.join(root, "web", "dist")),
    });
    symlinkSync(path.join(root, "node_modules"), path.join(copy, "node_modules"), "dir");

    const schema = path.join(copy, "src", "gigs", "gigs.schemas.ts");
    const before = readFileSync(schema, "utf8");
    const after = before.replace("  openPlaces: Type.Integer(),", "  placesOpen: Type.Integer(),");
    assert.notEqual(after, before, "the gig list item declares openPlaces");
    writeFileSync(schema, after);

    const tsc = path.join(root, "node_modules", "typescript", "bin", "tsc");
    const run = spawnSync(process.execPath, [tsc, "-p", path.join(copy, "web", "tsconfig.json")], {
      encoding: "utf8",
    });
    const output = run.stdout + run.stderr;
    assert.notEqual(run.status, 0, "the web typecheck fails");
    // The worker's gig card and the 大屏's ticker read the field by its old name.
    assert.match(output, /worker\/gigs\/GigCard\.tsx\(\d+,\d+\): error TS2339: Property 'openPlaces'/);
    assert.match(output, /admin\/screen\/BigScreen\.tsx\(\d+,\d+\): error TS2339: Property 'openPlaces'/);
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
});
