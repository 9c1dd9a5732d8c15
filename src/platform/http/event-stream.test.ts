import assert from "node:assert/strict";
import { request } from "node:http";
import { after, before, describe, it } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import Fastify, { type FastifyInstance } from "fastify";
import { signal } from "../../../test/support/signal.ts";
import { streamPushes } from "./event-stream.ts";

describe("an event stream whose client goes away while it subscribes", () => {
  let app: FastifyInstance;
  let url = "";
  /** The server's subscription is under way; it may finish; the server saw the client leave. */
  const subscribing = signal();
  const mayFinishSubscribing = signal();
  const serverSawClose = signal();
  let heartbeats = 0;
  let unsubscribed = 0;

  before(async () => {
    app = Fastify({ logger: false });
    app.get("/stream", async (req, reply) => {
      req.raw.on("close", serverSawClose.give);
      await streamPushes(reply, {
        event: "view",
        load: async () => ({ n: 1 }),
        minIntervalMs: 10,
        heartbeatMs: 20,
        shutdown: new AbortController().signal,
        stillAllowed: async () => {
          heartbeats += 1;
          return true;
        },
        subscribe: async () => {
          subscribing.give();
          await mayFinishSubscribing.promise;
          return [
            async () => {
              unsubscribed += 1;
            },
          ];
        },
      });
    });
    url = await app.listen({ port: 0, host: "127.0.0.1" });
  });
  after(() => app.close());

  it("stops its heartbeat and its subscription, and so does not hold the process open", async () => {
    const client = request(`${url}/stream`);
    client.on("error", () => undefined);
    client.end();
    await subscribing.promise;
    client.destroy();
    await serverSawClose.promise;
    mayFinishSubscribing.give();
    await sleep(120);
    assert.equal(heartbeats, 0, "no heartbeat after the client left");
    assert.equal(unsubscribed, 1, "the subscription made after it left is undone");
  });
});
