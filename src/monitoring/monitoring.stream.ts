/**
 * Live figures (实时): a server-sent event stream that pushes today's key figures for the
 * caller's scope whenever the rollup moves on — within a second or two of the market event,
 * on whichever server instance the dashboard is connected to (NOTIFY monitoring_updated).
 */
import type { FastifyReply } from "fastify";
import type { Static } from "typebox";
import type { AppContext } from "../platform/context.ts";
import type { Scope } from "./monitoring.repository.ts";
import type { LiveFigures } from "./monitoring.schemas.ts";
import { localDay, periodContaining } from "./periods.ts";
import { readCursor } from "./rollup.repository.ts";
import { ROLLUP_NAME, UPDATED_CHANNEL } from "./rollup.ts";
import { snapshots } from "./snapshot.ts";

const MIN_INTERVAL_MS = 1_000;
const HEARTBEAT_MS = 15_000;

export async function liveFigures(ctx: AppContext, scope: Scope): Promise<Static<typeof LiveFigures>> {
  const today = periodContaining("day", localDay(ctx.clock.now()));
  const [[figures], asOfEventId] = await Promise.all([
    snapshots(ctx, scope, [today]),
    readCursor(ctx.database.reads(), ROLLUP_NAME),
  ]);
  return { scope, day: today.from, asOfEventId, figures };
}

/** Streams until the client goes away or `shutdown` aborts (the browser reconnects elsewhere). */
export async function streamFigures(
  ctx: AppContext,
  scope: Scope,
  reply: FastifyReply,
  shutdown: AbortSignal,
): Promise<void> {
  reply.hijack();
  const out = reply.raw;
  out.writeHead(200, {
    "content-type": "text/event-stream; charset=utf-8",
    "cache-control": "no-cache, no-transform",
    connection: "keep-alive",
    "x-accel-buffering": "no",
  });
  let closed = false;
  let pending: NodeJS.Timeout | null = null;
  let lastSent = 0;
  const send = async () => {
    pending = null;
    if (closed) return;
    lastSent = Date.now();
    const data = await liveFigures(ctx, scope).catch(() => null);
    if (data && !closed)
      out.write(`event: figures\nid: ${data.asOfEventId}\ndata: ${JSON.stringify(data)}\n\n`);
  };
  // Bursts of events become one push at most every MIN_INTERVAL_MS.
  const onUpdate = () => {
    if (pending || closed) return;
    pending = setTimeout(send, Math.max(0, lastSent + MIN_INTERVAL_MS - Date.now()));
  };
  // Updates missed while the LISTEN connection was cut: push the figures as they are now.
  const unlisten = await ctx.database.listen(UPDATED_CHANNEL, onUpdate, onUpdate);
  const heartbeat = setInterval(() => out.write(": keep-alive\n\n"), HEARTBEAT_MS);
  const endStream = () => out.end();
  shutdown.addEventListener("abort", endStream, { once: true });
  out.on("close", () => {
    closed = true;
    shutdown.removeEventListener("abort", endStream);
    clearInterval(heartbeat);
    if (pending) clearTimeout(pending);
    // The database may already be closing with the server.
    unlisten().catch(() => undefined);
  });
  await send();
}
