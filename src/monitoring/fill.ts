/**
 * 岗位满足率 (fill rate) as the event log gives it, a pure rule: a gig counts in the period that
 * holds the local day its work begins; its places filled are those held when that day ended —
 * bookings made on or before it less bookings cancelled on or before it. A gig withdrawn
 * (gig_cancelled) on or before that day offered nothing to fill and is left out. Events after
 * the start day (a no-show, a late cancellation, the gig closing) never change either fact, so a
 * closed period's rate never moves; the gig's current filled_count, which a no-show lowers, is
 * not read.
 */

export interface FillFacts {
  /** Places held when the start day ended. */
  filledByStart: number;
  /** Withdrawn on or before the start day. */
  withdrawnByStart: boolean;
}

export const NO_FILL: FillFacts = { filledByStart: 0, withdrawnByStart: false };

/** A market event about one gig (its own, or one of its bookings'), on a local day. */
export interface GigDayEvent {
  kind: string;
  day: string;
}

/**
 * The gig's facts after more of its events. Worked example (docs/indicators.md): a gig for 4
 * starting 10 May, booked on 8 May and twice on 9 May, one of those cancelled on 9 May, booked
 * again on the evening of 10 May and once more on 11 May → 3 places held on the start day (75 %);
 * the 11 May booking and a no-show on 10 May change nothing.
 */
export function foldFillEvents(
  startDay: string,
  before: FillFacts,
  events: readonly GigDayEvent[],
): FillFacts {
  let { filledByStart, withdrawnByStart } = before;
  for (const { kind, day } of events) {
    if (day > startDay) continue;
    if (kind === "booking_made") filledByStart += 1;
    else if (kind === "booking_cancelled") filledByStart -= 1;
    else if (kind === "gig_cancelled") withdrawnByStart = true;
  }
  return { filledByStart, withdrawnByStart };
}
