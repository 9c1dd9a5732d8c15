/**
 * Shift fixtures: an employer, a worker and a booking on a gig that starts soon, made through
 * the real routes (post, apply, accept), with the clock and the gig's check-in code at hand.
 */
import type { ManualClock } from "../../src/platform/clock.ts";
import type { TestApp } from "./app.ts";
import { type Actor, type EmployerActor, employer, postedGig, RUNZHOU, worker } from "./market-fixtures.ts";

export interface BookedShift {
  boss: EmployerActor;
  who: Actor & { phone: string };
  gigId: string;
  bookingId: string;
  startsAt: Date;
  endsAt: Date;
  checkInCode: string;
  /** Sets the clock to this many minutes after the gig's start (negative: before). */
  at(minutesFromStart: number): void;
}

export interface ShiftOptions {
  payUnit?: "day" | "hour" | "piece";
  payFen?: number;
  hours?: number;
  headcount?: number;
  boss?: EmployerActor;
  /** Books another worker on this shift's gig instead of posting a new one. */
  onGigOf?: BookedShift;
}

/** The gig's own point: a phone here is at distance 0. */
export const ON_SITE = { lat: RUNZHOU.lat, lng: RUNZHOU.lng };
/** About 2 km north of the gig, well outside a 500 m radius. */
export const TWO_KM_AWAY = { lat: RUNZHOU.lat + 0.018, lng: RUNZHOU.lng };

export async function bookedShift(
  t: TestApp,
  clock: ManualClock,
  options: ShiftOptions = {},
): Promise<BookedShift> {
  const boss = options.onGigOf?.boss ?? options.boss ?? (await employer(t));
  const who = await worker(t, { name: "李师傅" });
  const gigId =
    options.onGigOf?.gigId ??
    (await postedGig(
      t,
      boss,
      {
        headcount: options.headcount ?? 2,
        payUnit: options.payUnit ?? "day",
        payFen: options.payFen ?? 200_00,
      },
      24,
      options.hours ?? 8,
    ));
  const applied = await t.request("POST", `/api/gigs/${gigId}/applications`, { as: who.token, body: {} });
  if (applied.statusCode !== 201) throw new Error(`applying failed: ${applied.body}`);
  const accepted = await t.request("POST", `/api/applications/${applied.json().id}/accept`, {
    as: boss.token,
  });
  if (accepted.statusCode !== 200) throw new Error(`accepting failed: ${accepted.body}`);
  const gig = (await t.request("GET", `/api/gigs/${gigId}`, { as: boss.token })).json();
  const startsAt = new Date(gig.startsAt);
  return {
    boss,
    who,
    gigId,
    bookingId: accepted.json().id,
    startsAt,
    endsAt: new Date(gig.endsAt),
    checkInCode: gig.checkInCode,
    at: (minutes) => clock.set(new Date(startsAt.getTime() + minutes * 60_000)),
  };
}

/** Checks in on site at `inMinutes` after the start and out at `outMinutes`. */
export async function workedShift(
  t: TestApp,
  clock: ManualClock,
  options: ShiftOptions & { inMinutes?: number; outMinutes?: number; pieces?: number } = {},
): Promise<BookedShift> {
  const shift = await bookedShift(t, clock, options);
  shift.at(options.inMinutes ?? 0);
  const checkedIn = await t.request("POST", `/api/bookings/${shift.bookingId}/check-in`, {
    as: shift.who.token,
    body: ON_SITE,
  });
  if (checkedIn.statusCode !== 200) throw new Error(`check-in failed: ${checkedIn.body}`);
  shift.at(options.outMinutes ?? (options.hours ?? 8) * 60);
  const body = options.pieces === undefined ? {} : { pieces: options.pieces };
  const out = await t.request("POST", `/api/bookings/${shift.bookingId}/check-out`, {
    as: shift.who.token,
    body,
  });
  if (out.statusCode !== 200) throw new Error(`check-out failed: ${out.body}`);
  return shift;
}
