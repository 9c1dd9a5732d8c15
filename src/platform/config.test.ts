import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { loadConfig } from "./config.ts";

describe("the public URL links point to", () => {
  it("defaults to the address the server listens on, in development", () => {
    assert.equal(loadConfig({}).publicUrl, "http://127.0.0.1:3000");
    assert.equal(loadConfig({ HOST: "0.0.0.0", PORT: "8080" }).publicUrl, "http://127.0.0.1:8080");
  });

  it("is taken from LINGGONG_PUBLIC_URL without its trailing slash", () => {
    const config = loadConfig({ LINGGONG_PUBLIC_URL: "https://linggong.example.gov.cn/app/" });
    assert.equal(config.publicUrl, "https://linggong.example.gov.cn/app");
  });

  it("refuses to start with an address links cannot use", () => {
    assert.throws(() => loadConfig({ LINGGONG_PUBLIC_URL: "javascript:alert(1)" }), /http or https/);
    assert.throws(() => loadConfig({ LINGGONG_PUBLIC_URL: "not a url" }));
  });
});

describe("the read replica's settings", () => {
  it("take DATABASE_READ_URL and a lag limit of 30 s unless told otherwise", () => {
    assert.equal(loadConfig({}).databaseReadUrl, undefined);
    assert.equal(loadConfig({}).maxReplicaLagSeconds, 30);
    const config = loadConfig({ DATABASE_READ_URL: "postgres://r/x", DATABASE_READ_MAX_LAG_SECONDS: "5" });
    assert.equal(config.databaseReadUrl, "postgres://r/x");
    assert.equal(config.maxReplicaLagSeconds, 5);
  });

  it("refuse a lag limit that is not a number of seconds", () => {
    assert.throws(() => loadConfig({ DATABASE_READ_MAX_LAG_SECONDS: "soon" }), /number of seconds/);
    assert.throws(() => loadConfig({ DATABASE_READ_MAX_LAG_SECONDS: "-1" }), /number of seconds/);
  });
});
