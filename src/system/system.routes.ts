/** Liveness, readiness and the API's error catalogue. */
import { sql } from "drizzle-orm";
import { Type } from "typebox";
import { migrationsApplied } from "../db/migrate.ts";
import { allErrorCodes } from "../platform/errors.ts";
import type { App } from "../platform/http/types.ts";
import { checkMetricsAccess } from "./metrics-access.ts";

/** Longer than a healthy database ever takes, shorter than a load balancer's check timeout. */
const READY_TIMEOUT_MS = 2_000;

async function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error("timed out")), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export async function systemRoutes(app: App): Promise<void> {
  app.get("/healthz", { schema: { hide: true } }, async () => ({ status: "ok" }));

  // A load balancer sends traffic only where this says ready: the database answers in time,
  // the schema is current, and notices from other instances arrive (else indexes go stale).
  app.get("/readyz", { schema: { hide: true } }, async (_request, reply) => {
    const database = app.ctx.database;
    try {
      await withTimeout(database.db.execute(sql`select 1`), READY_TIMEOUT_MS);
      if (!(await migrationsApplied(database))) {
        return reply.status(503).send({ status: "migrations_pending" });
      }
    } catch {
      return reply.status(503).send({ status: "database_unreachable" });
    }
    if (!database.listenFeedUp()) return reply.status(503).send({ status: "listen_feed_down" });
    // A replica that is down or behind does not make the instance unready: its reads go to the primary.
    const replica = database.replica?.();
    return { status: "ready", database: database.kind, ...(replica && { replica }) };
  });

  app.get("/metrics", { schema: { hide: true } }, async (request, reply) => {
    checkMetricsAccess(request, app.ctx.config.metricsToken);
    reply.header("content-type", app.metrics.contentType).header("cache-control", "no-store");
    return app.metrics.metrics();
  });

  app.get(
    "/api/errors",
    {
      config: { access: "public" },
      schema: {
        tags: ["system"],
        summary: "Every error code with its status and messages",
        response: {
          200: Type.Array(
            Type.Object({
              code: Type.String(),
              status: Type.Integer(),
              zh: Type.String(),
              en: Type.String(),
            }),
          ),
        },
      },
    },
    async () => [...allErrorCodes()].map(([code, spec]) => ({ code, ...spec })),
  );
}
