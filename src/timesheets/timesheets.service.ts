/**
 * Timesheets: the employer approves the measured time (correcting it with a note), which
 * completes the booking; the worker may dispute within the city's window; the employer, or
 * staff of the district mediating, resolves the dispute with the hours that stand.
 */
import type { BookingWithGig } from "../bookings/bookings.repository.ts";
import { moveBookingStatus } from "../bookings/bookings.repository.ts";
import type { Tx } from "../db/client.ts";
import { recordMarketEvent } from "../market/market-events.ts";
import type { AppContext } from "../platform/context.ts";
import { commonErrors } from "../platform/errors.ts";
import type { SessionUser } from "../platform/http/access.ts";
import { shanghaiDateTime } from "../shifts/shanghai-time.ts";
import { loadShift } from "../shifts/shift.views.ts";
import { eventPlace, lockBookingFor, type Party } from "../shifts/shift-access.ts";
import { shiftErrors } from "../shifts/shifts.errors.ts";
import { findTimesheet, shiftRules, type TimesheetRow } from "../shifts/shifts.repository.ts";
import type { ShiftView } from "../shifts/shifts.schemas.ts";
import { amountDueFen, type PayInput } from "./pay.ts";
import { timesheetMachine } from "./timesheet.machine.ts";
import { timesheetErrors } from "./timesheets.errors.ts";
import { countCompletedShift, moveTimesheet } from "./timesheets.repository.ts";
import type { ApproveInput, ResolveInput } from "./timesheets.schemas.ts";

type Command = (tx: Tx, row: BookingWithGig, sheet: TimesheetRow, now: Date) => Promise<void>;

/** One transaction: lock the booking, check the caller, load the timesheet, run the step. */
async function onTimesheet(
  ctx: AppContext,
  user: SessionUser,
  bookingId: string,
  allowed: readonly Party[],
  command: Command,
): Promise<ShiftView> {
  const now = ctx.clock.now();
  await ctx.database.db.transaction(async (tx) => {
    const { row } = await lockBookingFor(tx, user, bookingId, allowed);
    const sheet = await findTimesheet(tx, bookingId);
    if (!sheet) throw timesheetErrors.timesheet_not_found();
    await command(tx, row, sheet, now);
  });
  return loadShift(ctx, user, bookingId);
}

/** The fen due for the time and pieces that stand, by the pay rules (docs/pay-rules.md). */
function payFor(row: BookingWithGig, worked: Pick<PayInput, "minutes" | "pieces" | "sentHomeEarly">): number {
  if (worked.pieces !== null && row.gig.payUnit !== "piece") throw shiftErrors.pieces_only_for_piece_pay();
  const amount = amountDueFen({ ...row.gig, ...worked });
  if (amount === null) throw timesheetErrors.pieces_required();
  return amount;
}

export function approveTimesheet(ctx: AppContext, user: SessionUser, bookingId: string, input: ApproveInput) {
  return onTimesheet(ctx, user, bookingId, ["employer"], async (tx, row, sheet, now) => {
    if (!timesheetMachine.can(sheet.status, "approve")) throw timesheetErrors.timesheet_not_pending();
    const minutes = input.approvedMinutes ?? sheet.measuredMinutes;
    const pieces = input.pieces ?? sheet.pieces;
    const note = input.note ?? input.correctionNote ?? null;
    const corrected = minutes !== sheet.measuredMinutes || (sheet.pieces !== null && pieces !== sheet.pieces);
    if (corrected && !note) throw timesheetErrors.correction_note_required();
    const sentHomeEarly = input.sentHomeEarly ?? false;
    const amount = payFor(row, { minutes, pieces, sentHomeEarly });
    const { disputeWindowHours } = await shiftRules(tx, row.gig.cityCode);
    const approved = await moveTimesheet(tx, sheet.bookingId, "pending", {
      status: "approved",
      approvedMinutes: minutes,
      pieces,
      sentHomeEarly,
      amountDueFen: amount,
      correctionNote: note,
      approvedAt: now,
      disputeDeadline: new Date(now.getTime() + disputeWindowHours * 3_600_000),
    });
    const completed = await moveBookingStatus(tx, sheet.bookingId, ["checked_out"], {
      status: "completed",
      completedAt: now,
    });
    if (!approved || !completed) throw commonErrors.conflict();
    await countCompletedShift(tx, row.booking.workerId, now);
    const place = eventPlace(row, now);
    await recordMarketEvent(tx, {
      ...place,
      kind: "timesheet_approved",
      detail: { amountDueFen: amount, corrected },
    });
    await recordMarketEvent(tx, { ...place, kind: "shift_completed", detail: { minutes } });
  });
}

export function disputeTimesheet(ctx: AppContext, user: SessionUser, bookingId: string, reason: string) {
  return onTimesheet(ctx, user, bookingId, ["worker"], async (tx, row, sheet, now) => {
    if (!timesheetMachine.can(sheet.status, "dispute")) throw timesheetErrors.timesheet_not_disputable();
    if (sheet.disputeDeadline && now.getTime() > sheet.disputeDeadline.getTime()) {
      throw timesheetErrors.dispute_window_closed({ deadline: shanghaiDateTime(sheet.disputeDeadline) });
    }
    const moved = await moveTimesheet(tx, sheet.bookingId, "approved", {
      status: "disputed",
      disputeReason: reason,
      disputedAt: now,
    });
    if (!moved) throw commonErrors.conflict();
    await recordMarketEvent(tx, { ...eventPlace(row, now), kind: "timesheet_disputed" });
  });
}

export function resolveTimesheet(ctx: AppContext, user: SessionUser, bookingId: string, input: ResolveInput) {
  return onTimesheet(ctx, user, bookingId, ["employer", "staff"], async (tx, row, sheet, now) => {
    if (!timesheetMachine.can(sheet.status, "resolve")) throw timesheetErrors.timesheet_not_disputed();
    const pieces = input.pieces ?? sheet.pieces;
    const sentHomeEarly = input.sentHomeEarly ?? sheet.sentHomeEarly;
    const amount = payFor(row, { minutes: input.approvedMinutes, pieces, sentHomeEarly });
    const moved = await moveTimesheet(tx, sheet.bookingId, "disputed", {
      status: "resolved",
      approvedMinutes: input.approvedMinutes,
      pieces,
      sentHomeEarly,
      amountDueFen: amount,
      correctionNote: input.note,
      resolvedAt: now,
    });
    if (!moved) throw commonErrors.conflict();
    await recordMarketEvent(tx, {
      ...eventPlace(row, now),
      kind: "timesheet_resolved",
      detail: { amountDueFen: amount, by: user.role, previousAmountFen: sheet.amountDueFen },
    });
  });
}
