/**
 * Whether a worker may check in (签到), as a pure decision over the gig, the city's radius,
 * the time and what the worker sends: a position from the phone, the code the employer
 * shows on site, or both.
 *
 * Worked example (Zhenjiang, radius 500 m): the gig is at 32.188365 N, 119.421007 E.
 *   - a phone at 32.190 N, 119.421 E is ≈ 182 m north        → checked in by location;
 *   - a phone at 32.206 N, 119.421 E is ≈ 1 961 m north      → too_far, unless the code is sent;
 *   - no position (location denied) and the right code       → checked in by code.
 * A fix less precise than the radius itself (accuracy 800 m for a 500 m circle) cannot show
 * the worker is there, so it is refused the same way as a far one: use the code.
 *
 * Like with like: the gig's point is stored in WGS-84 (src/places/datum.ts) and the browser's
 * Geolocation API reports WGS-84, so the two are compared as they are.
 * The phone's reported accuracy is given the benefit of the doubt, up to a cap: a worker 560 m
 * away by the fix, with accuracy 80 m, may be 480 m away, so accept when
 * distance − min(accuracy, 100 m) ≤ radius.
 */
import { distanceMetres, type Point } from "../gigs/geography.ts";

/** At most this much of the phone's reported accuracy is credited to the worker. */
export const ACCURACY_ALLOWANCE_CAP_M = 100;

/** The check-in window opens this long before the start, so early arrivals need not wait. */
export const CHECK_IN_OPENS_MIN_BEFORE = 60;
const MINUTE_MS = 60_000;

export interface CheckInGig extends Point {
  startsAt: Date;
  endsAt: Date;
  checkInCode: string;
}

export interface CheckInProof {
  lat?: number;
  lng?: number;
  accuracyM?: number;
  code?: string;
}

export type CheckInDecision =
  | { ok: true; method: "location" | "code"; point: Point | null; distanceM: number | null }
  | { ok: false; reason: "not_open_yet"; opensAt: Date }
  | { ok: false; reason: "closed" }
  | { ok: false; reason: "proof_required" }
  | { ok: false; reason: "wrong_code" }
  | { ok: false; reason: "too_far"; distanceM: number; radiusM: number }
  | { ok: false; reason: "too_imprecise"; accuracyM: number; radiusM: number };

export function checkInOpensAt(gig: Pick<CheckInGig, "startsAt">): Date {
  return new Date(gig.startsAt.getTime() - CHECK_IN_OPENS_MIN_BEFORE * MINUTE_MS);
}

/** Codes are read aloud and typed on a phone: spaces and full-width digits are forgiven. */
export function sameCode(typed: string, expected: string): boolean {
  const normalise = (s: string) =>
    s.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)).replace(/\s+/g, "");
  return normalise(typed) === normalise(expected);
}

function positionOf(proof: CheckInProof): Point | null {
  return proof.lat === undefined || proof.lng === undefined ? null : { lat: proof.lat, lng: proof.lng };
}

export function decideCheckIn(
  gig: CheckInGig,
  radiusM: number,
  now: Date,
  proof: CheckInProof,
): CheckInDecision {
  const opensAt = checkInOpensAt(gig);
  if (now.getTime() < opensAt.getTime()) return { ok: false, reason: "not_open_yet", opensAt };
  if (now.getTime() >= gig.endsAt.getTime()) return { ok: false, reason: "closed" };
  const point = positionOf(proof);
  if (!point && proof.code === undefined) return { ok: false, reason: "proof_required" };
  const distanceM = point ? Math.round(distanceMetres(point, gig)) : null;
  const precise = proof.accuracyM === undefined || proof.accuracyM <= radiusM;
  const allowance = Math.min(Math.max(proof.accuracyM ?? 0, 0), ACCURACY_ALLOWANCE_CAP_M);
  if (point && distanceM !== null && distanceM - allowance <= radiusM && precise) {
    return { ok: true, method: "location", point, distanceM };
  }
  if (proof.code !== undefined) {
    return sameCode(proof.code, gig.checkInCode)
      ? { ok: true, method: "code", point, distanceM }
      : { ok: false, reason: "wrong_code" };
  }
  if (!precise) return { ok: false, reason: "too_imprecise", accuracyM: proof.accuracyM ?? 0, radiusM };
  return { ok: false, reason: "too_far", distanceM: distanceM ?? 0, radiusM };
}

export type CheckOutDecision = { ok: true } | { ok: false; reason: "before_start"; startsAt: Date };

/**
 * Whether a worker checked in early may check out (签退) now. Time before the start is not
 * paid, so a check-out before it would measure nothing: most likely a tap on the wrong
 * button, refused rather than ending the shift at 0 minutes. From the start on, it is allowed
 * (a worker sent home early checks out early).
 *   gig 08:00–17:00, checked in 07:30: check-out at 07:45 → before_start; at 08:00 → ok.
 */
export function decideCheckOut(gig: Pick<CheckInGig, "startsAt">, now: Date): CheckOutDecision {
  if (now.getTime() < gig.startsAt.getTime())
    return { ok: false, reason: "before_start", startsAt: gig.startsAt };
  return { ok: true };
}

/** Minutes after the start the worker checked in; arriving early is 0, never negative. */
export function minutesLate(startsAt: Date, checkedInAt: Date): number {
  return Math.max(0, Math.floor((checkedInAt.getTime() - startsAt.getTime()) / MINUTE_MS));
}

/**
 * Minutes measured for the timesheet: from check-in — or the start, if the worker came early,
 * because the window opens early for convenience, not for pay — to check-out.
 */
export function measuredMinutes(startsAt: Date, checkedInAt: Date, checkedOutAt: Date): number {
  const from = Math.max(startsAt.getTime(), checkedInAt.getTime());
  return Math.max(0, Math.floor((checkedOutAt.getTime() - from) / MINUTE_MS));
}
