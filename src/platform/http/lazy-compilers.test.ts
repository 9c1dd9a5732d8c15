/**
 * The lazy compilers answer exactly as Fastify's eager ones: the same coercion, the same
 * validation errors (read after the call through `errors`), the same serialized answer.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import Fastify, { type FastifyServerOptions } from "fastify";
import { Type } from "typebox";
import { lazySerializers, lazyValidators } from "./lazy-compilers.ts";

const AJV = { customOptions: { removeAdditional: false, coerceTypes: "array" as const, allErrors: false } };

async function appWith(options: FastifyServerOptions) {
  const app = Fastify({ logger: false, ajv: AJV, ...options });
  app.post(
    "/things",
    {
      schema: {
        querystring: Type.Object({
          k: Type.Integer({ minimum: 1 }),
          tags: Type.Optional(Type.Array(Type.String())),
        }),
        body: Type.Object({ name: Type.String({ minLength: 1 }) }, { additionalProperties: false }),
        response: {
          200: Type.Object({ k: Type.Integer(), tags: Type.Array(Type.String()), name: Type.String() }),
        },
      },
    },
    async (request) => {
      const query = request.query as { k: number; tags?: string[] };
      return {
        k: query.k,
        tags: query.tags ?? [],
        name: (request.body as { name: string }).name,
        secret: "x",
      };
    },
  );
  await app.ready();
  return app;
}

const ASKS = [
  { url: "/things?k=3&tags=a", body: { name: "王" } },
  { url: "/things?k=0", body: { name: "王" } },
  { url: "/things?k=abc", body: { name: "王" } },
  { url: "/things?k=2", body: { name: "" } },
  { url: "/things?k=2", body: { name: "王", extra: 1 } },
  { url: "/things", body: { name: "王" } },
];

describe("lazy compilers", () => {
  it("answer every request as the eager ones do", async () => {
    const eager = await appWith({});
    const lazy = await appWith({
      schemaController: {
        compilersFactory: { buildValidator: lazyValidators(), buildSerializer: lazySerializers() },
      },
    });
    try {
      for (const ask of ASKS) {
        const [a, b] = await Promise.all(
          [eager, lazy].map((app) => app.inject({ method: "POST", url: ask.url, payload: ask.body })),
        );
        assert.equal(b.statusCode, a.statusCode, ask.url);
        assert.deepEqual(b.json(), a.json(), ask.url);
      }
    } finally {
      await eager.close();
      await lazy.close();
    }
  });
});
