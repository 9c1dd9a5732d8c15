/**
 * Prometheus metrics of one instance (GET /metrics): HTTP traffic by route pattern, the event
 * loop, the database pool, and — read from the database at each scrape — the notification
 * backlog and the pace of bookings and applications. Areas add their own gauges to `app.metrics`
 * (the matching indexes do). Who may read it: see `mayReadMetrics`.
 */
import type { FastifyRequest } from "fastify";
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";
import { runTagged, safeRequestId } from "../db/request-tag.ts";
import type { App } from "../platform/http/types.ts";
import { marketPace, outboxBacklog } from "./metrics.repository.ts";

declare module "fastify" {
  interface FastifyInstance {
    metrics: Registry;
  }
}

/** Requests that matched no route share one label, so scanners cannot blow up the series count. */
const UNMATCHED = "unmatched";
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export function registerMetrics(app: App): void {
  const registry = new Registry();
  registry.setDefaultLabels({ app: "linggong" });
  // Includes nodejs_eventloop_lag_seconds and its p50/p90/p99 (perf_hooks.monitorEventLoopDelay).
  collectDefaultMetrics({ register: registry, eventLoopMonitoringPrecision: 20 });
  app.decorate("metrics", registry);

  const labelNames = ["method", "route", "status"] as const;
  const requests = new Counter({
    name: "http_requests_total",
    help: "HTTP requests answered, by route pattern and status code",
    labelNames,
    registers: [registry],
  });
  const duration = new Histogram({
    name: "http_request_duration_seconds",
    help: "Time to answer an HTTP request, by route pattern and status code",
    labelNames,
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  });
  app.addHook("onResponse", (request, reply, done) => {
    const labels = { method: request.method, route: routeOf(request), status: String(reply.statusCode) };
    requests.inc(labels);
    duration.observe(labels, reply.elapsedTime / 1000);
    done();
  });
  // Statements sent while serving a request carry its id (src/db/request-tag.ts).
  app.addHook("onRequest", (request, _reply, done) => runTagged(safeRequestId(request.id), done));

  registerDatabaseGauges(app, registry);
}

function routeOf(request: FastifyRequest): string {
  return request.routeOptions.url ?? UNMATCHED;
}

function registerDatabaseGauges(app: App, registry: Registry): void {
  const { database, clock } = app.ctx;
  new Gauge({
    name: "linggong_db_pool_connections",
    help: "Connections of the PostgreSQL pool: total, idle, and requests waiting for one",
    labelNames: ["state"],
    registers: [registry],
    collect() {
      const stats = database.poolStats?.();
      if (!stats) return;
      this.set({ state: "total" }, stats.total);
      this.set({ state: "idle" }, stats.idle);
      this.set({ state: "waiting" }, stats.waiting);
    },
  });
  new Gauge({
    name: "linggong_listen_feed_up",
    help: "1 while notices from other instances arrive (the LISTEN connection is up)",
    registers: [registry],
    collect() {
      this.set(database.listenFeedUp() ? 1 : 0);
    },
  });
  // Only with a read replica (DATABASE_READ_URL): a series of zeros would say one is there.
  const replica = database.replica;
  if (replica) {
    new Gauge({
      name: "linggong_db_replica_lag_seconds",
      help: "How far the read replica (DATABASE_READ_URL) trails the primary; NaN while it cannot be reached",
      registers: [registry],
      collect() {
        this.set(replica().lagSeconds ?? Number.NaN);
      },
    });
    new Gauge({
      name: "linggong_db_replica_in_use",
      help: "1 while monitoring reads go to the read replica, 0 while they fall back to the primary",
      registers: [registry],
      collect() {
        this.set(replica().inUse ? 1 : 0);
      },
    });
  }
  new Gauge({
    name: "linggong_outbox_backlog",
    help: "SMS and voice messages still to be sent or retried, by channel",
    labelNames: ["channel"],
    registers: [registry],
    async collect() {
      this.reset();
      for (const row of await fromDatabase(() => outboxBacklog(database.db), []))
        this.set({ channel: row.channel }, Number(row.waiting));
    },
  });
  new Gauge({
    name: "linggong_outbox_oldest_seconds",
    help: "Age of the oldest SMS or voice message still to be sent, by channel",
    labelNames: ["channel"],
    registers: [registry],
    async collect() {
      this.reset();
      for (const row of await fromDatabase(() => outboxBacklog(database.db), []))
        this.set({ channel: row.channel }, Number(row.oldestSeconds));
    },
  });
  new Gauge({
    name: "linggong_market_last_minute",
    help: "Bookings and applications made in the city in the last minute (the same on every instance: use max)",
    labelNames: ["kind"],
    registers: [registry],
    async collect() {
      this.reset();
      const since = new Date(clock.now().getTime() - 60_000);
      const pace = await fromDatabase(() => marketPace(database.db, since), undefined);
      if (!pace) return;
      this.set({ kind: "bookings" }, pace.bookings);
      this.set({ kind: "applications" }, pace.applications);
    },
  });
}

/** With the database away the scrape still answers (the series are left out, not the instance). */
export async function fromDatabase<T>(read: () => Promise<T>, fallback: T): Promise<T> {
  try {
    return await read();
  } catch {
    return fallback;
  }
}
