/**
 * One contract: the web app reads the API's shapes from the server's TypeBox schemas
 * (docs/decisions/0009-one-api-contract.md), so a field renamed on the server fails the web
 * typecheck instead of breaking a screen at run time. The test renames a field in a copy of
 * the sources and runs the web typecheck on the copy.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
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
    // The worker's gig card reads the field by its old name.
    assert.match(output, /worker\/gigs\/GigCard\.tsx\(\d+,\d+\): error TS2339: Property 'openPlaces'/);
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
});

/** Type names the web app may give an API answer: the server's shapes, and nothing written by hand. */
const ALLOWED_NAMES = new Set(["T", "string", "number", "boolean", "null", "undefined", "unknown", "void"]);

/** Every `get<…>(`, `post<…>(`, `put<…>(` and `api<…>(` in the web app, with its type argument. */
function apiCalls(source: string): string[] {
  const found: string[] = [];
  const call = /\b(?:get|post|put|api)<(?=[\s\S])/g;
  for (let match = call.exec(source); match; match = call.exec(source)) {
    let depth = 1;
    let end = call.lastIndex;
    while (depth > 0 && end < source.length) {
      const char = source[end];
      if (char === "<") depth += 1;
      else if (char === ">" && source[end - 1] !== "=") depth -= 1;
      end += 1;
    }
    if (source[end] === "(") found.push(source.slice(call.lastIndex, end - 1));
  }
  return found;
}

function webSources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return webSources(full);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

test("every answer the web app reads is typed by the server's schemas, not by a shape written in web/", () => {
  const apiTypes = readFileSync(path.join(root, "web", "src", "shared", "api-types.ts"), "utf8");
  const fromSchemas = new Set([...apiTypes.matchAll(/^export type (\w+)/gm)].map((m) => m[1]));
  // api-types.ts itself: each name is a Static<> of a schema or a part of one, never a literal shape.
  for (const line of apiTypes.split("\n").filter((l) => l.startsWith("export type ")))
    assert.doesNotMatch(line, /=\s*\{/, `api-types.ts writes a shape by hand: ${line}`);

  const problems: string[] = [];
  let calls = 0;
  for (const file of webSources(path.join(root, "web", "src"))) {
    for (const typeArgument of apiCalls(readFileSync(file, "utf8"))) {
      calls += 1;
      const where = `${path.relative(root, file)}: <${typeArgument.replace(/\s+/g, " ")}>`;
      // An object literal is a hand-written shape; only the list envelope around a type parameter passes.
      if (/[{:]/.test(typeArgument) && typeArgument.replace(/\s+/g, "") !== "{items:T[]}")
        problems.push(where);
      for (const name of typeArgument.match(/\b[A-Za-z_]\w*\b/g) ?? []) {
        if (name === "items" && typeArgument.includes("items: T[]")) continue;
        if (!fromSchemas.has(name) && !ALLOWED_NAMES.has(name)) problems.push(`${where} (${name})`);
      }
    }
  }
  assert.ok(calls > 50, `the scan found the web app's API calls (${calls})`);
  assert.deepEqual(problems, [], "API answers typed outside web/src/shared/api-types.ts");
});
