/**
 * The matching score of one worker and one gig: pure arithmetic, no I/O.
 * Hard filters (category, distance against the worker's range, a clash with the worker's
 * bookings, a gig already started) make the pair NOT_A_MATCH; everything else adds points.
 * Weights are documented in docs/matching.md. The same score ranks gigs for a worker
 * (为你推荐), workers for a gig (推荐人选) and drives batch dispatch, so all three agree.
 * Indexes call `scorePair` millions of times with reused objects, so it allocates nothing.
 */
import { haversineKm } from "./geo.ts";

/** Points each part of the score can add; the parts are each scaled 0..1. */
export const WEIGHTS = {
  fit: 20,
  distance: 20,
  time: 15,
  pay: 20,
  reliability: 10,
  ratings: 10,
  freshness: 5,
  /** Added for workers with little recent work (see `fairnessBoost`). */
  fairness: 8,
} as const;

export const NOT_A_MATCH = -1;
/** Bookings in the last 30 days at which the fairness boost has fallen to zero. */
export const FAIRNESS_RECENT_TARGET = 4;
const PAY_BAND = 0.4;
const EXPERIENCE_FULL = 10;
const MS_PER_HOUR = 3_600_000;

/** When a worker says they can work, in the city's local time. */
export interface AvailabilityWindow {
  /** Bit d set when weekday d (0 = Sunday) is available. */
  weekdayMask: number;
  fromMin: number;
  toMin: number;
}

export interface WorkerFacts {
  latRad: number;
  lngRad: number;
  cosLat: number;
  rangeKm: number;
  categories: readonly number[];
  anyCategory: boolean;
  /** Completed shifts per category id: the worker's experience. */
  doneByCategory: ReadonlyMap<number, number>;
  availability: AvailabilityWindow | null;
  expectedDailyPayFen: number | null;
  /** Live bookings as flat [startMs, endMs, startMs, endMs, ...]. */
  busy: readonly number[];
  completed: number;
  noShow: number;
  lateCancel: number;
  ratingSum: number;
  ratingCount: number;
  /** Bookings in the last 30 days. */
  recentBookings: number;
  activeAtMs: number;
}

/** A gig as the score reads it (distance takes the cosine of the worker's latitude, not the gig's). */
export interface GigFacts {
  latRad: number;
  lngRad: number;
  category: number;
  startMs: number;
  endMs: number;
  /** Local weekday (0 = Sunday) and minutes after local midnight of the start and end. */
  localWeekday: number;
  localStartMin: number;
  localEndMin: number;
  /** Pay for a day of this gig, fen; 0 when it cannot be compared (piece rates). */
  dailyPayFen: number;
  /** The category's market median daily pay, fen. */
  marketMedianFen: number;
  employerRatingSum: number;
  employerRatingCount: number;
  postedMs: number;
}

export interface ScoreOptions {
  /** Extra distance limit below the worker's own range, km. */
  maxKm?: number;
  /** Off only to measure what the boost does (bench/fairness.ts). */
  fairness?: boolean;
}

/** The pair's score, or NOT_A_MATCH when a hard filter fails. */
export function scorePair(w: WorkerFacts, g: GigFacts, nowMs: number, options: ScoreOptions = {}): number {
  const km = distanceIfMatch(w, g, nowMs, options.maxKm ?? Number.POSITIVE_INFINITY);
  if (km < 0) return NOT_A_MATCH;
  return (
    WEIGHTS.fit * fitPart(w, g.category) +
    WEIGHTS.distance * (1 - km / w.rangeKm) +
    WEIGHTS.time * timePart(w.availability, g) +
    WEIGHTS.pay * payPart(w.expectedDailyPayFen, g) +
    WEIGHTS.reliability * reliabilityPart(w) +
    WEIGHTS.ratings * ratingsPart(w, g) +
    WEIGHTS.freshness * freshnessPart(w, g, nowMs) +
    (options.fairness === false ? 0 : WEIGHTS.fairness * fairnessBoost(w.recentBookings))
  );
}

/** Distance in km when every hard filter passes, otherwise -1. */
export function distanceIfMatch(w: WorkerFacts, g: GigFacts, nowMs: number, maxKm: number): number {
  if (g.startMs <= nowMs) return -1;
  if (!w.anyCategory && !w.categories.includes(g.category)) return -1;
  const km = haversineKm(w.latRad, w.lngRad, w.cosLat, g.latRad, g.lngRad);
  if (km > w.rangeKm || km > maxKm) return -1;
  return clashes(w.busy, g.startMs, g.endMs) ? -1 : km;
}

export function clashes(busy: readonly number[], startMs: number, endMs: number): boolean {
  for (let i = 0; i < busy.length; i += 2) {
    if (startMs < busy[i + 1] && busy[i] < endMs) return true;
  }
  return false;
}

/** Category and experience: a chosen category counts more than "any work"; experience adds the rest. */
export function fitPart(w: WorkerFacts, category: number): number {
  const experience = Math.min(1, (w.doneByCategory.get(category) ?? 0) / EXPERIENCE_FULL);
  return (w.categories.includes(category) ? 0.7 : 0.4) + 0.3 * experience;
}

/** 1 inside the worker's hours, 0.5 on an available day outside them, 0 on other days; 0.8 when unknown. */
export function timePart(a: AvailabilityWindow | null, g: GigFacts): number {
  if (a === null) return 0.8;
  if ((a.weekdayMask & (1 << g.localWeekday)) === 0) return 0;
  const end = g.localEndMin <= g.localStartMin ? 1440 : g.localEndMin;
  return g.localStartMin >= a.fromMin && end <= a.toMin ? 1 : 0.5;
}

/** How a pay compares: 0 at 20% below the reference, 0.5 level with it, 1 at 20% above. */
export function payAgainst(payFen: number, referenceFen: number): number {
  const ratio = payFen / referenceFen;
  return Math.max(0, Math.min(1, (ratio - 1 + PAY_BAND / 2) / PAY_BAND));
}

/** Pay against the worker's expectation (60%) and against the category's market median (40%). */
export function payPart(expectedFen: number | null, g: GigFacts): number {
  if (g.dailyPayFen <= 0) return 0.5;
  const market = payAgainst(g.dailyPayFen, g.marketMedianFen);
  if (expectedFen === null || expectedFen <= 0) return market;
  return 0.6 * payAgainst(g.dailyPayFen, expectedFen) + 0.4 * market;
}

/** Completion against no-shows (counted twice) and late cancellations, starting from one good shift. */
export function reliabilityPart(w: WorkerFacts): number {
  return (w.completed + 1) / (w.completed + 1 + 2 * w.noShow + w.lateCancel);
}

/** A star average pulled towards 4 stars by two imaginary ratings, so one rating cannot decide. */
export function starAverage(sum: number, count: number): number {
  return (sum + 8) / (count + 2);
}

/** Both ways: the employers' rating of the worker and the workers' rating of the employer. */
export function ratingsPart(w: WorkerFacts, g: GigFacts): number {
  const worker = (starAverage(w.ratingSum, w.ratingCount) - 1) / 4;
  const employer = (starAverage(g.employerRatingSum, g.employerRatingCount) - 1) / 4;
  return 0.5 * worker + 0.5 * employer;
}

/** A gig posted recently (half-life about two days) and a worker active recently (about ten days). */
export function freshnessPart(w: WorkerFacts, g: GigFacts, nowMs: number): number {
  const gigAgeHours = Math.max(0, nowMs - g.postedMs) / MS_PER_HOUR;
  const workerIdleHours = Math.max(0, nowMs - w.activeAtMs) / MS_PER_HOUR;
  return 0.5 * Math.exp(-gigAgeHours / 72) + 0.5 * Math.exp(-workerIdleHours / 336);
}

/** The best a group of gigs (one category, one grid cell) reaches in each part the gig decides. */
export interface GigBest {
  category: number;
  /** No gig of the group is nearer than this, km. */
  nearestKm: number;
  /** The highest daily pay, fen, and whether some gig's pay cannot be compared (piece rates). */
  maxDailyPayFen: number;
  uncomparablePay: boolean;
  marketMedianFen: number;
  /** The highest employer star average (`starAverage`) and the latest posting. */
  maxEmployerStars: number;
  latestPostedMs: number;
}

const bestFacts: GigFacts = {
  latRad: 0,
  lngRad: 0,
  category: 0,
  startMs: 0,
  endMs: 0,
  localWeekday: 0,
  localStartMin: 0,
  localEndMin: 0,
  dailyPayFen: 0,
  marketMedianFen: 0,
  employerRatingSum: 0,
  employerRatingCount: 0,
  postedMs: 0,
};

/**
 * A score no gig of the group can beat for this worker: each part the gig decides taken at the
 * group's best (every part rises with pay, employer stars and recency, and falls with distance),
 * the time part at its most. Lets an index skip whole cells once it holds k better gigs.
 */
export function scoreBound(w: WorkerFacts, best: GigBest, nowMs: number, options: ScoreOptions = {}): number {
  bestFacts.dailyPayFen = best.maxDailyPayFen;
  bestFacts.marketMedianFen = best.marketMedianFen;
  bestFacts.postedMs = best.latestPostedMs;
  const pay = Math.max(
    best.maxDailyPayFen > 0 ? payPart(w.expectedDailyPayFen, bestFacts) : 0,
    best.uncomparablePay ? 0.5 : 0,
  );
  const workerStars = (starAverage(w.ratingSum, w.ratingCount) - 1) / 4;
  return (
    WEIGHTS.fit * fitPart(w, best.category) +
    WEIGHTS.distance * (1 - best.nearestKm / w.rangeKm) +
    WEIGHTS.time * (w.availability === null ? 0.8 : 1) +
    WEIGHTS.pay * pay +
    WEIGHTS.reliability * reliabilityPart(w) +
    WEIGHTS.ratings * (0.5 * workerStars + 0.5 * ((best.maxEmployerStars - 1) / 4)) +
    WEIGHTS.freshness * freshnessPart(w, bestFacts, nowMs) +
    (options.fairness === false ? 0 : WEIGHTS.fairness * fairnessBoost(w.recentBookings))
  );
}

/**
 * The part of a worker's score that no gig changes, given the fit for the gig's category: fit,
 * reliability, the employers' rating of the worker and the fairness boost. The worker index keeps
 * each cell's workers in this order, so a search stops inside a cell as soon as `ownPart` plus
 * the best the rest can add (`workerRestBound`) falls below the k-th score found.
 */
export function ownPart(w: WorkerFacts, fit: number): number {
  // With fairness turned off for a search this stays an upper bound, only a looser one.
  return (
    WEIGHTS.fit * fit +
    WEIGHTS.reliability * reliabilityPart(w) +
    WEIGHTS.ratings * 0.5 * ((starAverage(w.ratingSum, w.ratingCount) - 1) / 4) +
    WEIGHTS.fairness * fairnessBoost(w.recentBookings)
  );
}

/** What a group of workers (one category or "any work", one range band, one cell) reaches in the parts the gig and place decide. */
export interface WorkerBest {
  /** No worker of the group travels farther than this, km. */
  maxRangeKm: number;
  /** The lowest stated daily pay expectation, fen, and whether some state none. */
  minExpectedFen: number;
  someExpectNothing: boolean;
  /** The most recent activity of any of them. */
  latestActiveMs: number;
  /** Whether some worker has not said when they can work (the time part is then 0.8, not up to 1). */
  allWithoutAvailability: boolean;
}

/** The group's most recently active worker, as far as `freshnessPart` reads a worker. */
const freshest: WorkerFacts = {
  latRad: 0,
  lngRad: 0,
  cosLat: 1,
  rangeKm: 1,
  categories: [],
  anyCategory: false,
  doneByCategory: new Map(),
  availability: null,
  expectedDailyPayFen: null,
  busy: [],
  completed: 0,
  noShow: 0,
  lateCancel: 0,
  ratingSum: 0,
  ratingCount: 0,
  recentBookings: 0,
  activeAtMs: 0,
};

/**
 * The most the rest of the score (everything but `ownPart`) can give any worker of the group for
 * this gig, when none of them lives nearer than `nearestKm`: distance, time, pay, the workers'
 * rating of the employer and freshness, each at the group's best. `ownPart(w) + workerRestBound(...)`
 * is never below the worker's score.
 */
export function workerRestBound(g: GigFacts, best: WorkerBest, nearestKm: number, nowMs: number): number {
  const market = g.dailyPayFen > 0 ? payAgainst(g.dailyPayFen, g.marketMedianFen) : 0.5;
  const stated =
    g.dailyPayFen > 0 && best.minExpectedFen < Number.POSITIVE_INFINITY
      ? 0.6 * payAgainst(g.dailyPayFen, best.minExpectedFen) + 0.4 * market
      : market;
  const pay = g.dailyPayFen <= 0 ? 0.5 : Math.max(stated, best.someExpectNothing ? market : 0);
  const employerStars = (starAverage(g.employerRatingSum, g.employerRatingCount) - 1) / 4;
  freshest.activeAtMs = best.latestActiveMs;
  return (
    WEIGHTS.distance * Math.max(0, 1 - nearestKm / best.maxRangeKm) +
    WEIGHTS.time * (best.allWithoutAvailability ? 0.8 : 1) +
    WEIGHTS.pay * pay +
    WEIGHTS.ratings * 0.5 * employerStars +
    WEIGHTS.freshness * freshnessPart(freshest, g, nowMs)
  );
}

/** 1 for a worker with no bookings in 30 days, falling linearly to 0 at FAIRNESS_RECENT_TARGET. */
export function fairnessBoost(recentBookings: number): number {
  return Math.max(0, 1 - recentBookings / FAIRNESS_RECENT_TARGET);
}
