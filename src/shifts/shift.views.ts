import { bookingView, type Viewer, viewerOf } from "../bookings/booking.views.ts";
import { type BookingWithGig, findBookingWithGig } from "../bookings/bookings.repository.ts";
import type { AppContext } from "../platform/context.ts";
import type { SessionUser } from "../platform/http/access.ts";
import { viewsFor } from "../privacy/private-numbers.ts";
import { timesheetView } from "../timesheets/timesheet.views.ts";
import { findTimesheet, type TimesheetRow } from "./shifts.repository.ts";
import type { ShiftView } from "./shifts.schemas.ts";

export function shiftView(
  row: BookingWithGig,
  timesheet: TimesheetRow | null,
  viewer: Viewer,
  privateNumber?: string | null,
): ShiftView {
  return {
    ...bookingView(row, viewer, privateNumber),
    checkInMethod: row.booking.checkInMethod,
    checkInDistanceM: row.booking.checkInDistanceM,
    autoCheckedOut: row.booking.autoCheckedOut,
    timesheet: timesheet ? timesheetView(timesheet) : null,
  };
}

/** The shift as it stands after a command has committed, for the one who gave it. */
export async function loadShift(ctx: AppContext, user: SessionUser, bookingId: string): Promise<ShiftView> {
  const db = ctx.database.db;
  const row = await findBookingWithGig(db, bookingId);
  if (!row) throw new Error(`booking ${bookingId} vanished after its command`);
  const timesheet = await findTimesheet(db, bookingId);
  const viewer = viewerOf(user);
  const [view] = await viewsFor(ctx, viewer, [row], (r, number) => shiftView(r, timesheet, viewer, number));
  return view as ShiftView;
}
