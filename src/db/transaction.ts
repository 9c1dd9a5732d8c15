/**
 * One transaction per command, run again when PostgreSQL picks it as the loser of a lock race
 * (deadlock, 40P01) or of a serialization check (40001). Such a transaction was rolled back
 * whole, so running it again is safe as long as it only touches the database. After the last
 * attempt the error goes up, and the HTTP layer answers 409 `conflict` (decision 0006).
 */
import { setTimeout as sleep } from "node:timers/promises";
import type { Db, Tx } from "./client.ts";
import { isRetryableConflict } from "./errors.ts";

export const TRANSACTION_ATTEMPTS = 4;

/** A short, random pause so that two losers do not collide again in step. */
function pauseBefore(attempt: number): Promise<void> {
  return sleep(attempt * (5 + Math.random() * 20));
}

export async function inTransaction<T>(
  db: Db,
  work: (tx: Tx) => Promise<T>,
  attempts = TRANSACTION_ATTEMPTS,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction(work);
    } catch (error) {
      if (attempt >= attempts || !isRetryableConflict(error)) throw error;
      await pauseBefore(attempt);
    }
  }
}
