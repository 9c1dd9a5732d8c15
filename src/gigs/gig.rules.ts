/** Pure rules for a gig's time window and pay, and the local calendar day used to browse. */
import type { PayUnit } from "../db/schema/index.ts";

/** A gig may span at most this many days (longer work is a job, not a gig). */
export const MAX_GIG_DAYS = 31;
/** An hour's pay times this is the daily equivalent used to compare pay across units. */
export const HOURS_PER_DAY = 8;

/**
 * Pay bounds per unit, in fen. They catch typing mistakes (yuan entered as fen, an extra
 * zero) and implausible bait pay; they are not a wage policy.
 */
export const PAY_BOUNDS: Record<PayUnit, { min: number; max: number }> = {
  hour: { min: 10_00, max: 500_00 },
  day: { min: 50_00, max: 3_000_00 },
  piece: { min: 10, max: 5_000_00 },
};

export type TimeProblem = "starts_in_past" | "ends_before_start" | "too_long";

export function timeWindowProblem(startsAt: Date, endsAt: Date, now: Date): TimeProblem | null {
  if (startsAt.getTime() <= now.getTime()) return "starts_in_past";
  if (endsAt.getTime() <= startsAt.getTime()) return "ends_before_start";
  if (endsAt.getTime() - startsAt.getTime() > MAX_GIG_DAYS * 86_400_000) return "too_long";
  return null;
}

export function payWithinBounds(payFen: number, unit: PayUnit): boolean {
  const { min, max } = PAY_BOUNDS[unit];
  return payFen >= min && payFen <= max;
}

/** Daily equivalent in fen; piece pay has none (output varies too much to guess). */
export function dailyEquivalentFen(payFen: number, unit: PayUnit): number | null {
  if (unit === "day") return payFen;
  if (unit === "hour") return payFen * HOURS_PER_DAY;
  return null;
}

/**
 * China keeps one offset all year (no daylight saving), so a local calendar day
 * "2024-05-01" in Asia/Shanghai is [2024-04-30T16:00Z, 2024-05-01T16:00Z).
 */
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

export function shanghaiDayRange(day: string): { from: Date; to: Date } {
  const midnightUtc = Date.parse(`${day}T00:00:00Z`);
  const from = new Date(midnightUtc - SHANGHAI_OFFSET_MS);
  return { from, to: new Date(from.getTime() + 86_400_000) };
}

/** The calendar year in Asia/Shanghai, for ages. */
export function shanghaiYear(at: Date): number {
  return new Date(at.getTime() + SHANGHAI_OFFSET_MS).getUTCFullYear();
}
