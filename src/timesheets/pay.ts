/**
 * The pay due for a shift (应付工钱), in integer fen, from the gig's pay and the approved
 * time or pieces. Pure, so each rule has worked examples in pay.test.ts.
 *
 * - hour pay (按小时): payFen × minutes / 60, rounded to the nearest fen.
 *     ¥25.50/h for 7 h 20 min = 2550 × 440 / 60 = 18 700 fen (¥187.00).
 * - piece pay (计件): payFen × pieces.  ¥0.80 × 1 250 pieces = 100 000 fen.
 * - day pay (按天): the gig's window holds one shift per started 24 hours (a night shift
 *   22:00–06:00 is one shift; 08:00 Mon – 17:00 Wed is three). The worker earns a day's pay
 *   for each shift the approved time reaches, at most the gig's shifts; under 4 hours in all —
 *   sent home early, rained off — still earns half a day: the minimum pay for having come.
 *     ¥200/day, 08:00–17:00 one day, 9 h approved     → 1 day      = 20 000 fen;
 *     the same gig, 3 h 59 min approved                → half a day = 10 000 fen;
 *     a night shift 22:00–06:00, 8 h approved          → 1 day      = 20 000 fen;
 *     08:00 Mon – 17:00 Wed (3 shifts of 19 h each), checked out Wed 17:00 (57 h) → 3 days;
 *     the same gig, left Tue 17:00 (33 h)              → 2 days     = 40 000 fen.
 */
import type { PayUnit } from "../db/schema/index.ts";

const DAY_MS = 86_400_000;
/** Fewer approved minutes than this earn half a day. */
export const HALF_DAY_BELOW_MINUTES = 4 * 60;

export interface PayInput {
  payUnit: PayUnit;
  payFen: number;
  startsAt: Date;
  endsAt: Date;
  minutes: number;
  pieces: number | null;
}

/** Shifts in the gig's window: one per started 24 hours, so a night shift is one. */
export function shiftsInWindow(startsAt: Date, endsAt: Date): number {
  return Math.max(1, Math.ceil((endsAt.getTime() - startsAt.getTime()) / DAY_MS));
}

function dayPay(input: PayInput): number {
  if (input.minutes < HALF_DAY_BELOW_MINUTES) return Math.round(input.payFen / 2);
  const shifts = shiftsInWindow(input.startsAt, input.endsAt);
  const minutesPerShift = (input.endsAt.getTime() - input.startsAt.getTime()) / 60_000 / shifts;
  const days = Math.min(shifts, Math.max(1, Math.ceil(input.minutes / minutesPerShift - 1e-9)));
  return input.payFen * days;
}
/** Fen due; null when a piece-paid shift has no count of pieces yet. */
export function amountDueFen(input: PayInput): number | null {
  switch (input.payUnit) {
    case "hour":
      return Math.round((input.payFen * input.minutes) / 60);
    case "piece":
      return input.pieces === null ? null : input.payFen * input.pieces;
    case "day":
      return dayPay(input);
  }
}
