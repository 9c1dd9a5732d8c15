/**
 * The pay due for a shift (应付工钱), in integer fen, from the gig's pay and the approved
 * time or pieces. Pure, so each rule has worked examples in pay.test.ts.
 *
 * - hour pay (按小时): payFen × minutes / 60, rounded to the nearest fen.
 *     ¥25.50/h for 7 h 20 min = 2550 × 440 / 60 = 18 700 fen (¥187.00).
 * - piece pay (计件): payFen × pieces.  ¥0.80 × 1 250 pieces = 100 000 fen.
 * - day pay (按天): one payFen per half-day earned, counted in half-days:
 *     every started 4 hours of approved time earns half a day, up to two half-days for each
 *     Asia/Shanghai calendar day the gig's scheduled window touches.
 *     ¥200/day, 08:00–17:00 one day, 9 h approved      → 2 half-days = 20 000 fen;
 *     the same gig, sent home after 3 h                  → 1 half-day  = 10 000 fen;
 *     08:00 Mon – 17:00 Wed (3 days), 26 h approved      → 6 half-days = 60 000 fen (the cap);
 *     a night shift 22:00–06:00 (2 calendar days), 8 h   → 2 half-days = 20 000 fen, not two days.
 *   So "fewer than 4 hours is half a day" and a multi-day gig never pays more days than it spans.
 */
import type { PayUnit } from "../db/schema/index.ts";

const DAY_MS = 86_400_000;
/** China keeps UTC+8 all year, so local days are fixed 24 h slices. */
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
export const HALF_DAY_MINUTES = 4 * 60;

export interface PayInput {
  payUnit: PayUnit;
  payFen: number;
  startsAt: Date;
  endsAt: Date;
  minutes: number;
  pieces: number | null;
}

/** Calendar days in Asia/Shanghai that [startsAt, endsAt) touches; an end at midnight is exclusive. */
export function shanghaiDaysSpanned(startsAt: Date, endsAt: Date): number {
  const dayOf = (ms: number) => Math.floor((ms + SHANGHAI_OFFSET_MS) / DAY_MS);
  const lastInstant = Math.max(startsAt.getTime(), endsAt.getTime() - 1);
  return dayOf(lastInstant) - dayOf(startsAt.getTime()) + 1;
}

export function dayPayHalfDays(minutes: number, daysSpanned: number): number {
  return Math.min(2 * daysSpanned, Math.ceil(Math.max(0, minutes) / HALF_DAY_MINUTES));
}

/** Fen due; null when a piece-paid shift has no count of pieces yet. */
export function amountDueFen(input: PayInput): number | null {
  switch (input.payUnit) {
    case "hour":
      return Math.round((input.payFen * input.minutes) / 60);
    case "piece":
      return input.pieces === null ? null : input.payFen * input.pieces;
    case "day": {
      const halfDays = dayPayHalfDays(input.minutes, shanghaiDaysSpanned(input.startsAt, input.endsAt));
      return Math.round((input.payFen * halfDays) / 2);
    }
  }
}
