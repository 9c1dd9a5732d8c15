import { bookingView } from "../bookings/booking.views.ts";
import { type BookingWithGig, findBookingWithGig } from "../bookings/bookings.repository.ts";
import type { DbOrTx } from "../db/client.ts";
import { timesheetView } from "../timesheets/timesheet.views.ts";
import { findTimesheet, type TimesheetRow } from "./shifts.repository.ts";
import type { ShiftView } from "./shifts.schemas.ts";

export function shiftView(row: BookingWithGig, timesheet: TimesheetRow | null): ShiftView {
  return {
    ...bookingView(row),
    checkInMethod: row.booking.checkInMethod,
    checkInDistanceM: row.booking.checkInDistanceM,
    autoCheckedOut: row.booking.autoCheckedOut,
    timesheet: timesheet ? timesheetView(timesheet) : null,
  };
}

/** The shift as it stands after a command has committed. */
export async function loadShift(db: DbOrTx, bookingId: string): Promise<ShiftView> {
  const row = await findBookingWithGig(db, bookingId);
  if (!row) throw new Error(`booking ${bookingId} vanished after its command`);
  return shiftView(row, await findTimesheet(db, bookingId));
}
