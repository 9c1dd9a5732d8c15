/**
 * Accepting an application or invitation makes a booking, atomically (decision 0003):
 * in one transaction one place is taken by a conditional UPDATE on the gig, the offer
 * moves pending → accepted, the worker is checked for a clash under a lock on
 * their profile, the booking is inserted, and a gig that became full is marked filled
 * with its other pending offers expired. Any refusal rolls the whole thing back.
 */
import type { Tx } from "../db/client.ts";
import { inTransaction } from "../db/transaction.ts";
import { gigMachine, statusForCounts } from "../gigs/gig.machine.ts";
import { gigErrors } from "../gigs/gigs.errors.ts";
import { findGig, type GigRow, moveGigStatus, takePlace } from "../gigs/gigs.repository.ts";
import { recordMarketEvent } from "../market/market-events.ts";
import type { AppContext } from "../platform/context.ts";
import type { SessionUser } from "../platform/http/access.ts";
import {
  type ApplicationRow,
  decideApplication,
  expirePendingApplications,
} from "./applications.repository.ts";
import { authoriseAnswer } from "./applications.service.ts";
import { viewerOf } from "./booking.views.ts";
import { bookingErrors } from "./bookings.errors.ts";
import { findBookingWithGig, insertBooking, lockWorker, workerHasClash } from "./bookings.repository.ts";
import type { BookingView } from "./bookings.schemas.ts";
import { shownTo } from "./bookings.service.ts";
import { isUniqueViolation } from "./unique-violation.ts";

/** Why no place could be taken: the gig's current state tells. */
async function noPlaceError(tx: Tx, gigId: string, now: Date) {
  const gig = await findGig(tx, gigId);
  if (!gig || gig.status === "cancelled" || gig.status === "closed") return gigErrors.gig_not_open();
  if (gig.startsAt.getTime() <= now.getTime()) return gigErrors.gig_started();
  return gigErrors.gig_full();
}

/** The last place went: mark the gig filled and let the other waiting offers go. */
async function fillIfFull(tx: Tx, gig: GigRow, now: Date): Promise<void> {
  if (statusForCounts(gig.status, gig.filledCount, gig.headcount) !== "filled") return;
  const from = gigMachine.states.filter((s) => gigMachine.next(s, "fill") === "filled");
  const filled = await moveGigStatus(tx, gig.id, from, { status: "filled", filledAt: now, updatedAt: now });
  if (!filled) return;
  const expired = await expirePendingApplications(tx, gig.id, now);
  await recordMarketEvent(tx, {
    cityCode: gig.cityCode,
    kind: "gig_filled",
    districtCode: gig.districtCode,
    categoryCode: gig.categoryCode,
    subjectId: gig.id,
    quantity: gig.headcount,
    detail: { offersExpired: expired },
    at: now,
  });
}

async function book(tx: Tx, application: ApplicationRow, now: Date): Promise<string> {
  // The gig's row lock comes first: a transaction waiting for it holds no lock on its own
  // application, so the one that fills the gig can expire the waiting offers without a deadlock.
  const gig = await takePlace(tx, application.gigId, now);
  if (!gig) throw await noPlaceError(tx, application.gigId, now);
  if (!(await decideApplication(tx, application.id, "accepted", now)))
    throw bookingErrors.application_not_pending();
  if (!(await lockWorker(tx, application.workerId))) throw bookingErrors.worker_profile_required();
  if (await workerHasClash(tx, application.workerId, gig.startsAt, gig.endsAt))
    throw bookingErrors.worker_time_clash();
  const booking = await insertBooking(tx, {
    cityCode: gig.cityCode,
    gigId: gig.id,
    workerId: application.workerId,
    employerId: gig.employerId,
    applicationId: application.id,
    createdAt: now,
  });
  const base = {
    cityCode: gig.cityCode,
    districtCode: gig.districtCode,
    categoryCode: gig.categoryCode,
    at: now,
  };
  await recordMarketEvent(tx, {
    ...base,
    kind: "application_decided",
    subjectId: application.id,
    detail: { outcome: "accepted", kind: application.kind },
  });
  await recordMarketEvent(tx, {
    ...base,
    kind: "booking_made",
    subjectId: booking.id,
    detail: { via: application.kind, payFen: gig.payFen, payUnit: gig.payUnit },
  });
  await fillIfFull(tx, gig, now);
  return booking.id;
}

export async function accept(
  ctx: AppContext,
  user: SessionUser,
  applicationId: string,
): Promise<BookingView> {
  const application = await authoriseAnswer(ctx, user, applicationId, "accept");
  const now = ctx.clock.now();
  let bookingId: string;
  try {
    bookingId = await inTransaction(ctx.database.db, (tx) => book(tx, application, now));
  } catch (error) {
    // bookings_one_live: the worker already holds a live booking on this gig.
    if (isUniqueViolation(error, "bookings_one_live")) throw bookingErrors.already_booked();
    throw error;
  }
  const row = await findBookingWithGig(ctx.database.db, bookingId);
  if (!row) throw bookingErrors.booking_not_found();
  return shownTo(ctx, viewerOf(user), row);
}
