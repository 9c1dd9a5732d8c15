/**
 * What "valid" (有效) means for the supply-and-demand figures, as pure rules.
 *
 * - A gig's vacancies are valid from the local day it is posted through the day it stops
 *   seeking workers: the day it fills, is cancelled or closed, or at the latest the day its
 *   work ends. A gig that filled and reopened is valid again until it ends.
 * - A worker is a valid seeker from a seeking act (registering, updating the profile,
 *   applying) through SEEKER_VALID_DAYS days after the last act; an act inside a spell
 *   extends it, an act after it lapsed begins a new spell.
 * Periods use [from, to) local days; a record is valid in a period when its days overlap it.
 */
import type { GigStatus } from "../db/schema/index.ts";
import { addDays, localDay } from "./periods.ts";

/** Days a seeking act keeps a worker counted as a seeker (求职登记有效期). */
export const SEEKER_VALID_DAYS = 30;

export interface GigTimes {
  status: GigStatus;
  createdAt: Date;
  endsAt: Date;
  updatedAt: Date;
  filledAt: Date | null;
}

export function vacancyValidity(gig: GigTimes): { validFrom: string; validUntil: string } {
  const validFrom = localDay(gig.createdAt);
  const endDay = localDay(gig.endsAt);
  const stoppedOn =
    gig.status === "open"
      ? endDay
      : gig.status === "filled"
        ? localDay(gig.filledAt ?? gig.updatedAt)
        : localDay(gig.updatedAt);
  // Day strings sort as dates: the earlier of stop and end, but never before the posting.
  const [lastDay] = [stoppedOn, endDay].sort();
  return { validFrom, validUntil: addDays([validFrom, lastDay].sort()[1], 1) };
}

export interface SeekerSpell {
  validFrom: string;
  lastActiveDay: string;
  validUntil: string;
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
  const spells: SeekerSpell[] = latest ? [{ ...latest }] : [];
  for (const day of [...new Set(actDays)].sort()) {
    const last = spells.at(-1);
    if (!last || day >= last.validUntil) {
      spells.push({ validFrom: day, lastActiveDay: day, validUntil: addDays(day, SEEKER_VALID_DAYS) });
    } else if (day > last.lastActiveDay) {
      last.lastActiveDay = day;
      last.validUntil = addDays(day, SEEKER_VALID_DAYS);
    } else if (day < last.validFrom && addDays(day, SEEKER_VALID_DAYS) >= last.validFrom) {
      last.validFrom = day;
    }
  }
  return latest ? { latest: spells[0], added: spells.slice(1) } : { latest: null, added: spells };
}
