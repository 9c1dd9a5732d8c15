/**
 * The pay due for a shift (应付工钱), in integer fen, from the gig's pay and the approved
 * time or pieces. Pure, so each rule has worked examples in pay.test.ts.
 *
 * - hour pay (按小时): payFen × minutes / 60, rounded to the nearest fen.
 *     ¥25.50/h for 7 h 20 min = 2550 × 440 / 60 = 18 700 fen (¥187.00).
 * - piece pay (计件): payFen × pieces.  ¥0.80 × 1 250 pieces = 100 000 fen.
 * - day pay (按天): payFen × the number of Asia/Shanghai calendar days the gig's scheduled
 *   window touches (an end at local midnight does not touch the next day). On a one-day
 *   gig a worker who worked under 4 hours — sent home early, rained off — earns half a
 *   day: the minimum pay for having come.
 *     ¥200/day, 08:00–17:00 one day, 9 h approved     → 1 day      = 20 000 fen;
 *     the same gig, 3 h 59 min approved                → half a day = 10 000 fen;
 *     08:00 Mon – 17:00 Wed, any hours approved        → 3 days     = 60 000 fen;
 *     a night shift 22:00–06:00 touches two local days → 2 days     = 40 000 fen
 *   (an employer who means one day's pay for a night shift corrects it on approval).
 */
import type { PayUnit } from "../db/schema/index.ts";

const DAY_MS = 86_400_000;
/** China keeps UTC+8 all year, so local days are fixed 24 h slices. */
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
/** On a one-day gig, fewer minutes than this earn half a day. */
export const HALF_DAY_BELOW_MINUTES = 4 * 60;

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

function dayPay(input: PayInput): number {
  const days = shanghaiDaysSpanned(input.startsAt, input.endsAt);
  if (days === 1 && input.minutes < HALF_DAY_BELOW_MINUTES) return Math.round(input.payFen / 2);
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
