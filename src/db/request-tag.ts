/**
 * The id of the HTTP request a query runs for, written as a leading SQL comment
 * (`/* request_id=req-7 *\/ select …`) so that pg_stat_activity and the PostgreSQL log
 * show which request a slow or blocked statement belongs to (PostgreSQL only).
 */
import { AsyncLocalStorage } from "node:async_hooks";

const current = new AsyncLocalStorage<string>();

/** Runs `work` (and everything it starts) as part of request `id`. */
export function runTagged<T>(id: string, work: () => T): T {
  return current.run(id, work);
}

/** Ids may come from a proxy's X-Request-Id header: only a safe alphabet reaches the SQL text. */
export function safeRequestId(id: string): string {
  return id.replace(/[^A-Za-z0-9._:-]/g, "").slice(0, 64);
}

/** The query text with the current request's id in front, or unchanged outside a request. */
export function tagged(text: string): string {
  const id = current.getStore();
  return id ? `/* request_id=${id} */ ${text}` : text;
}
