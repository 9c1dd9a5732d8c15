/**
 * Idempotent commands (decision 0007). A route opts in with `config: { idempotent: true }`;
 * a request to it may carry an `Idempotency-Key` header (any string the client makes up, one
 * per command, reused on its own retries). For one account:
 *   - a new key runs the command, and a success is remembered (status and JSON body);
 *   - the same key and the same request answers that first result again, without running the
 *     command, with `Idempotent-Replayed: true`;
 *   - the same key with another request (method, path or body) is refused: 422
 *     `idempotency_key_reused`;
 *   - the same key while the first request still runs waits for its result, up to a few
 *     seconds, then 409 `idempotency_in_progress` with `Retry-After`.
 * A failed command (any 4xx or 5xx) rolled its transaction back, so its key is released and the
 * same request may be sent again. Requests without the header run as before.
 */
import { createHash } from "node:crypto";
import type {
  FastifyInstance,
  FastifyReply,
  FastifyRequest,
  onSendHookHandler,
  preHandlerHookHandler,
} from "fastify";
import { Type } from "typebox";
import type { AppContext } from "../context.ts";
import { defineErrors } from "../errors.ts";
import * as repo from "./idempotency.repository.ts";

declare module "fastify" {
  interface FastifyContextConfig {
    /** The command accepts an `Idempotency-Key` header. */
    idempotent?: boolean;
  }
}

export const idempotencyErrors = defineErrors({
  idempotency_key_reused: {
    status: 422,
    zh: "这个请求编号（Idempotency-Key）已用于另一个不同的操作，请使用新的编号",
    en: "This Idempotency-Key was used for a different request; send a new key",
  },
  idempotency_in_progress: {
    status: 409,
    zh: "同样的操作正在处理中，请稍后再试",
    en: "The same request is still being processed; try again in a moment",
  },
});

const HEADER = "idempotency-key";
/** How long a duplicate waits for the first request's result before it is told to retry. */
const WAIT_MS = 5_000;
const POLL_MS = 50;
/** A key in progress for longer than this was left by a server that stopped mid-request. */
const ABANDONED_AFTER_MS = 5 * 60_000;

const reservations = new WeakMap<FastifyRequest, repo.KeyOf>();

/** JSON with the keys of every object sorted, so `{a,b}` and `{b,a}` are the same request. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value ?? null);
}

function fingerprintOf(request: FastifyRequest): string {
  const text = `${request.method} ${request.url}\n${canonicalJson(request.body ?? null)}`;
  return createHash("sha256").update(text).digest("hex");
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function replay(reply: FastifyReply, row: repo.IdempotencyRow): FastifyReply {
  return reply
    .code(row.responseStatus ?? 200)
    .header("idempotent-replayed", "true")
    .type("application/json; charset=utf-8")
    .send(row.responseBody ?? "null");
}

function reserveOrReplay(ctx: AppContext): preHandlerHookHandler {
  return async function reserve(request, reply) {
    const key = request.headers[HEADER];
    if (typeof key !== "string" || !request.user) return;
    const db = ctx.database.db;
    const of = { accountId: request.user.id, key };
    const fingerprint = fingerprintOf(request);
    const deadline = Date.now() + WAIT_MS;
    for (;;) {
      const now = ctx.clock.now();
      if (
        await repo.reserveKey(db, { ...of, cityCode: request.user.cityCode, fingerprint, createdAt: now })
      ) {
        reservations.set(request, of);
        return;
      }
      const existing = await repo.findKey(db, of);
      if (existing) {
        if (existing.fingerprint !== fingerprint) throw idempotencyErrors.idempotency_key_reused();
        if (existing.status === "completed") return replay(reply, existing);
        const abandonedBefore = new Date(now.getTime() - ABANDONED_AFTER_MS);
        if (await repo.takeOverKey(db, of, abandonedBefore, now)) {
          reservations.set(request, of);
          return;
        }
      }
      if (Date.now() >= deadline) {
        reply.header("retry-after", "1");
        throw idempotencyErrors.idempotency_in_progress();
      }
      await sleep(POLL_MS);
    }
  };
}

function rememberResult(ctx: AppContext): onSendHookHandler {
  return async function remember(request, reply, payload) {
    const of = reservations.get(request);
    if (!of) return payload;
    reservations.delete(request);
    const db = ctx.database.db;
    try {
      if (reply.statusCode < 300 && typeof payload === "string") {
        await repo.completeKey(db, of, {
          responseStatus: reply.statusCode,
          responseBody: payload,
          completedAt: ctx.clock.now(),
        });
      } else {
        await repo.releaseKey(db, of);
      }
    } catch (error) {
      // The command's own answer still goes out; the key stays in progress until abandoned.
      request.log.error({ err: error }, "could not store the idempotency key's result");
    }
    return payload;
  };
}

const IdempotencyHeaders = Type.Object({
  [HEADER]: Type.Optional(
    Type.String({
      minLength: 1,
      maxLength: 200,
      pattern: "^[\\x21-\\x7e]+$",
      description:
        "Any printable ASCII string, new for each command and reused on its retries (decision 0007)",
    }),
  ),
});

/** Wires the idempotency hooks into every route declared with `config: { idempotent: true }`. */
export function registerIdempotency(app: FastifyInstance, ctx: AppContext): void {
  const reserve = reserveOrReplay(ctx);
  const remember = rememberResult(ctx);
  const list = <T>(hooks: T | T[] | undefined): T[] =>
    hooks === undefined ? [] : Array.isArray(hooks) ? hooks : [hooks];
  app.addHook("onRoute", (route) => {
    if (!(route.config as { idempotent?: boolean } | undefined)?.idempotent) return;
    route.schema = { ...route.schema, headers: route.schema?.headers ?? IdempotencyHeaders };
    route.preHandler = [...list(route.preHandler), reserve];
    route.onSend = [...list(route.onSend), remember];
  });
}
