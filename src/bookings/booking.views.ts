/** Turns rows into the API's shapes for applications and bookings. */
import type { GigRow } from "../gigs/gigs.repository.ts";
import { maskPhone } from "../privacy/mask.ts";
import type { ApplicationRow } from "./applications.repository.ts";
import { holdsPlace } from "./booking.machine.ts";
import type { BookingWithGig } from "./bookings.repository.ts";
import type { ApplicationView, BookingView, GigSummaryView } from "./bookings.schemas.ts";

const iso = (at: Date | null) => (at ? at.toISOString() : null);

export function gigSummary(gig: GigRow): GigSummaryView {
  return {
    id: gig.id,
    title: gig.title,
    categoryCode: gig.categoryCode,
    address: gig.address,
    districtCode: gig.districtCode,
    lat: gig.lat,
    lng: gig.lng,
    startsAt: gig.startsAt.toISOString(),
    endsAt: gig.endsAt.toISOString(),
    payFen: gig.payFen,
    payUnit: gig.payUnit,
    settlement: gig.settlement,
    status: gig.status,
  };
}

export function applicationView(row: ApplicationRow): ApplicationView {
  return {
    id: row.id,
    gigId: row.gigId,
    workerId: row.workerId,
    kind: row.kind,
    status: row.status,
    message: row.message,
    createdAt: row.createdAt.toISOString(),
    decidedAt: iso(row.decidedAt),
  };
}

/** The parties reach each other by phone while the booking holds a place, not after. */
export function showsWorkerPhone(status: BookingWithGig["booking"]["status"]): boolean {
  return holdsPlace(status);
}

/**
 * `privateNumber`: with private numbers (隐私号) on, the number shown for the worker's own — the
 * booking's X, or null to show hers masked; left out, her own number is shown while it holds a place.
 */
export function bookingView(row: BookingWithGig, privateNumber?: string | null): BookingView {
  const { booking } = row;
  const shown = privateNumber === undefined ? row.workerPhone : privateNumber;
  return {
    id: booking.id,
    gigId: booking.gigId,
    workerId: booking.workerId,
    employerId: booking.employerId,
    applicationId: booking.applicationId,
    status: booking.status,
    workerName: row.workerName,
    employerName: row.employerName,
    workerPhone: showsWorkerPhone(booking.status) && shown ? shown : maskPhone(row.workerPhone),
    createdAt: booking.createdAt.toISOString(),
    confirmedAt: iso(booking.confirmedAt),
    cancelledAt: iso(booking.cancelledAt),
    cancelledBy: booking.cancelledBy,
    cancelReason: booking.cancelReason,
    lateCancel: booking.lateCancel,
    checkedInAt: iso(booking.checkedInAt),
    checkedOutAt: iso(booking.checkedOutAt),
    noShowAt: iso(booking.noShowAt),
    completedAt: iso(booking.completedAt),
    gig: gigSummary(row.gig),
  };
}
