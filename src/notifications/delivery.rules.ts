/**
 * The delivery loop's decisions, pure: when to retry, when a message is dead, when quiet hours
 * hold it, and when a person has had enough SMS for the day. Times are Asia/Shanghai (UTC+8).
 *
 *   backoffMs(1) = 30 s, backoffMs(2) = 60 s, … doubling, at most an hour.
 *   quietUntil(22:30 local, 22→7) = 07:00 the next morning; quietUntil(12:00) = null.
 */
const HOUR_MS = 3_600_000;
const SHANGHAI_OFFSET_MS = 8 * HOUR_MS;

/** Attempts before a message is dead (a dead letter staff can see). */
export const MAX_ATTEMPTS = 6;
const FIRST_RETRY_MS = 30_000;
const LONGEST_RETRY_MS = HOUR_MS;

export interface MessageRules {
  quietFromHour: number;
  quietToHour: number;
  smsDailyLimit: number;
}

export const DEFAULT_MESSAGE_RULES: MessageRules = { quietFromHour: 22, quietToHour: 7, smsDailyLimit: 10 };

export function backoffMs(attempts: number): number {
  return Math.min(LONGEST_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1));
}

/** After a failed attempt: try again later, or give up. */
export function afterFailure(
  attempts: number,
  now: Date,
): { status: "failed"; retryAt: Date } | { status: "dead" } {
  if (attempts >= MAX_ATTEMPTS) return { status: "dead" };
  return { status: "failed", retryAt: new Date(now.getTime() + backoffMs(attempts)) };
}

/** Midnight of the local day containing `now`, as a UTC instant. */
export function localDayStart(now: Date): Date {
  const local = now.getTime() + SHANGHAI_OFFSET_MS;
  return new Date(local - (local % (24 * HOUR_MS)) - SHANGHAI_OFFSET_MS);
}

/** When quiet hours end, if `now` is inside them; null otherwise. The window may wrap midnight. */
export function quietUntil(
  now: Date,
  rules: Pick<MessageRules, "quietFromHour" | "quietToHour">,
): Date | null {
  const { quietFromHour: from, quietToHour: to } = rules;
  if (from === to) return null;
  const dayStart = localDayStart(now).getTime();
  const hour = (now.getTime() - dayStart) / HOUR_MS;
  const wraps = from > to;
  const inside = wraps ? hour >= from || hour < to : hour >= from && hour < to;
  if (!inside) return null;
  const endsTomorrow = wraps && hour >= from;
  return new Date(dayStart + (endsTomorrow ? 24 : 0) * HOUR_MS + to * HOUR_MS);
}
