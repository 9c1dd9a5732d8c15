/**
 * The pay due for a shift (应付工钱), in integer fen, from the gig's pay, its scheduled shift and
 * the approved time or pieces. Pure, and the only place pay is worked out: the employer's and the
 * worker's views both read the amount it gave at approval. The rules and their worked examples
 * are in docs/pay-rules.md; pay.test.ts checks every one of them.
 *
 * - Day pay (按天) follows the scheduled shift, not the clock: working the whole scheduled shift
 *   earns the full day however short the shift (¥150/天, 20:30–23:30, 3 h → ¥150). Leaving
 *   early earns the worked share of the shift (pro rata). A gig over several days holds one
 *   shift per started 24 hours and pays each.
 * - Hour pay (按小时): the rate times the approved minutes.
 * - Piece pay (计件): the rate times the pieces; unknown until the pieces are counted.
 * - Sent home early by the employer (雇主提前收工: rain, no material, too many hands): at least
 *   half of one shift's pay — half a day for day pay, half the shift's hours (at most 4) for
 *   hour pay — the reporting-time minimum peers use for a worker who came and was sent away.
 */
import type { PayUnit } from "../db/schema/index.ts";

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;
/** Checking out this close to the end still counts as the whole shift (workers queue to 签退). */
export const WHOLE_SHIFT_GRACE_MINUTES = 10;
/** The sent-home minimum for hour pay counts at most this many hours. */
export const SENT_HOME_MAX_MINUTES = 4 * 60;

export interface PayInput {
  payUnit: PayUnit;
  payFen: number;
  /** The scheduled shift. */
  startsAt: Date;
  endsAt: Date;
  /** Approved minutes worked. */
  minutes: number;
  pieces: number | null;
  /** The employer ended the shift early; the worker did not choose to leave. */
  sentHomeEarly?: boolean;
}

/** Shifts in the gig's window: one per started 24 hours, so a night shift is one. */
export function shiftsInWindow(startsAt: Date, endsAt: Date): number {
  return Math.max(1, Math.ceil((endsAt.getTime() - startsAt.getTime()) / DAY_MS));
}

/** Scheduled minutes of the gig's whole window. */
export function scheduledMinutes(startsAt: Date, endsAt: Date): number {
  return Math.max(1, Math.round((endsAt.getTime() - startsAt.getTime()) / MINUTE_MS));
}

/** The share of the scheduled window worked: 1 for the whole shift (within the grace), else pro rata. */
function shareWorked(input: PayInput): number {
  const scheduled = scheduledMinutes(input.startsAt, input.endsAt);
  if (input.minutes >= scheduled - WHOLE_SHIFT_GRACE_MINUTES) return 1;
  return input.minutes / scheduled;
}

function dayPay(input: PayInput): number {
  const shifts = shiftsInWindow(input.startsAt, input.endsAt);
  const earned = Math.round(input.payFen * shifts * shareWorked(input));
  return input.sentHomeEarly ? Math.max(earned, Math.round(input.payFen / 2)) : earned;
}

function hourPay(input: PayInput): number {
  const earned = Math.round((input.payFen * input.minutes) / 60);
  if (!input.sentHomeEarly) return earned;
  const shiftMinutes =
    scheduledMinutes(input.startsAt, input.endsAt) / shiftsInWindow(input.startsAt, input.endsAt);
  const minimumMinutes = Math.min(shiftMinutes / 2, SENT_HOME_MAX_MINUTES);
  return Math.max(earned, Math.round((input.payFen * minimumMinutes) / 60));
}

/** Fen due; null when a piece-paid shift has no count of pieces yet. */
export function amountDueFen(input: PayInput): number | null {
  switch (input.payUnit) {
    case "hour":
      return hourPay(input);
    case "piece":
      return input.pieces === null ? null : input.payFen * input.pieces;
    case "day":
      return dayPay(input);
  }
}
