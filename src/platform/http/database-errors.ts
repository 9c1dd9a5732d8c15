/**
 * Database failures as the caller should see them. A lost connection or an unreachable server
 * is the service being briefly unavailable (503 with Retry-After: the pool reconnects, a
 * failover finishes), and a transaction that lost a lock race after its retries is the
 * caller's conflict (409): neither is a 500. Anything not recognised here stays undefined.
 */
import { isConnectionFailure, isRetryableConflict } from "../../db/errors.ts";
import { type AppError, commonErrors, defineErrors } from "../errors.ts";

/** How long a client should wait before trying again after a lost connection. */
export const RETRY_AFTER_SECONDS = 5;

export const databaseErrors = defineErrors({
  database_unavailable: {
    status: 503,
    zh: "数据库暂时无法连接，请稍后重试",
    en: "The database cannot be reached right now; please try again shortly",
  },
});

export function classifyDatabaseError(error: unknown): AppError | undefined {
  if (isConnectionFailure(error)) {
    return databaseErrors.database_unavailable({ retryAfterSeconds: RETRY_AFTER_SECONDS });
  }
  if (isRetryableConflict(error)) return commonErrors.conflict();
  return undefined;
}
