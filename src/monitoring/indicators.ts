/**
 * The indicators of the monitoring platform, defined once, without I/O.
 * docs/indicators.md gives each one's formula, counting rules and source.
 */

/**
 * How a figure's change is given: counts (and amounts) in per cent of the base, ratios and rates
 * (求人倍率, 岗位满足率 ...) in points, this − that, as the official tables do.
 */
export type ChangeUnit = "percent" | "points";

/** A figure for a period with its comparisons: 环比 (previous period) and 同比 (same period last year). */
export interface Figure {
  value: number | null;
  previous: number | null;
  lastYear: number | null;
  /** The change against the previous period, in `changeIn`; null when there is nothing to compare with. */
  vsPrevious: number | null;
  /** The change against the same period last year, in `changeIn`. */
  vsLastYear: number | null;
  changeIn: ChangeUnit;
}

/** (value − base) ÷ base: the change of a count, as a fraction; null when base is 0 or unknown. */
export function changeRate(value: number | null, base: number | null): number | null {
  if (value === null || base === null || base === 0) return null;
  return round((value - base) / base, 4);
}

/** value − base: the change of a ratio or rate, in points of it. */
export function changePoints(value: number | null, base: number | null): number | null {
  if (value === null || base === null) return null;
  return round(value - base, 4);
}

export function figure(
  value: number | null,
  previous: number | null,
  lastYear: number | null,
  changeIn: ChangeUnit = "percent",
): Figure {
  const change = changeIn === "points" ? changePoints : changeRate;
  return {
    value,
    previous,
    lastYear,
    vsPrevious: change(value, previous),
    vsLastYear: change(value, lastYear),
    changeIn,
  };
}

/** A ratio, or null when the denominator is zero (a rate of nothing is not 0 %). */
export function ratio(numerator: number, denominator: number, digits = 4): number | null {
  return denominator > 0 ? round(numerator / denominator, digits) : null;
}

export function round(value: number, digits: number): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}

/** 求人倍率 = 需求人数 ÷ 求职人数, to two decimals as the official tables print it. */
export function jobsToSeekersRatio(vacancies: number, seekers: number): number | null {
  return ratio(vacancies, seekers, 2);
}

/**
 * 岗位满足率: places filled ÷ places offered, over gigs whose work began in the period and that
 * were not withdrawn by then; filled = held when the start day ended (fill.ts).
 */
export function fillRate(filled: number, headcount: number): number | null {
  return ratio(filled, headcount);
}

/** Bookings cancelled ÷ bookings made in the period. */
export function cancellationRate(cancelled: number, booked: number): number | null {
  return ratio(cancelled, booked);
}

/** No-shows ÷ shifts that were due (completed + no-shows) in the period. */
export function noShowRate(noShows: number, completed: number): number | null {
  return ratio(noShows, completed + noShows);
}

export const AGE_BANDS = ["16-24", "25-34", "35-44", "45+"] as const;
export type AgeBand = (typeof AGE_BANDS)[number];
/** The youngest age of each band, in order; the repository groups seekers by the same bounds. */
export const AGE_BAND_FLOORS: ReadonlyArray<readonly [number, AgeBand]> = [
  [45, "45+"],
  [35, "35-44"],
  [25, "25-34"],
  [16, "16-24"],
];

/** The official age band of a worker born in `birthYear`, at the period's year; null under 16 or unknown. */
export function ageBand(birthYear: number | null, year: number): AgeBand | null {
  if (birthYear === null) return null;
  const age = year - birthYear;
  return AGE_BAND_FLOORS.find(([floor]) => age >= floor)?.[1] ?? null;
}

/** The median; for an even count, the mean of the middle two. Null for no values. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/**
 * Pay for one day's work, fen: day rates as posted, hourly rates times the standard
 * 8-hour day; piece rates have no daily equivalent and are left out.
 */
export function dailyPayFen(payFen: number, unit: "day" | "hour" | "piece"): number | null {
  if (unit === "day") return payFen;
  if (unit === "hour") return payFen * 8;
  return null;
}
