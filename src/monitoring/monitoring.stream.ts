/**
 * Live figures (实时): a server-sent event stream that pushes today's key figures for the
 * caller's scope whenever the rollup moves on — within a second or two of the market event,
 * on whichever server instance the dashboard is connected to (NOTIFY monitoring_updated).
 */
import type { FastifyReply } from "fastify";
import type { Static } from "typebox";
import type { AppContext } from "../platform/context.ts";
import { streamPushes } from "../platform/http/event-stream.ts";
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
  await streamPushes(reply, {
    event: "figures",
    load: () => liveFigures(ctx, scope),
    idOf: (figures) => figures.asOfEventId,
    minIntervalMs: MIN_INTERVAL_MS,
    heartbeatMs: HEARTBEAT_MS,
    shutdown,
    // Updates missed while the LISTEN connection was cut: push the figures as they are now.
    subscribe: async (changed) => [await ctx.database.listen(UPDATED_CHANNEL, changed, changed)],
  });
}
