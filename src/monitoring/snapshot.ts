/**
 * The key figures of one scope and period, from the rollups; each page shows some of them
 * with their comparisons (环比, 同比).
 */
import type { AppContext } from "../platform/context.ts";
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
import {
  countsUntil,
  eventCounts,
  type FillCounts,
  fillCounts,
  type GigOutcomes,
  gigOutcomes,
  type KindCount,
  type Scope,
} from "./monitoring.repository.ts";
import { type Comparison, comparePeriods, localDay, type Period } from "./periods.ts";
import { seekerIndex } from "./seeker-counts.ts";
import type { SeekerStock } from "./seeker-index.ts";

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

export type { Comparison };

/** The period and its comparisons as of the app's clock (cut like for like while it runs). */
export function comparisonFor(ctx: AppContext, period: Period): Comparison {
  return comparePeriods(period, localDay(ctx.clock.now()));
}

/** Figures that are ratios or rates: their changes are in points, not per cent. */
export const POINT_FIGURES: ReadonlySet<FigureName> = new Set([
  "jobsToSeekersRatio",
  "fillRate",
  "cancellationRate",
  "noShowRate",
  "averageRating",
]);

/** Figures that need more than the period's event counts, by the read that gives them. */
const NEEDS = {
  toDate: ["registeredWorkers", "employers"],
  seekers: ["validSeekers", "newSeekers", "activeWorkers", "jobsToSeekersRatio"],
  gigs: ["validVacancies", "jobsToSeekersRatio", "medianHoursToFill"],
  fill: ["fillRate"],
} satisfies Record<string, FigureName[]>;
const NO_SEEKERS: SeekerStock = { valid: 0, fresh: 0, active: 0 };
const NO_FILL: FillCounts = { offered: 0, filled: 0 };
const NO_GIGS: GigOutcomes = {
  medianHoursToFill: null,
  validVacancies: 0,
  newVacancies: 0,
};

/** The chosen figures (all by default) of one scope for each period; reads only what they need. */
export async function snapshots<K extends FigureName = FigureName>(
  ctx: AppContext,
  scope: Scope,
  periods: readonly Period[],
  names: readonly K[] = FIGURE_NAMES as readonly FigureName[] as readonly K[],
): Promise<Array<Pick<Snapshot, K>>> {
  const db = ctx.database.reads();
  const needs = (part: keyof typeof NEEDS) => names.some((n) => (NEEDS[part] as FigureName[]).includes(n));
  /** One read per period when the figures need it, else the stand-in the figures ignore. */
  const each = <T>(part: keyof typeof NEEDS, read: (p: Period) => Promise<T>, none: T) =>
    Promise.all(periods.map((p) => (needs(part) ? read(p) : none)));
  const [counts, toDate, seekers, gigs, fill] = await Promise.all([
    Promise.all(periods.map((p) => eventCounts(db, scope, p))),
    each(
      "toDate",
      (p) => countsUntil(db, scope, p.to, ["worker_registered", "employer_registered"]),
      new Map(),
    ),
    needs("seekers")
      ? seekerIndex(ctx).then((index) => index.stocks(scope, periods))
      : periods.map(() => NO_SEEKERS),
    each("gigs", (p) => gigOutcomes(db, scope, p), NO_GIGS),
    each("fill", (p) => fillCounts(db, scope, p), NO_FILL),
  ]);
  return periods.map((_, i) => pick(figuresOf(counts[i], toDate[i], seekers[i], gigs[i], fill[i]), names));
}

function figuresOf(
  counts: KindCount[],
  toDate: Map<string, number>,
  seekers: SeekerStock,
  gigs: GigOutcomes,
  fill: FillCounts,
): Snapshot {
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
    fillRate: fillRate(fill.filled, fill.offered),
    medianHoursToFill: gigs.medianHoursToFill === null ? null : round(gigs.medianHoursToFill, 1),
    cancellationRate: cancellationRate(n("booking_cancelled"), n("booking_made")),
    noShowRate: noShowRate(n("no_show"), n("shift_completed")),
    disputes: n("timesheet_disputed") + n("payment_disputed"),
    averageRating: ratings && ratings.valueSum > 0 ? ratio(ratings.valueSum, ratings.events, 2) : null,
    complaintsOpened: n("complaint_opened"),
    servicesRecorded: n("service_recorded"),
  };
}

function pick<K extends FigureName>(all: Snapshot, names: readonly K[]): Pick<Snapshot, K> {
  const picked = {} as Pick<Snapshot, K>;
  for (const name of names) picked[name] = all[name];
  return picked;
}

/** The chosen figures for the period, each with its previous and last-year values. */
export async function compareFigures<K extends FigureName>(
  ctx: AppContext,
  scope: Scope,
  comparison: Comparison,
  names: readonly K[],
): Promise<Record<K, Figure>> {
  const [current, previous, lastYear] = await snapshots(
    ctx,
    scope,
    [comparison.current, comparison.previous, comparison.lastYear],
    names,
  );
  const out = {} as Record<K, Figure>;
  for (const name of names)
    out[name] = figure(
      current[name],
      previous[name],
      lastYear[name],
      POINT_FIGURES.has(name) ? "points" : "percent",
    );
  return out;
}
