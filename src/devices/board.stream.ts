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
    const board = await stationBoard(ctx, device).catch(() => null);
    if (board && !closed) out.write(`event: board\ndata: ${JSON.stringify(board)}\n\n`);
  };
  const onUpdate = () => {
    if (pending || closed) return;
    pending = setTimeout(send, Math.max(0, lastSent + MIN_INTERVAL_MS - Date.now()));
  };
  const unlisten = await ctx.database.listen(MARKET_CHANNEL, onUpdate, onUpdate);
  const heartbeat = setInterval(async () => {
    if (!(await deviceStillLive(ctx, device.id).catch(() => true))) return out.end();
    out.write(": keep-alive\n\n");
  }, HEARTBEAT_MS);
  const endStream = () => out.end();
  shutdown.addEventListener("abort", endStream, { once: true });
  out.on("close", () => {
    closed = true;
    shutdown.removeEventListener("abort", endStream);
    clearInterval(heartbeat);
    if (pending) clearTimeout(pending);
    unlisten().catch(() => undefined);
  });
  await send();
}
