/** Liveness, readiness and the API's error catalogue. */
import { sql } from "drizzle-orm";
import { Type } from "typebox";
import { migrationsApplied } from "../db/migrate.ts";
import { allErrorCodes } from "../platform/errors.ts";
import type { App } from "../platform/http/types.ts";

export async function systemRoutes(app: App): Promise<void> {
  app.get("/healthz", { schema: { hide: true } }, async () => ({ status: "ok" }));

  app.get("/readyz", { schema: { hide: true } }, async (_request, reply) => {
    try {
      await app.ctx.database.db.execute(sql`select 1`);
      if (!(await migrationsApplied(app.ctx.database))) {
        return reply.status(503).send({ status: "migrations_pending" });
      }
      return { status: "ready", database: app.ctx.database.kind };
    } catch {
      return reply.status(503).send({ status: "database_unreachable" });
    }
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
