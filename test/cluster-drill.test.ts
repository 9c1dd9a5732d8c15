/**
 * The failover drill's pure parts (scripts/drill/cluster-config.ts): its configurations are the
 * shipped deploy/ files moved onto loopback, and its verdicts count what they say. The drill
 * itself (`npm run drill:cluster`) needs root, Patroni and etcd, and is not part of `npm test`.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import { parse } from "yaml";
import {
  countAnswer,
  DRILL_PASSWORDS,
  DRILL_PORTS,
  emptyAnswers,
  haproxyConfig,
  lostWrites,
  overbooked,
  patroniConfig,
  recoveryMs,
} from "../scripts/drill/cluster-config.ts";

const deploy = (file: string) => readFileSync(path.join(import.meta.dirname, "..", "deploy", file), "utf8");

describe("the failover drill's configuration comes from deploy/", () => {
  const node = {
    name: "pg2",
    pgPort: 25433,
    restPort: 28009,
    dataDir: "/tmp/drill/pg2/data",
    pgpass: "/tmp/drill/pg2/pgpass",
  };
  const shipped = parse(deploy("patroni/patroni.yml"));
  const drill = parse(patroniConfig(deploy("patroni/patroni.yml"), node, 23790));

  it("keeps what decides a failover: synchronous mode, pg_rewind, TTLs and parameters", () => {
    assert.equal(drill.scope, shipped.scope);
    assert.deepEqual(
      { ...drill.bootstrap.dcs, postgresql: undefined },
      { ...shipped.bootstrap.dcs, postgresql: undefined },
    );
    assert.equal(drill.bootstrap.dcs.synchronous_mode, true);
    assert.equal(drill.bootstrap.dcs.postgresql.use_pg_rewind, true);
    const { archive_mode, archive_command, archive_timeout, ...rest } =
      shipped.bootstrap.dcs.postgresql.parameters;
    assert.ok(archive_command && archive_timeout && archive_mode, "the shipped file archives WAL");
    const drillParameters = { ...drill.bootstrap.dcs.postgresql.parameters };
    assert.equal(drillParameters.archive_mode, "off", "the drill has no archive host");
    delete drillParameters.archive_mode;
    assert.deepEqual(drillParameters, rest);
    assert.equal(drill.postgresql.bin_dir, shipped.postgresql.bin_dir);
  });

  it("moves the node onto loopback with its own folder and the drill's passwords", () => {
    assert.equal(drill.name, "pg2");
    assert.equal(drill.restapi.listen, "127.0.0.1:28009");
    assert.equal(drill.postgresql.listen, "127.0.0.1:25433");
    assert.equal(drill.postgresql.data_dir, node.dataDir);
    assert.equal(drill.etcd3.hosts, "127.0.0.1:23790");
    assert.equal(drill.postgresql.authentication.superuser.password, DRILL_PASSWORDS.superuser);
    assert.equal(
      drill.postgresql.authentication.rewind.username,
      shipped.postgresql.authentication.rewind.username,
    );
    assert.ok(drill.bootstrap.pg_hba.every((line: string) => !line.includes("10.0.0.")));
  });

  it("rewrites HAProxy's addresses only: checks, retries and the JSON 503 stay as shipped", () => {
    const shippedCfg = deploy("haproxy/haproxy.cfg");
    const cfg = haproxyConfig(shippedCfg, "/tmp/drill");
    assert.equal(cfg.split("\n").length, shippedCfg.split("\n").length, "no line added or removed");
    assert.doesNotMatch(cfg, /10\.0\.0\./);
    assert.match(cfg, new RegExp(`bind 127\\.0\\.0\\.1:${DRILL_PORTS.front}`));
    for (const port of DRILL_PORTS.apps) assert.match(cfg, new RegExp(`127\\.0\\.0\\.1:${port} check`));
    assert.match(cfg, /server pg1 127\.0\.0\.1:25432 check port 28008/);
    assert.match(cfg, /server pg2 127\.0\.0\.1:25433 check port 28009/);
    for (const kept of [
      "http-check send meth GET uri /readyz",
      "http-check send meth GET uri /primary",
      "retry-on conn-failure empty-response response-timeout",
      "on-marked-down shutdown-sessions",
      "http-error status 503 content-type application/json",
    ])
      assert.ok(cfg.includes(kept), kept);
  });

  it("answers a JSON 503 with Retry-After when no instance is up, in the app's error shape", () => {
    const line = deploy("haproxy/haproxy.cfg")
      .split("\n")
      .find((l) => l.trim().startsWith("http-error status 503")) as string;
    const body = /string '([^']+)'/.exec(line)?.[1] as string;
    const parsed = JSON.parse(body);
    assert.equal(parsed.error.code, "service_unavailable");
    assert.match(line, /hdr retry-after 5/);
  });
});

describe("the failover drill's verdicts", () => {
  it("counts an acknowledged write as lost only when the database does not hold it", () => {
    const acknowledged = [
      { kind: "application" as const, id: "a1" },
      { kind: "booking" as const, id: "b1" },
      { kind: "booking" as const, id: "b2" },
    ];
    const present = new Set(["application:a1", "booking:b2", "application:b1"]);
    assert.deepEqual(lostWrites(acknowledged, present), [{ kind: "booking", id: "b1" }]);
  });

  it("finds gigs with more live bookings than places", () => {
    const gigs = [
      { gigId: "g1", headcount: 2, live: 2 },
      { gigId: "g2", headcount: 1, live: 2 },
      { gigId: "g3", headcount: 3, live: 0 },
    ];
    assert.deepEqual(
      overbooked(gigs).map((g) => g.gigId),
      ["g2"],
    );
  });

  it("sorts answers: 503 is the failover's, other 5xx are failures, none is a cut connection", () => {
    const answers = emptyAnswers();
    for (const status of [201, 200, 409, 503, 503, 500, 502, undefined]) countAnswer(answers, status);
    assert.deepEqual(answers, { ok: 2, clientErrors: 1, unavailable: 2, otherServerErrors: 2, noAnswer: 1 });
  });

  it("measures recovery from the kill to the first success after writes began to fail", () => {
    const killedAt = 1_000;
    const writes = [
      { sentAtMs: 990, answeredAtMs: 1_005, ok: true }, // committed before the kill
      { sentAtMs: 1_100, answeredAtMs: 1_200, ok: false },
      { sentAtMs: 5_000, answeredAtMs: 5_100, ok: false },
      { sentAtMs: 9_000, answeredAtMs: 12_000, ok: true },
      { sentAtMs: 9_500, answeredAtMs: 11_000, ok: true },
    ];
    assert.equal(recoveryMs(killedAt, writes), 10_000);
    assert.equal(recoveryMs(killedAt, writes.slice(0, 3)), undefined, "never recovered");
    assert.equal(recoveryMs(killedAt, [writes[0], writes[3]]), 0, "no write failed");
  });
});
