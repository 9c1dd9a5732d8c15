/**
 * The board, live (server-sent events): pushed again whenever a market event is recorded (a gig
 * posted, a place taken), at most once a second, on whichever instance the screen is connected
 * to. After the LISTEN connection was cut it pushes the board as it is now (notices were lost).
 * The device is checked again at each heartbeat, so a revoked screen's stream ends within
 * HEARTBEAT_MS; the screen reconnects by itself after any other end.
 */
import type { FastifyReply } from "fastify";
import { MARKET_CHANNEL } from "../market/market-events.ts";
import type { AppContext } from "../platform/context.ts";
import type { RequestDevice } from "../platform/http/access.ts";
import { streamPushes } from "../platform/http/event-stream.ts";
import { stationBoard } from "./board.service.ts";
import { deviceStillLive } from "./devices.service.ts";

const MIN_INTERVAL_MS = 1_000;
export const HEARTBEAT_MS = 15_000;

export async function streamBoard(
  ctx: AppContext,
  device: RequestDevice,
  reply: FastifyReply,
  shutdown: AbortSignal,
): Promise<void> {
  await streamPushes(reply, {
    event: "board",
    load: () => stationBoard(ctx, device),
    minIntervalMs: MIN_INTERVAL_MS,
    heartbeatMs: HEARTBEAT_MS,
    shutdown,
    subscribe: async (changed) => [await ctx.database.listen(MARKET_CHANNEL, changed, changed)],
    // A device revoked meanwhile loses its stream at the next heartbeat.
    stillAllowed: () => deviceStillLive(ctx, device.id),
  });
}
