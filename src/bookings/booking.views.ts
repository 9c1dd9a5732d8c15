/** Turns rows into the API's shapes for applications and bookings. */
import type { GigRow } from "../gigs/gigs.repository.ts";
import type { SessionUser } from "../platform/http/access.ts";
import { numberShown } from "../privacy/mask.ts";
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

/** Who a booking is shown to: its worker, its employer, or staff of its district. */
export type Viewer = "worker" | "employer" | "staff";

export function viewerOf(user: SessionUser): Viewer {
  return user.role === "worker" || user.role === "employer" ? user.role : "staff";
}

/**
 * While the booking holds a place, each party sees the other's number to call: the worker the
 * employer's, the employer the worker's. `privateNumber` is given when private numbers (隐私号) are
 * on: the booking's X stands for the other's own number, or null (none could be made) masks it.
 * The worker sees her own number, and staff see hers, by the same rule as before.
 */
export function bookingView(row: BookingWithGig, viewer: Viewer, privateNumber?: string | null): BookingView {
  const { booking } = row;
  const callable = showsWorkerPhone(booking.status);
  return {
    id: booking.id,
    gigId: booking.gigId,
    workerId: booking.workerId,
    employerId: booking.employerId,
    applicationId: booking.applicationId,
    status: booking.status,
    workerName: row.workerName,
    employerName: row.employerName,
    workerPhone: numberShown(row.workerPhone, callable, viewer === "employer" ? privateNumber : undefined),
    // Only a number she can dial: none while private numbers fail (never a masked one).
    employerPhone:
      callable && viewer === "worker"
        ? privateNumber === undefined
          ? row.employerPhone
          : privateNumber
        : null,
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
