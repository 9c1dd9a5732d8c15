/** The shift: the worker checks in on site and checks out; the employer watches attendance. */
import { type LimitRule, markSucceeded, reserveAttempt } from "../accounts/rate-limit.ts";
import { bookingMachine } from "../bookings/booking.machine.ts";
import { moveBookingStatus } from "../bookings/bookings.repository.ts";
import { inTransaction } from "../db/transaction.ts";
import { mayManageGig } from "../gigs/gig.access.ts";
import { gigErrors } from "../gigs/gigs.errors.ts";
import { findGigWithNames } from "../gigs/gigs.repository.ts";
import { recordMarketEvent } from "../market/market-events.ts";
import { distanceWords } from "../places/distance-text.ts";
import type { AppContext } from "../platform/context.ts";
import type { SessionUser } from "../platform/http/access.ts";
import { maskPhone } from "../privacy/mask.ts";
import {
  type CheckInDecision,
  decideCheckIn,
  decideCheckOut,
  measuredMinutes,
  minutesLate,
} from "./check-in.rules.ts";
import { shanghaiDateTime } from "./shanghai-time.ts";
import { loadShift } from "./shift.views.ts";
import { eventPlace, lockBookingFor } from "./shift-access.ts";
import { shiftErrors } from "./shifts.errors.ts";
import { attendanceOfGig, insertTimesheet, shiftRules } from "./shifts.repository.ts";
import type { AttendanceView, CheckInInput, ShiftView } from "./shifts.schemas.ts";

const statesThatCan = (event: "check_in" | "check_out") =>
  bookingMachine.states.filter((s) => bookingMachine.can(s, event));

function refusal(decision: Exclude<CheckInDecision, { ok: true }>) {
  switch (decision.reason) {
    case "not_open_yet":
      return shiftErrors.check_in_not_open_yet({ opensAt: shanghaiDateTime(decision.opensAt) });
    case "closed":
      return shiftErrors.check_in_closed();
    case "proof_required":
      return shiftErrors.check_in_proof_required();
    case "wrong_code":
      return shiftErrors.wrong_check_in_code();
    case "too_far": {
      // Written as every screen writes a distance (src/places/distance-text.ts): 17 公里, not 17200米.
      const words = distanceWords(decision.distanceM);
      return shiftErrors.too_far_from_gig({
        distance: decision.distanceM,
        distanceZh: words.zh,
        distanceEn: words.en,
        radius: decision.radiusM,
      });
    }
    case "too_imprecise":
      return shiftErrors.location_too_imprecise({
        accuracy: Math.round(decision.accuracyM),
        radius: decision.radiusM,
      });
  }
}

/**
 * A six-digit code falls to a script in a morning, so wrong codes are limited per booking.
 * The attempt is committed before the check (a refused check-in rolls its own work back).
 */
const codeGuessLimit = (bookingId: string): LimitRule => ({
  key: `check-in-code:${bookingId}`,
  max: 10,
  windowMs: 3_600_000,
  failuresOnly: true,
});

export async function checkIn(
  ctx: AppContext,
  user: SessionUser,
  bookingId: string,
  proof: CheckInInput,
): Promise<ShiftView> {
  const now = ctx.clock.now();
  const db = ctx.database.db;
  const attempts =
    proof.code === undefined
      ? []
      : await inTransaction(db, async (tx) => {
          // Only the booking's own worker spends its tries; no one else can lock them out.
          await lockBookingFor(tx, user, bookingId, ["worker"]);
          return reserveAttempt(tx, [codeGuessLimit(bookingId)], now);
        });
  await inTransaction(db, async (tx) => {
    const { row } = await lockBookingFor(tx, user, bookingId, ["worker"]);
    if (!bookingMachine.can(row.booking.status, "check_in")) throw shiftErrors.not_checkable_in();
    const { checkInRadiusM } = await shiftRules(tx, row.gig.cityCode);
    const decision = decideCheckIn(row.gig, checkInRadiusM, now, proof);
    if (!decision.ok) throw refusal(decision);
    const moved = await moveBookingStatus(tx, bookingId, statesThatCan("check_in"), {
      status: "checked_in",
      checkedInAt: now,
      checkInMethod: decision.method,
      checkInLat: decision.point?.lat ?? null,
      checkInLng: decision.point?.lng ?? null,
      checkInDistanceM: decision.distanceM,
    });
    if (!moved) throw shiftErrors.not_checkable_in();
    await recordMarketEvent(tx, {
      ...eventPlace(row, now),
      kind: "checked_in",
      detail: { method: decision.method, minutesLate: minutesLate(row.gig.startsAt, now) },
    });
  });
  await markSucceeded(db, attempts);
  return loadShift(ctx, user, bookingId);
}

/** Check-out closes the shift and opens its timesheet with the measured minutes. */
export async function checkOut(
  ctx: AppContext,
  user: SessionUser,
  bookingId: string,
  pieces: number | undefined,
): Promise<ShiftView> {
  const now = ctx.clock.now();
  await inTransaction(ctx.database.db, async (tx) => {
    const { row } = await lockBookingFor(tx, user, bookingId, ["worker"]);
    const { booking, gig } = row;
    if (!bookingMachine.can(booking.status, "check_out") || !booking.checkedInAt) {
      throw shiftErrors.not_checked_in();
    }
    if (!decideCheckOut(gig, now).ok) {
      throw shiftErrors.check_out_before_start({ startsAt: shanghaiDateTime(gig.startsAt) });
    }
    if (pieces !== undefined && gig.payUnit !== "piece") throw shiftErrors.pieces_only_for_piece_pay();
    const moved = await moveBookingStatus(tx, bookingId, statesThatCan("check_out"), {
      status: "checked_out",
      checkedOutAt: now,
    });
    if (!moved) throw shiftErrors.not_checked_in();
    const minutes = measuredMinutes(gig.startsAt, booking.checkedInAt, now);
    await insertTimesheet(tx, { bookingId, cityCode: gig.cityCode, measuredMinutes: minutes, pieces });
    await recordMarketEvent(tx, { ...eventPlace(row, now), kind: "checked_out", detail: { minutes } });
  });
  return loadShift(ctx, user, bookingId);
}

const NOT_YET_IN = new Set(["booked", "confirmed"]);

/** Who is here, who is late, who has not come: for the employer on site and the district's staff. */
export async function gigAttendance(
  ctx: AppContext,
  user: SessionUser,
  gigId: string,
): Promise<AttendanceView> {
  const db = ctx.database.db;
  const found = await findGigWithNames(db, gigId);
  if (!found || !mayManageGig(user, found)) throw gigErrors.gig_not_found();
  const { gig } = found;
  const rules = await shiftRules(db, gig.cityCode);
  const now = ctx.clock.now();
  const graceOver = now.getTime() >= gig.startsAt.getTime() + rules.noShowGraceMin * 60_000;
  const entries = (await attendanceOfGig(db, gigId)).map(({ booking, workerName, displayName, phone }) => ({
    bookingId: booking.id,
    workerId: booking.workerId,
    workerName: workerName ?? displayName,
    workerPhone: maskPhone(phone),
    status: booking.status,
    checkedInAt: booking.checkedInAt?.toISOString() ?? null,
    checkInMethod: booking.checkInMethod,
    checkInDistanceM: booking.checkInDistanceM,
    minutesLate: booking.checkedInAt ? minutesLate(gig.startsAt, booking.checkedInAt) : null,
    checkedOutAt: booking.checkedOutAt?.toISOString() ?? null,
    autoCheckedOut: booking.autoCheckedOut,
    noShowCandidate: graceOver && NOT_YET_IN.has(booking.status),
  }));
  return {
    gigId,
    title: gig.title,
    startsAt: gig.startsAt.toISOString(),
    endsAt: gig.endsAt.toISOString(),
    checkInCode: gig.checkInCode,
    checkInRadiusM: rules.checkInRadiusM,
    noShowGraceMin: rules.noShowGraceMin,
    counts: {
      booked: entries.filter((e) => NOT_YET_IN.has(e.status)).length,
      checkedIn: entries.filter((e) => e.checkedInAt !== null).length,
      noShowCandidates: entries.filter((e) => e.noShowCandidate).length,
    },
    entries,
  };
}
