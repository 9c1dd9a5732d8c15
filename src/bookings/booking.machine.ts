/**
 * A booking: one worker on one gig, from the accepted offer to the finished shift.
 *
 *   booked ─confirm→ confirmed ─check_in→ checked_in ─check_out→ checked_out ─complete→ completed
 *     │                 │
 *     ├─cancel──────────┴→ cancelled        (either side, before check-in)
 *     └─mark_no_show────┴→ no_show          (after the start plus a grace period)
 *
 * A worker who turns up without having confirmed may still check in.
 * `complete` follows the employer's approval of the timesheet.
 */
import { BOOKING_STATUSES, type BookingStatus } from "../db/schema/index.ts";
import { defineMachine } from "../lifecycle/machine.ts";

export const bookingMachine = defineMachine(BOOKING_STATUSES, {
  confirm: { from: ["booked"], to: "confirmed" },
  check_in: { from: ["booked", "confirmed"], to: "checked_in" },
  check_out: { from: ["checked_in"], to: "checked_out" },
  complete: { from: ["checked_out"], to: "completed" },
  cancel: { from: ["booked", "confirmed"], to: "cancelled" },
  mark_no_show: { from: ["booked", "confirmed"], to: "no_show" },
});

export type BookingEvent = (typeof bookingMachine.events)[number];

/** Bookings that hold one of the gig's places. */
export const LIVE_BOOKING_STATUSES: readonly BookingStatus[] = [
  "booked",
  "confirmed",
  "checked_in",
  "checked_out",
  "completed",
];

export function holdsPlace(status: BookingStatus): boolean {
  return LIVE_BOOKING_STATUSES.includes(status);
}
