/**
 * Who a caller is to a booking: its worker, its employer, or staff of the gig's district.
 * Shifts, timesheets, payments and ratings all load the booking this way, under a row lock,
 * so a command sees the booking as it is and no one else changes it until commit.
 */
import { coversDistrict } from "../accounts/scope.ts";
import { bookingErrors } from "../bookings/bookings.errors.ts";
import { type BookingWithGig, lockBookingWithGig } from "../bookings/bookings.repository.ts";
import type { DbOrTx } from "../db/client.ts";
import { commonErrors } from "../platform/errors.ts";
import type { SessionUser } from "../platform/http/access.ts";

export type Party = "worker" | "employer" | "staff";

export function partyOf(user: SessionUser, row: BookingWithGig): Party | null {
  if (user.role === "worker" && row.booking.workerId === user.id) return "worker";
  if (user.role === "employer" && row.employerOwnerUserId === user.id) return "employer";
  if (coversDistrict(user, row.gig.cityCode, row.gig.districtCode)) return "staff";
  return null;
}

/**
 * Locks the booking and checks the caller is one of `allowed`. A stranger is told the booking
 * does not exist; a party who may see it but not do this is told they may not.
 */
export async function lockBookingFor(
  tx: DbOrTx,
  user: SessionUser,
  bookingId: string,
  allowed: readonly Party[],
): Promise<{ row: BookingWithGig; party: Party }> {
  const row = await lockBookingWithGig(tx, bookingId);
  const party = row ? partyOf(user, row) : null;
  if (!row || party === null) throw bookingErrors.booking_not_found();
  if (!allowed.includes(party)) throw commonErrors.forbidden();
  return { row, party };
}

/** Where a market event about this booking is counted. */
export function eventPlace(row: BookingWithGig, at: Date) {
  return {
    cityCode: row.gig.cityCode,
    districtCode: row.gig.districtCode,
    categoryCode: row.gig.categoryCode,
    subjectId: row.booking.id,
    at,
  };
}
