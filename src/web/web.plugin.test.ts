import assert from "node:assert/strict";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { brotliDecompressSync } from "node:zlib";
import swagger from "@fastify/swagger";
import Fastify, { type FastifyInstance } from "fastify";
import { loadConfig } from "../platform/config.ts";
import { registerErrorHandling } from "../platform/http/error-handler.ts";
import { registerSecurityHeaders } from "../platform/http/security.ts";
import { precompressDirectory } from "./precompress.ts";
import { webApp } from "./web.plugin.ts";

/** A bundle big enough to be worth compressing. */
const BUNDLE = `export const gigs = [${Array.from({ length: 200 }, (_, i) => `"零工${i}"`).join(",")}];\n`;

describe("serving the web app", () => {
  let app: FastifyInstance;
  let dist: string;

  before(async () => {
    dist = mkdtempSync(path.join(tmpdir(), "linggong-dist-"));
    mkdirSync(path.join(dist, "assets"));
    writeFileSync(path.join(dist, "index.html"), "<!doctype html><head><title>零工市场</title></head>");
    writeFileSync(
      path.join(dist, "landing.html"),
      "<!doctype html><title>零工市场</title><h1>找活、招人</h1>",
    );
    writeFileSync(path.join(dist, "assets", "main-abc123.js"), "console.log(1)");
    mkdirSync(path.join(dist, ".vite"));
    writeFileSync(
      path.join(dist, ".vite", "manifest.json"),
      JSON.stringify({
        "index.html": {
          file: "assets/main-abc123.js",
          isEntry: true,
          imports: ["_react.js"],
          css: ["assets/base.css"],
        },
        "_react.js": { file: "assets/react-1.js" },
        "_antd-mobile.js": {
          file: "assets/antd-mobile-2.js",
          imports: ["_react.js"],
          css: ["assets/base.css", "assets/m.css"],
        },
        "src/worker/WorkerApp.tsx": {
          file: "assets/WorkerApp-3.js",
          imports: ["_antd-mobile.js", "_react.js"],
          css: ["assets/w.css"],
        },
      }),
    );
    writeFileSync(path.join(dist, "assets", "app-def456.js"), BUNDLE);
    await precompressDirectory(dist);
    app = Fastify();
    registerErrorHandling(app);
    await registerSecurityHeaders(app, loadConfig({}));
    await app.register(swagger, { openapi: { openapi: "3.0.3", info: { title: "t", version: "0" } } });
    await app.register(webApp, { root: dist });
    await app.ready();
  });

  after(async () => {
    await app.close();
    rmSync(dist, { recursive: true, force: true });
  });

  it("answers / with the front door's own small page, fresh on every visit", async () => {
    const response = await app.inject({ url: "/" });
    assert.equal(response.statusCode, 200);
    assert.match(response.body, /找活、招人/);
    assert.equal(response.headers["cache-control"], "no-cache");
  });

  for (const url of [
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

  it("announces the face's own chunks in the page, so they arrive with the entry", async () => {
    const worker = (await app.inject({ url: "/worker/work" })).body;
    assert.match(worker, /<link rel="modulepreload" crossorigin href="\/assets\/WorkerApp-3\.js">/);
    assert.match(worker, /<link rel="modulepreload" crossorigin href="\/assets\/antd-mobile-2\.js">/);
    assert.match(worker, /<link rel="stylesheet" crossorigin href="\/assets\/m\.css">/);
    // A library's styles before the face's own, so the face's rules win.
    assert.ok(worker.indexOf("assets/m.css") < worker.indexOf("assets/w.css"));
    // What the entry loads anyway is not announced twice.
    assert.doesNotMatch(worker, /react-1\.js|base\.css/);
    // A face without a chunk in the manifest gets the page as built.
    assert.doesNotMatch((await app.inject({ url: "/employer" })).body, /modulepreload/);
  });

  it("asks for the gig list's first answers in the page for /worker, and only there", async () => {
    const list = (await app.inject({ url: "/worker" })).body;
    for (const href of ["/api/me", "/api/reference", "/api/gigs?sort=soonest"])
      assert.ok(list.includes(`<link rel="preload" as="fetch" crossorigin href="${href}">`), href);
    assert.match(list, /<link rel="modulepreload" crossorigin href="\/assets\/WorkerApp-3\.js">/);
    assert.ok(list.indexOf('as="fetch"') < list.indexOf("modulepreload"), "asked for before the scripts");
    // Another page of the app, or the list with its own filters, asks for other things.
    assert.doesNotMatch((await app.inject({ url: "/worker/work" })).body, /as="fetch"/);
    assert.doesNotMatch((await app.inject({ url: "/worker?sort=best_paid" })).body, /as="fetch"/);
  });

  it("serves hashed assets for a year", async () => {
    const response = await app.inject({ url: "/assets/main-abc123.js" });
    assert.equal(response.statusCode, 200);
    assert.match(response.headers["cache-control"] ?? "", /immutable/);
  });

  it("sends the build's brotli copy of an asset to a browser that accepts it, cached for a year", async () => {
    const response = await app.inject({
      url: "/assets/app-def456.js",
      headers: { "accept-encoding": "gzip, deflate, br" },
    });
    assert.equal(response.statusCode, 200);
    assert.equal(response.headers["content-encoding"], "br");
    assert.match(String(response.headers["content-type"]), /javascript/);
    assert.equal(response.headers["cache-control"], "public, max-age=31536000, immutable");
    assert.match(String(response.headers.vary), /accept-encoding/i);
    assert.equal(brotliDecompressSync(response.rawPayload).toString("utf8"), BUNDLE);
    assert.ok(response.rawPayload.length < Buffer.byteLength(BUNDLE) / 3);
  });

  it("sends gzip to a browser without brotli, and the file itself to one without either", async () => {
    const gzipped = await app.inject({
      url: "/assets/app-def456.js",
      headers: { "accept-encoding": "gzip" },
    });
    assert.equal(gzipped.headers["content-encoding"], "gzip");
    const plain = await app.inject({ url: "/assets/app-def456.js" });
    assert.equal(plain.headers["content-encoding"], undefined);
    assert.equal(plain.body, BUNDLE);
  });

  it("leaves files too small to gain uncompressed at build time", () => {
    assert.equal(existsSync(path.join(dist, "assets", "main-abc123.js.br")), false);
    assert.equal(existsSync(path.join(dist, "assets", "app-def456.js.br")), true);
    assert.equal(existsSync(path.join(dist, "assets", "app-def456.js.gz")), true);
  });

  it("pages carry the content security policy and cannot be framed", async () => {
    const response = await app.inject({ url: "/worker" });
    assert.match(String(response.headers["content-security-policy"]), /script-src 'self'/);
    assert.equal(response.headers["x-frame-options"], "DENY");
    assert.equal(response.headers["x-content-type-options"], "nosniff");
  });

  it("keeps an unknown API route a JSON 404, not the app", async () => {
    const response = await app.inject({ url: "/api/nothing-here", headers: { "accept-language": "zh-CN" } });
    assert.equal(response.statusCode, 404);
    assert.equal(response.json().error.code, "route_not_found");
  });

  it("answers an address outside the app with status 404 and the app, which shows its not-found page", async () => {
    for (const url of ["/workers-of-the-world", "/displays", "/worker-app/x"]) {
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
