/**
 * Server-sent event streams that push a view again whenever something it shows may have changed:
 * the monitoring figures, a station's board, a dispatch's progress. One shape for all of them:
 * the view at once, then at most once per interval after a change notice, a heartbeat comment
 * that keeps proxies from closing the connection, and an end when the client goes away or the
 * server shuts down (the browser then reconnects, possibly to another instance).
 */
import type { FastifyReply } from "fastify";

export interface PushOptions<T> {
  /** The event's name, e.g. `figures`. */
  event: string;
  /** The view as it is now; null skips this push (the database away for a moment, say). */
  load: () => Promise<T | null>;
  /** The `id:` line of each push, when the view has one. */
  idOf?: (view: T) => string | number;
  /** Called with each view sent, before it is written. */
  onPush?: (view: T) => void;
  minIntervalMs: number;
  heartbeatMs: number;
  /** Ends the stream: the server is shutting down. */
  shutdown: AbortSignal;
  /**
   * Subscribes `changed` to whatever announces a change (LISTEN channels); returns the functions
   * that unsubscribe. `changed` may be called as often as notices come: pushes are throttled.
   */
  subscribe: (changed: () => void) => Promise<Array<() => Promise<void>>>;
  /** Checked at each heartbeat: false ends the stream (a device revoked meanwhile). */
  stillAllowed?: () => Promise<boolean>;
}

export const EVENT_STREAM_HEADERS = {
  "content-type": "text/event-stream; charset=utf-8",
  "cache-control": "no-cache, no-transform",
  connection: "keep-alive",
  "x-accel-buffering": "no",
} as const;

/** Streams pushes of a view until the client goes away or the server shuts down. */
export async function streamPushes<T>(reply: FastifyReply, options: PushOptions<T>): Promise<void> {
  reply.hijack();
  const out = reply.raw;
  out.writeHead(200, EVENT_STREAM_HEADERS);
  let closed = false;
  let pending: NodeJS.Timeout | null = null;
  let lastSent = 0;
  const send = async () => {
    pending = null;
    if (closed) return;
    lastSent = Date.now();
    const view = await options.load().catch(() => null);
    if (view === null || closed) return;
    options.onPush?.(view);
    const id = options.idOf ? `id: ${options.idOf(view)}\n` : "";
    out.write(`event: ${options.event}\n${id}data: ${JSON.stringify(view)}\n\n`);
  };
  // Bursts of notices become one push at most every minIntervalMs.
  const changed = () => {
    if (pending || closed) return;
    pending = setTimeout(send, Math.max(0, lastSent + options.minIntervalMs - Date.now()));
  };
  let heartbeat: NodeJS.Timeout | undefined;
  let unsubscribe: Array<() => Promise<void>> = [];
  const endStream = () => out.end();
  // Heard before anything is awaited: the client may go away while the subscription is made, and
  // a heartbeat left running then would keep writing to nobody and hold the process open.
  out.on("close", () => {
    closed = true;
    options.shutdown.removeEventListener("abort", endStream);
    clearInterval(heartbeat);
    if (pending) clearTimeout(pending);
    // The database may already be closing with the server.
    for (const stop of unsubscribe) stop().catch(() => undefined);
  });
  if (out.destroyed || options.shutdown.aborted) {
    closed = true;
    out.end();
    return;
  }
  options.shutdown.addEventListener("abort", endStream, { once: true });
  const subscribed = await options.subscribe(changed);
  if (closed) {
    for (const stop of subscribed) stop().catch(() => undefined);
    return;
  }
  unsubscribe = subscribed;
  heartbeat = setInterval(async () => {
    if (options.stillAllowed && !(await options.stillAllowed().catch(() => true))) return out.end();
    out.write(": keep-alive\n\n");
  }, options.heartbeatMs);
  await send();
}
