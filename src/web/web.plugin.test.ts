import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import swagger from "@fastify/swagger";
import Fastify, { type FastifyInstance } from "fastify";
import { registerErrorHandling } from "../platform/http/error-handler.ts";
import { webApp } from "./web.plugin.ts";

describe("serving the web app", () => {
  let app: FastifyInstance;
  let dist: string;

  before(async () => {
    dist = mkdtempSync(path.join(tmpdir(), "linggong-dist-"));
    mkdirSync(path.join(dist, "assets"));
    writeFileSync(path.join(dist, "index.html"), "<!doctype html><title>零工市场</title>");
    writeFileSync(path.join(dist, "assets", "main-abc123.js"), "console.log(1)");
    app = Fastify();
    registerErrorHandling(app);
    await app.register(swagger, { openapi: { openapi: "3.0.3", info: { title: "t", version: "0" } } });
    await app.register(webApp, { root: dist });
    await app.ready();
  });

  after(async () => {
    await app.close();
    rmSync(dist, { recursive: true, force: true });
  });

  for (const url of [
    "/",
    "/worker",
    "/worker/work?tab=shifts",
    "/employer/gigs/123",
    "/station/x",
    "/kiosk",
    "/admin/a/b",
  ]) {
    it(`a deep link such as ${url} reloads into the app`, async () => {
      const response = await app.inject({ url });
      assert.equal(response.statusCode, 200);
      assert.match(String(response.headers["content-type"]), /text\/html/);
      assert.match(response.body, /零工市场/);
      assert.equal(response.headers["cache-control"], "no-cache");
    });
  }

  it("serves hashed assets for a year", async () => {
    const response = await app.inject({ url: "/assets/main-abc123.js" });
    assert.equal(response.statusCode, 200);
    assert.match(response.headers["cache-control"] ?? "", /immutable/);
  });

  it("keeps an unknown API route a JSON 404, not the app", async () => {
    const response = await app.inject({ url: "/api/nothing-here", headers: { "accept-language": "zh-CN" } });
    assert.equal(response.statusCode, 404);
    assert.equal(response.json().error.code, "route_not_found");
  });

  it("answers an address outside the app with status 404 and the app, which shows its not-found page", async () => {
    for (const url of ["/workers-of-the-world", "/display", "/worker-app/x"]) {
      const response = await app.inject({ url });
      assert.equal(response.statusCode, 404, url);
      assert.match(String(response.headers["content-type"]), /text\/html/);
      assert.match(response.body, /零工市场/);
    }
  });

  it("keeps a missing file a 404 without the app, so a browser never runs a page as a script", async () => {
    const response = await app.inject({ url: "/assets/main-old999.js" });
    assert.equal(response.statusCode, 404);
    assert.doesNotMatch(response.body, /零工市场/);
  });

  it("serves no file from outside the built app, and a broken address is refused, not a failure", async () => {
    assert.equal((await app.inject({ url: "/../package.json" })).statusCode, 404);
    assert.equal((await app.inject({ url: "/%E0%A4%A" })).statusCode, 400);
    assert.equal((await app.inject({ url: "/api" })).json().error.code, "route_not_found");
  });

  it("keeps the app's pages out of the API document", () => {
    const paths = Object.keys(app.swagger().paths ?? {});
    assert.deepEqual(
      paths.filter((p) => !p.startsWith("/api")),
      [],
    );
  });
});
