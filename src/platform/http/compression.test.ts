import assert from "node:assert/strict";
import { request as httpRequest, type IncomingMessage } from "node:http";
import { after, before, describe, it } from "node:test";
import { gunzipSync } from "node:zlib";
import { startTestApp, type TestApp } from "../../../test/support/app.ts";

describe("compressed API answers", () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
  });
  after(() => t.close());

  it("a list goes out gzipped to a client that accepts it", async () => {
    const res = await t.app.inject({ url: "/api/errors", headers: { "accept-encoding": "gzip" } });
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers["content-encoding"], "gzip");
    assert.match(String(res.headers.vary), /accept-encoding/i);
    const list = JSON.parse(gunzipSync(res.rawPayload).toString("utf8"));
    assert.ok(list.some((e: { code: string }) => e.code === "cross_site_request"));
  });

  it("a small answer, or a client that does not accept compression, gets it plain", async () => {
    const { token } = await t.tokenFor("worker");
    const small = await t.app.inject({
      url: "/api/me",
      headers: { authorization: `Bearer ${token}`, "accept-encoding": "gzip, br" },
    });
    assert.equal(small.headers["content-encoding"], undefined);
    const plain = await t.app.inject({ url: "/api/errors" });
    assert.equal(plain.headers["content-encoding"], undefined);
    assert.ok(Array.isArray(plain.json()));
  });

  it("the live figures stream is neither compressed nor held back", async () => {
    const { token } = await t.tokenFor("city_admin");
    const address = new URL(await t.app.listen({ port: 0, host: "127.0.0.1" }));
    const response = await new Promise<IncomingMessage>((resolve, reject) => {
      httpRequest(
        {
          host: address.hostname,
          port: address.port,
          path: "/api/monitoring/stream",
          headers: { authorization: `Bearer ${token}`, "accept-encoding": "br, gzip" },
        },
        resolve,
      )
        .on("error", reject)
        .end();
    });
    try {
      assert.equal(response.statusCode, 200);
      assert.equal(response.headers["content-encoding"], undefined);
      assert.match(String(response.headers["content-type"]), /text\/event-stream/);
      // The first figures arrive while the stream is still open: nothing waits for the end.
      const first = await new Promise<string>((resolve, reject) => {
        let text = "";
        response.on("data", (chunk: Buffer) => {
          text += chunk.toString("utf8");
          if (text.includes("\n\n")) resolve(text);
        });
        response.on("error", reject);
      });
      assert.match(first, /^event: figures\n/);
    } finally {
      response.destroy();
    }
  });
});
