/**
 * The server as production runs it: compiled by scripts/build-server.mjs (the project's modules and
 * a few pure-JavaScript packages bundled into one file) and started as its own process. It gets
 * ready, answers, validates, serializes and shuts down cleanly, on PGlite in a data folder of its
 * own or on the scratch PostgreSQL database.
 */
import assert from "node:assert/strict";
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { projectRoot } from "../src/platform/paths.ts";
import { createScratchDatabase, type ScratchDatabase } from "./support/database.ts";
import { freePort } from "./support/free-port.ts";

describe("the compiled server", () => {
  const out = path.join(projectRoot, "dist", `check-${randomBytes(4).toString("hex")}`);
  const dataDir = mkdtempSync(path.join(tmpdir(), "lg-compiled-"));
  let scratch: ScratchDatabase | undefined;
  let server: ChildProcess;
  let base = "";
  let output = "";

  before(async () => {
    const build = spawnSync(process.execPath, ["scripts/build-server.mjs", "--out", out], {
      cwd: projectRoot,
      encoding: "utf8",
    });
    assert.equal(build.status, 0, build.stderr);
    if (process.env.TEST_DATABASE_URL) scratch = await createScratchDatabase();
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    server = spawn(process.execPath, [path.join(out, "main.js")], {
      cwd: projectRoot,
      env: {
        ...process.env,
        PORT: String(port),
        LOG_LEVEL: "warn",
        LINGGONG_DEMO: "false",
        LINGGONG_DATA_DIR: dataDir,
        ...(scratch?.url ? { DATABASE_URL: scratch.url } : {}),
      },
    });
    server.stdout?.on("data", (chunk) => {
      output += chunk;
    });
    server.stderr?.on("data", (chunk) => {
      output += chunk;
    });
    const deadline = Date.now() + 120_000;
    for (;;) {
      const ready = await fetch(`${base}/readyz`).catch(() => null);
      if (ready?.status === 200) break;
      assert.ok(server.exitCode === null, `the server exited: ${output}`);
      assert.ok(Date.now() < deadline, `not ready in 120 s: ${output}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  });

  after(async () => {
    if (server && server.exitCode === null) server.kill("SIGKILL");
    rmSync(out, { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
    await scratch?.drop();
  });

  it("answers its API description, the gig list and the reference data", async () => {
    const spec = await fetch(`${base}/api/openapi.json`);
    assert.equal(spec.status, 200);
    assert.ok(Object.keys(((await spec.json()) as { paths: object }).paths).length > 100);
    const gigs = await fetch(`${base}/api/gigs?sort=soonest`);
    assert.equal(gigs.status, 200);
    assert.ok(Array.isArray(((await gigs.json()) as { items: unknown }).items));
    const reference = await fetch(`${base}/api/reference`);
    assert.equal(reference.status, 200);
    assert.ok(((await reference.json()) as { categories: unknown[] }).categories.length > 0);
  });

  it("refuses a bad request with the stable error code, in Chinese first", async () => {
    const refused = await fetch(`${base}/api/auth/codes`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ phone: "not a phone" }),
    });
    assert.equal(refused.status, 400);
    const { error } = (await refused.json()) as { error: { code: string; message: string } };
    assert.equal(error.code, "invalid_request");
    assert.match(error.message, /[\u4e00-\u9fff]/);
  });

  it("shuts down cleanly on SIGTERM", async () => {
    const exited = new Promise<number | null>((resolve) => server.once("exit", (code) => resolve(code)));
    server.kill("SIGTERM");
    assert.equal(await exited, 0, output);
  });
});
