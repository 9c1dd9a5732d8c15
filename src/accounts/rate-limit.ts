/**
 * Sign-in limits counted in the database (sign_in_attempts), so they hold across every
 * server instance. Each rule: at most `max` attempts of a key within `windowMs`.
 *
 * An attempt is reserved before the work it guards (sending a code, checking a password)
 * and counted as a failure until it is marked successful. Reserving takes a transaction
 * lock on each key, so a burst of parallel requests, even on several instances, cannot
 * all pass the check before any of them is counted.
 */
import { and, asc, eq, gt, inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "../db/client.ts";
import { signInAttempts } from "../db/schema/index.ts";
import { type AppError, commonErrors } from "../platform/errors.ts";

export interface LimitRule {
  key: string;
  max: number;
  windowMs: number;
  /** Count only failures (wrong passwords) rather than every attempt (codes sent). */
  failuresOnly?: boolean;
  /** The error when the limit is reached; rate_limited unless the rule has a more telling one. */
  refusal?: (params: { retryAfterSeconds: number }) => AppError;
}

/** Advisory-lock class of sign-in limit keys; the two-key lock space is apart from single-key locks. */
const LIMIT_LOCK_CLASS = 7302;

async function lockKey(tx: DbOrTx, key: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${LIMIT_LOCK_CLASS}, hashtext(${key}))`);
}

/** When each attempt counted by the rule was made, oldest first. */
async function attemptsWithin(db: DbOrTx, rule: LimitRule, now: Date): Promise<Date[]> {
  const since = new Date(now.getTime() - rule.windowMs);
  const conditions = [eq(signInAttempts.key, rule.key), gt(signInAttempts.at, since)];
  if (rule.failuresOnly) conditions.push(eq(signInAttempts.succeeded, false));
  const rows = await db
    .select({ at: signInAttempts.at })
    .from(signInAttempts)
    .where(and(...conditions))
    .orderBy(asc(signInAttempts.at));
  return rows.map((r) => r.at);
}

/**
 * Whole seconds until a rule allows another attempt, given the times of the attempts it
 * counts (oldest first); 0 when it allows one now. The oldest attempts leave the window first,
 * so the wait ends when all but `max - 1` of them have left it.
 */
export function secondsUntilAllowed(
  times: readonly Date[],
  max: number,
  windowMs: number,
  now: Date,
): number {
  if (times.length < max) return 0;
  const freeingAttempt = times[times.length - max];
  return Math.max(1, Math.ceil((freeingAttempt.getTime() + windowMs - now.getTime()) / 1000));
}

/**
 * Counts one attempt against every rule's key, or throws the rule's 429 (rate_limited unless
 * it names another) with the seconds to wait when any rule is already at its limit.
 * Call inside a transaction; returns the attempts' ids.
 */
export async function reserveAttempt(tx: DbOrTx, rules: LimitRule[], now: Date): Promise<string[]> {
  // Keys are locked in a fixed order so two requests sharing keys cannot deadlock.
  const keys = [...new Set(rules.map((r) => r.key))].sort();
  for (const key of keys) await lockKey(tx, key);
  // When several rules refuse, the caller hears the longest wait.
  let longest: { rule: LimitRule; wait: number } | null = null;
  for (const rule of rules) {
    const wait = secondsUntilAllowed(await attemptsWithin(tx, rule, now), rule.max, rule.windowMs, now);
    if (wait > (longest?.wait ?? 0)) longest = { rule, wait };
  }
  if (longest) throw (longest.rule.refusal ?? commonErrors.rate_limited)({ retryAfterSeconds: longest.wait });
  const rows = await tx
    .insert(signInAttempts)
    .values(keys.map((key) => ({ key, succeeded: false, at: now })))
    .returning({ id: signInAttempts.id });
  return rows.map((r) => r.id);
}

/** The guarded work succeeded: the attempts no longer count against failure-only rules. */
export async function markSucceeded(db: DbOrTx, attemptIds: string[]): Promise<void> {
  if (attemptIds.length === 0) return;
  await db.update(signInAttempts).set({ succeeded: true }).where(inArray(signInAttempts.id, attemptIds));
}
