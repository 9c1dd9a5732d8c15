/** Reading bookings, and what happens to them before work starts: confirm, cancel, no-show. */

import { coversDistrict } from "../accounts/scope.ts";
import type { Tx } from "../db/client.ts";
import { inTransaction } from "../db/transaction.ts";
import { gigMachine, statusForCounts } from "../gigs/gig.machine.ts";
import { gigErrors } from "../gigs/gigs.errors.ts";
import {
  findEmployerByOwner,
  type GigRow,
  lockGig,
  moveGigStatus,
  releasePlaces,
} from "../gigs/gigs.repository.ts";
import { recordMarketEvent } from "../market/market-events.ts";
import type { AppContext } from "../platform/context.ts";
import type { SessionUser } from "../platform/http/access.ts";
import { discloseToStaff } from "../privacy/disclosure.ts";
import { viewsFor } from "../privacy/private-numbers.ts";
import { bookingMachine } from "./booking.machine.ts";
import { bookingView, showsWorkerPhone, type Viewer, viewerOf } from "./booking.views.ts";
import { bookingErrors } from "./bookings.errors.ts";
import * as repo from "./bookings.repository.ts";
import {
  type BookingView,
  type CancelBookingInput,
  EMPLOYER_CANCEL_REASONS,
  WORKER_CANCEL_REASONS,
} from "./bookings.schemas.ts";

const HOUR_MS = 3_600_000;
type Party = "worker" | "employer";

function partyOf(user: SessionUser, row: repo.BookingWithGig): Party | null {
  if (user.role === "worker" && row.booking.workerId === user.id) return "worker";
  if (user.role === "employer" && row.employerOwnerUserId === user.id) return "employer";
  return null;
}

/** One booking as its viewer sees it (private numbers for the parties when those are on). */
export async function shownTo(
  ctx: AppContext,
  viewer: Viewer,
  row: repo.BookingWithGig,
): Promise<BookingView> {
  const [view] = await viewsFor(ctx, viewer, [row], (r, number) => bookingView(r, viewer, number));
  return view as BookingView;
}

async function loadBooking(ctx: AppContext, id: string): Promise<repo.BookingWithGig> {
  const row = await repo.findBookingWithGig(ctx.database.db, id);
  if (!row) throw bookingErrors.booking_not_found();
  return row;
}

/**
 * The two parties, and staff and admins of the gig's district. Staff see the worker's number
 * (while the booking holds a place) through the audited path, like any staff view of a person.
 */
export async function getBooking(
  ctx: AppContext,
  user: SessionUser,
  id: string,
  ip: string,
): Promise<BookingView> {
  const row = await loadBooking(ctx, id);
  const party = partyOf(user, row);
  if (party !== null) return shownTo(ctx, party, row);
  if (!coversDistrict(user, row.gig.cityCode, row.gig.districtCode)) throw bookingErrors.booking_not_found();
  const view = bookingView(row, "staff");
  if (!showsWorkerPhone(row.booking.status)) return view;
  const disclosure = {
    staff: user,
    action: "booking.viewed",
    subjectType: "booking",
    subjectId: id,
    fields: ["name", "phone"] as const,
    ip,
    at: ctx.clock.now(),
  };
  return discloseToStaff(ctx.database.db, disclosure, view);
}

export async function workerBookings(ctx: AppContext, user: SessionUser): Promise<BookingView[]> {
  const rows = await repo.bookingsOfWorker(ctx.database.db, user.id);
  return viewsFor(ctx, "worker", rows, (row, number) => bookingView(row, "worker", number));
}

export async function employerBookings(
  ctx: AppContext,
  user: SessionUser,
  gigId?: string,
): Promise<BookingView[]> {
  const employer = await findEmployerByOwner(ctx.database.db, user.id);
  if (!employer) throw gigErrors.employer_profile_required();
  const rows = await repo.bookingsOfEmployer(ctx.database.db, employer.id, gigId);
  return viewsFor(ctx, "employer", rows, (row, number) => bookingView(row, "employer", number));
}

/** Loads the booking for a party's command; a stranger learns nothing about it. */
async function bookingForParty(ctx: AppContext, user: SessionUser, id: string, allowed: Party[]) {
  const row = await loadBooking(ctx, id);
  const party = partyOf(user, row);
  if (party === null) throw bookingErrors.booking_not_found();
  if (!allowed.includes(party)) throw gigErrors.not_gig_owner();
  return { row, party };
}

export async function confirmBooking(ctx: AppContext, user: SessionUser, id: string): Promise<BookingView> {
  const { row } = await bookingForParty(ctx, user, id, ["worker"]);
  const now = ctx.clock.now();
  if (row.gig.startsAt.getTime() <= now.getTime()) throw gigErrors.gig_started();
  if (!bookingMachine.can(row.booking.status, "confirm")) throw bookingErrors.booking_not_confirmable();
  await inTransaction(ctx.database.db, async (tx) => {
    await lockGig(tx, row.gig.id, "share");
    const moved = await repo.moveBookingStatus(tx, id, ["booked"], { status: "confirmed", confirmedAt: now });
    if (!moved) throw bookingErrors.booking_not_confirmable();
    await recordMarketEvent(tx, { ...eventBase(row.gig, now), kind: "booking_confirmed", subjectId: id });
  });
  return shownTo(ctx, viewerOf(user), await loadBooking(ctx, id));
}

function eventBase(gig: GigRow, at: Date) {
  return { cityCode: gig.cityCode, districtCode: gig.districtCode, categoryCode: gig.categoryCode, at };
}

/** Gives the place back; a filled gig that has not started opens again for others. */
async function freePlace(tx: Tx, gigId: string, now: Date): Promise<void> {
  const gig = await releasePlaces(tx, gigId, 1, now);
  const notStarted = gig.startsAt.getTime() > now.getTime();
  if (notStarted && statusForCounts(gig.status, gig.filledCount, gig.headcount) === "open") {
    const from = gigMachine.states.filter((s) => gigMachine.next(s, "reopen") === "open");
    await moveGigStatus(tx, gigId, from, { status: "open", filledAt: null, updatedAt: now });
  }
}

function assertReasonFits(party: Party, reasonCode: string): void {
  const reasons: readonly string[] = party === "worker" ? WORKER_CANCEL_REASONS : EMPLOYER_CANCEL_REASONS;
  if (!reasons.includes(reasonCode)) throw bookingErrors.cancel_reason_not_allowed();
}

/**
 * Either party cancels before check-in. A worker who cancels inside the city's
 * free-cancel window (e.g. 12 h before the start) is flagged: it counts against reliability.
 */
export async function cancelBooking(
  ctx: AppContext,
  user: SessionUser,
  id: string,
  input: CancelBookingInput,
): Promise<BookingView> {
  const { row, party } = await bookingForParty(ctx, user, id, ["worker", "employer"]);
  assertReasonFits(party, input.reasonCode);
  if (!bookingMachine.can(row.booking.status, "cancel")) throw bookingErrors.booking_not_cancellable();
  const now = ctx.clock.now();
  const rules = await repo.cityRules(ctx.database.db, row.gig.cityCode);
  const freeUntil = row.gig.startsAt.getTime() - rules.freeCancelHours * HOUR_MS;
  const lateCancel = party === "worker" && now.getTime() > freeUntil;
  const from = bookingMachine.states.filter((s) => bookingMachine.can(s, "cancel"));
  await inTransaction(ctx.database.db, async (tx) => {
    // The gig first, as when the employer cancels the whole gig (decision 0006).
    await lockGig(tx, row.gig.id, "update");
    const moved = await repo.moveBookingStatus(tx, id, from, {
      status: "cancelled",
      cancelledAt: now,
      cancelledBy: party,
      cancelReason: input.note ? `${input.reasonCode}: ${input.note}` : input.reasonCode,
      lateCancel,
    });
    if (!moved) throw bookingErrors.booking_not_cancellable();
    await freePlace(tx, row.gig.id, now);
    if (lateCancel) await repo.addToWorkerCounter(tx, row.booking.workerId, "lateCancelCount", now);
    await recordMarketEvent(tx, {
      ...eventBase(row.gig, now),
      kind: "booking_cancelled",
      subjectId: id,
      detail: { by: party, reasonCode: input.reasonCode, lateCancel },
    });
  });
  return shownTo(ctx, viewerOf(user), await loadBooking(ctx, id));
}

/** The employer marks a worker who never checked in, once the grace period after the start is over. */
export async function markNoShow(ctx: AppContext, user: SessionUser, id: string): Promise<BookingView> {
  const { row } = await bookingForParty(ctx, user, id, ["employer"]);
  const now = ctx.clock.now();
  const { noShowGraceMin } = await repo.cityRules(ctx.database.db, row.gig.cityCode);
  if (now.getTime() < row.gig.startsAt.getTime() + noShowGraceMin * 60_000) {
    throw bookingErrors.no_show_too_early({ minutes: noShowGraceMin });
  }
  if (!bookingMachine.can(row.booking.status, "mark_no_show")) throw bookingErrors.no_show_not_allowed();
  const from = bookingMachine.states.filter((s) => bookingMachine.can(s, "mark_no_show"));
  await inTransaction(ctx.database.db, async (tx) => {
    await lockGig(tx, row.gig.id, "update");
    const moved = await repo.moveBookingStatus(tx, id, from, { status: "no_show", noShowAt: now });
    if (!moved) throw bookingErrors.no_show_not_allowed();
    await freePlace(tx, row.gig.id, now);
    await repo.addToWorkerCounter(tx, row.booking.workerId, "noShowCount", now);
    await recordMarketEvent(tx, { ...eventBase(row.gig, now), kind: "no_show", subjectId: id });
  });
  return shownTo(ctx, viewerOf(user), await loadBooking(ctx, id));
}
