import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { startTestApp, type TestApp } from "../../test/support/app.ts";

describe("the server's own routes", () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
  });
  after(() => t.close());

  it("is alive and ready once migrations are applied", async () => {
    assert.equal((await t.request("GET", "/healthz")).statusCode, 200);
    const ready = await t.request("GET", "/readyz");
    assert.equal(ready.statusCode, 200);
    assert.equal(ready.json().status, "ready");
  });

  it("publishes an OpenAPI 3 document and a docs page", async () => {
    const spec = (await t.request("GET", "/api/openapi.json")).json();
    assert.match(spec.openapi, /^3\./);
    assert.ok(spec.paths["/api/errors"]);
    const docs = await t.request("GET", "/api/docs");
    assert.ok([200, 302].includes(docs.statusCode));
  });

  it("answers an unknown route with a stable code in the caller's language", async () => {
    const zh = await t.request("GET", "/api/nothing-here");
    assert.equal(zh.statusCode, 404);
    assert.equal(zh.json().error.code, "route_not_found");
    assert.equal(zh.json().error.message, "没有这个接口");
    const en = await t.request("GET", "/api/nothing-here", { lang: "en-US,en;q=0.9" });
    assert.equal(en.json().error.message, "No such endpoint");
  });
});
