import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { sql } from "drizzle-orm";
import { startTestApp, type TestApp } from "../../test/support/app.ts";
import { employer, postedGig, worker } from "../../test/support/market-fixtures.ts";
import { queryRows } from "../db/client.ts";
import { runTagged } from "../db/request-tag.ts";

/** The value of one series of the Prometheus text, or undefined when it is absent. */
function sample(text: string, series: string): number | undefined {
  const line = text.split("\n").find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe("GET /metrics", () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
  });
  after(() => t.close());

  it("counts requests by route pattern, not by the address asked for, and shows the market's pace", async () => {
    const boss = await employer(t);
    const gigId = await postedGig(t, boss);
    const someone = await worker(t);
    const applied = await t.request("POST", `/api/gigs/${gigId}/applications`, {
      as: someone.token,
      body: {},
    });
    assert.equal(applied.statusCode, 201, applied.body);
    await t.request("GET", "/api/no-such-thing/12345");

    const response = await t.request("GET", "/metrics");
    assert.equal(response.statusCode, 200);
    assert.match(String(response.headers["content-type"]), /^text\/plain/);
    const text = response.body;
    const labels = 'method="POST",route="/api/gigs/:id/applications",status="201",app="linggong"';
    assert.equal(sample(text, `http_requests_total{${labels}}`), 1);
    const timed = 'app="linggong",method="POST",route="/api/gigs/:id/applications",status="201"';
    assert.equal(sample(text, `http_request_duration_seconds_count{${timed}}`), 1);
    assert.ok(!text.includes(gigId), "no raw URL becomes a label");
    assert.ok(!text.includes("12345"));
    assert.ok(text.includes('route="unmatched",status="404"'));
    assert.equal(sample(text, 'linggong_market_last_minute{kind="applications",app="linggong"}'), 1);
    assert.equal(sample(text, 'linggong_matching_index_entries{index="gigs",app="linggong"}'), 1);
    assert.equal(sample(text, 'linggong_matching_index_events_behind{app="linggong"}'), 0);
    assert.ok((sample(text, 'nodejs_eventloop_lag_p99_seconds{app="linggong"}') ?? -1) >= 0);
    assert.equal(sample(text, 'linggong_listen_feed_up{app="linggong"}'), 1);
    assert.ok(!text.includes("linggong_db_replica_"), "no replica series without DATABASE_READ_URL");
    if (t.ctx.database.kind === "postgres") {
      assert.ok((sample(text, 'linggong_db_pool_connections{state="total",app="linggong"}') ?? 0) >= 1);
    }
  });

  it("shows the messages waiting to go out", async () => {
    const someone = await worker(t);
    await t.ctx.database.db.execute(sql`
      insert into notification_outbox (city_code, user_id, channel, kind, phone, lang, template_id, params, text)
      values ('321100', ${someone.userId}, 'sms', 'test', '13900000000', 'zh-CN', 'T1', '{}'::jsonb, '测试')`);
    const text = (await t.request("GET", "/metrics")).body;
    assert.ok((sample(text, 'linggong_outbox_backlog{channel="sms",app="linggong"}') ?? 0) >= 1);
  });

  it("is closed to sessions and strangers when a metrics token is set", async () => {
    const original = t.ctx.config.metricsToken;
    t.ctx.config.metricsToken = "scrape-secret";
    try {
      const someone = await worker(t);
      const asWorker = await t.request("GET", "/metrics", { as: someone.token });
      assert.equal(asWorker.statusCode, 401);
      assert.equal(asWorker.json().error.code, "metrics_token_required");
      assert.equal((await t.request("GET", "/metrics", { as: "scrape-secret" })).statusCode, 200);
    } finally {
      t.ctx.config.metricsToken = original;
    }
  });

  it("is closed to other machines when no token is set", async () => {
    const response = await t.app.inject({ method: "GET", url: "/metrics", remoteAddress: "10.1.2.3" });
    assert.equal(response.statusCode, 403);
    assert.equal(response.json().error.code, "metrics_loopback_only");
  });

  it("sends the request id with each statement, as a comment PostgreSQL shows", async (ctx) => {
    if (t.ctx.database.kind !== "postgres")
      return ctx.skip("a comment reaches the server only on PostgreSQL");
    const rows = await runTagged("req-42", () =>
      queryRows<{ q: string }>(t.ctx.database.db, sql`select current_query() as q`),
    );
    assert.match(rows[0].q, /^\/\* request_id=req-42 \*\/ select current_query/);
  });
});
