/**
 * What "valid" (有效) means for the supply-and-demand figures, as pure rules.
 *
 * - A gig's vacancies are valid from the local day it is posted through the day it stops
 *   seeking workers: the day it first fills, is cancelled or closed, or at the latest the day
 *   its work ends. A place freed after filling is not counted again.
 * - A worker is a valid seeker from a seeking act (registering, updating the profile,
 *   applying) through the SEEKER_VALID_DAYS-th day after the last act; an act inside a spell
 *   extends it, an act after it lapsed begins a new spell.
 * Periods use [from, to) local days; a record is valid in a period when its days overlap it.
 */
import { addDays, localDay } from "./periods.ts";

/**
 * Days a seeking act keeps a worker counted as a seeker (求职登记有效期): the day of the act
 * and the SEEKER_VALID_DAYS days after it.
 */
export const SEEKER_VALID_DAYS = 30;

/** The market events after which a gig seeks no more workers. */
export const VACANCY_STOP_KINDS = ["gig_filled", "gig_cancelled", "gig_closed"] as const;

export interface GigFacts {
  /** When the gig was posted. */
  postedAt: Date;
  /** When its work ends. */
  endsAt: Date;
  /** The first gig_filled, gig_cancelled or gig_closed event of the gig in the log, if any. */
  stoppedAt: Date | null;
}

/**
 * The local days a gig's vacancies are valid, [validFrom, validUntil): from its posting through
 * the day it first filled, was cancelled or closed, or its work ends, whichever is first. Taken
 * from the event log's facts, never from the gig's current status, so the days a vacancy was
 * valid never change when a later event (a close after a fill, a reopening) arrives.
 */
export function vacancyValidity(gig: GigFacts): { validFrom: string; validUntil: string } {
  const validFrom = localDay(gig.postedAt);
  const endDay = localDay(gig.endsAt);
  const stopDay = gig.stoppedAt ? localDay(gig.stoppedAt) : endDay;
  // Day strings sort as dates: the earlier of stop and end, but never before the posting.
  const [lastDay] = [stopDay, endDay].sort();
  return { validFrom, validUntil: addDays([validFrom, lastDay].sort()[1], 1) };
}

/** The day after the last day a seeking act on `day` keeps its worker valid. */
export function seekerValidUntil(day: string): string {
  return addDays(day, SEEKER_VALID_DAYS + 1);
}

export interface SeekerSpell {
  validFrom: string;
  lastActiveDay: string;
  validUntil: string;
  /** Every day with a seeking act in the spell, sorted: who was active in a period is read from them. */
  actDays: string[];
}

/** Adds a day to a sorted list of days, once. */
function withDay(days: readonly string[], day: string): string[] {
  if (days.includes(day)) return [...days];
  return [...days, day].sort();
}

/**
 * Folds a worker's new seeking acts (local days) into their latest spell. Returns that
 * spell, extended if an act falls inside it, and the spells that begin after it lapsed.
 * An act from before the latest spell (a late event) only moves its start back when it
 * touches it; older history is not reopened.
 */
export function foldSeekingActs(
  latest: SeekerSpell | null,
  actDays: readonly string[],
): { latest: SeekerSpell | null; added: SeekerSpell[] } {
  const spells: SeekerSpell[] = latest ? [{ ...latest, actDays: [...latest.actDays] }] : [];
  for (const day of [...new Set(actDays)].sort()) {
    const last = spells.at(-1);
    if (!last || day >= last.validUntil) {
      spells.push({ validFrom: day, lastActiveDay: day, validUntil: seekerValidUntil(day), actDays: [day] });
      continue;
    }
    // An act so early that its validity ends before the spell starts belongs to no spell here.
    if (day < last.validFrom && seekerValidUntil(day) < last.validFrom) continue;
    // Otherwise it widens the spell where it falls outside it (a late act inside changes no bound)
    // and she was active that day.
    if (day > last.lastActiveDay) {
      last.lastActiveDay = day;
      last.validUntil = seekerValidUntil(day);
    }
    if (day < last.validFrom) last.validFrom = day;
    last.actDays = withDay(last.actDays, day);
  }
  return latest ? { latest: spells[0], added: spells.slice(1) } : { latest: null, added: spells };
}
