/**
 * Sign-in limits counted in the database (sign_in_attempts), so they hold across every
 * server instance. Each rule: at most `max` events of a key within `windowMs`.
 */
import { and, count, eq, gt } from "drizzle-orm";
import type { DbOrTx } from "../db/client.ts";
import { signInAttempts } from "../db/schema/index.ts";
import { commonErrors } from "../platform/errors.ts";

export interface LimitRule {
  key: string;
  max: number;
  windowMs: number;
  /** Count only failures (wrong passwords) rather than every attempt (codes sent). */
  failuresOnly?: boolean;
}

export async function attemptsWithin(db: DbOrTx, rule: LimitRule, now: Date): Promise<number> {
  const since = new Date(now.getTime() - rule.windowMs);
  const conditions = [eq(signInAttempts.key, rule.key), gt(signInAttempts.at, since)];
  if (rule.failuresOnly) conditions.push(eq(signInAttempts.succeeded, false));
  const [row] = await db
    .select({ n: count() })
    .from(signInAttempts)
    .where(and(...conditions));
  return row?.n ?? 0;
}

/** Throws 429 rate_limited when any rule is already at its limit. */
export async function enforceLimits(db: DbOrTx, rules: LimitRule[], now: Date): Promise<void> {
  for (const rule of rules) {
    if ((await attemptsWithin(db, rule, now)) >= rule.max) throw commonErrors.rate_limited();
  }
}

export async function recordAttempts(
  db: DbOrTx,
  keys: string[],
  succeeded: boolean,
  at: Date,
): Promise<void> {
  await db.insert(signInAttempts).values(keys.map((key) => ({ key, succeeded, at })));
}
