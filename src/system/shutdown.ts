/**
 * Graceful shutdown (SIGTERM from systemd or a rolling restart, SIGINT from a terminal):
 * stop taking connections, let the requests in flight finish, stop the sweeper, the indexes,
 * the rollup and the LISTEN connection, close the pool. Requests that have not finished after
 * `drainMs` have their connections cut, so the whole takes well under the 10 s a supervisor
 * waits before it kills.
 */
import type { Database } from "../db/client.ts";
import type { App } from "../platform/http/types.ts";

/** A process supervisor's usual patience: main.ts exits by then whatever happens. */
export const SHUTDOWN_DEADLINE_MS = 10_000;
const DRAIN_MS = 7_000;
const IDLE_SWEEP_MS = 100;

export interface Running {
  app: App;
  database: Database;
  /** Stops the background work (the sweeper) and waits for a round in progress. */
  stopBackground: () => Promise<void>;
}

export async function shutDown(
  { app, database, stopBackground }: Running,
  drainMs = DRAIN_MS,
): Promise<void> {
  // A kept-alive connection whose last request just finished would hold the server open.
  const closeIdle = setInterval(() => app.server.closeIdleConnections(), IDLE_SWEEP_MS);
  const cutStragglers = setTimeout(() => app.server.closeAllConnections(), drainMs);
  try {
    // Closing refuses new connections at once and answers 503 on kept-alive ones; it waits
    // for the requests in flight, then runs each area's onClose (indexes, rollup).
    await Promise.all([app.close(), stopBackground()]);
  } finally {
    clearInterval(closeIdle);
    clearTimeout(cutStragglers);
  }
  await database.close();
}
