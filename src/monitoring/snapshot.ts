/**
 * The key figures of one scope and period, from the rollups; each page shows some of them
 * with their comparisons (环比, 同比).
 */
import type { DbOrTx } from "../db/client.ts";
import {
  cancellationRate,
  type Figure,
  figure,
  fillRate,
  jobsToSeekersRatio,
  noShowRate,
  ratio,
  round,
} from "./indicators.ts";
import { countsUntil, eventCounts, gigOutcomes, type Scope, seekerStock } from "./monitoring.repository.ts";
import { type Period, previousPeriod, samePeriodLastYear } from "./periods.ts";

export const FIGURE_NAMES = [
  "registeredWorkers",
  "newWorkers",
  "validSeekers",
  "newSeekers",
  "activeWorkers",
  "employers",
  "newEmployers",
  "gigsPosted",
  "vacanciesPosted",
  "validVacancies",
  "jobsToSeekersRatio",
  "applications",
  "bookings",
  "completedShifts",
  "fillRate",
  "medianHoursToFill",
  "cancellationRate",
  "noShowRate",
  "disputes",
  "averageRating",
  "complaintsOpened",
  "servicesRecorded",
] as const;
export type FigureName = (typeof FIGURE_NAMES)[number];
export type Snapshot = Record<FigureName, number | null>;

export interface Comparison {
  current: Period;
  previous: Period;
  lastYear: Period;
}

export function comparisonFor(period: Period): Comparison {
  return { current: period, previous: previousPeriod(period), lastYear: samePeriodLastYear(period) };
}

export async function snapshot(db: DbOrTx, scope: Scope, period: Period): Promise<Snapshot> {
  const [counts, toDate, seekers, gigs] = await Promise.all([
    eventCounts(db, scope, period),
    countsUntil(db, scope, period.to, ["worker_registered", "employer_registered"]),
    seekerStock(db, scope, period),
    gigOutcomes(db, scope, period),
  ]);
  const n = (kind: string) => counts.find((c) => c.kind === kind)?.events ?? 0;
  const ratings = counts.find((c) => c.kind === "rating_given");
  return {
    registeredWorkers: toDate.get("worker_registered") ?? 0,
    newWorkers: n("worker_registered"),
    validSeekers: seekers.valid,
    newSeekers: seekers.fresh,
    activeWorkers: seekers.active,
    employers: toDate.get("employer_registered") ?? 0,
    newEmployers: n("employer_registered"),
    gigsPosted: n("gig_posted"),
    vacanciesPosted: counts.find((c) => c.kind === "gig_posted")?.quantity ?? 0,
    validVacancies: gigs.validVacancies,
    jobsToSeekersRatio: jobsToSeekersRatio(gigs.validVacancies, seekers.valid),
    applications: n("application_made"),
    bookings: n("booking_made"),
    completedShifts: n("shift_completed"),
    fillRate: fillRate(gigs.filled, gigs.headcount),
    medianHoursToFill: gigs.medianHoursToFill === null ? null : round(gigs.medianHoursToFill, 1),
    cancellationRate: cancellationRate(n("booking_cancelled"), n("booking_made")),
    noShowRate: noShowRate(n("no_show"), n("shift_completed")),
    disputes: n("timesheet_disputed") + n("payment_disputed"),
    averageRating: ratings && ratings.valueSum > 0 ? ratio(ratings.valueSum, ratings.events, 2) : null,
    complaintsOpened: n("complaint_opened"),
    servicesRecorded: n("service_recorded"),
  };
}

/** The chosen figures for the period, each with its previous and last-year values. */
export async function compareFigures<K extends FigureName>(
  db: DbOrTx,
  scope: Scope,
  comparison: Comparison,
  names: readonly K[],
): Promise<Record<K, Figure>> {
  const [current, previous, lastYear] = await Promise.all([
    snapshot(db, scope, comparison.current),
    snapshot(db, scope, comparison.previous),
    snapshot(db, scope, comparison.lastYear),
  ]);
  const out = {} as Record<K, Figure>;
  for (const name of names) out[name] = figure(current[name], previous[name], lastYear[name]);
  return out;
}
