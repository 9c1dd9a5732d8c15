/**
 * Reporting periods (统计期) in local calendar days, and the two periods every figure is
 * compared with: the one just before (环比) and the same one a year earlier (同比).
 * A period is [from, to): `to` is the first day after it. Days are "YYYY-MM-DD" in the
 * city's time zone; Asia/Shanghai has kept UTC+8 without daylight saving since 1991.
 */
import { EARLIEST_YEAR, LATEST_YEAR } from "../platform/http/input-guard.ts";
import { monitoringErrors } from "./monitoring.errors.ts";

export const PERIOD_KINDS = ["day", "week", "month", "quarter", "custom"] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

export interface Period {
  kind: PeriodKind;
  from: string;
  to: string;
}

const UTC_OFFSET_HOURS = 8;
const DAY_MS = 86_400_000;
/** A custom period may span at most this many days (one leap year). */
export const MAX_CUSTOM_DAYS = 366;

export function localDay(at: Date): string {
  return new Date(at.getTime() + UTC_OFFSET_HOURS * 3_600_000).toISOString().slice(0, 10);
}

/** The UTC instant a local day begins. */
export function dayStart(day: string): Date {
  return new Date(Date.parse(`${day}T00:00:00Z`) - UTC_OFFSET_HOURS * 3_600_000);
}

export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

function addMonths(day: string, months: number): string {
  const [y, m] = day.split("-").map(Number);
  const index = y * 12 + (m - 1) + months;
  return `${String(Math.floor(index / 12)).padStart(4, "0")}-${String((index % 12) + 1).padStart(2, "0")}-01`;
}

/** A real calendar day, within the years every date of the API is bounded to. */
function isDay(value: string): boolean {
  const year = Number(value.slice(0, 4));
  if (year < EARLIEST_YEAR || year > LATEST_YEAR) return false;
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && localDay(dayStart(value)) === value;
}

/** The period of a kind that contains `day`; a custom period runs from `day` to `until` inclusive. */
export function periodContaining(kind: PeriodKind, day: string, until?: string): Period {
  if (!isDay(day)) throw monitoringErrors.invalid_period({ detail: day });
  switch (kind) {
    case "day":
      return { kind, from: day, to: addDays(day, 1) };
    case "week": {
      // Weeks start on Monday, as in the national statistics.
      const weekday = (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;
      const from = addDays(day, -weekday);
      return { kind, from, to: addDays(from, 7) };
    }
    case "month": {
      const from = `${day.slice(0, 7)}-01`;
      return { kind, from, to: addMonths(from, 1) };
    }
    case "quarter": {
      const month = Number(day.slice(5, 7));
      const from = `${day.slice(0, 4)}-${String(month - ((month - 1) % 3)).padStart(2, "0")}-01`;
      return { kind, from, to: addMonths(from, 3) };
    }
    case "custom":
      return customPeriod(day, until);
  }
}

function customPeriod(from: string, until: string | undefined): Period {
  if (!until || !isDay(until)) throw monitoringErrors.invalid_period({ detail: until ?? "-" });
  const to = addDays(until, 1);
  const length = daysBetween(from, to);
  if (length < 1 || length > MAX_CUSTOM_DAYS)
    throw monitoringErrors.invalid_period({ detail: `${from}..${until}` });
  return { kind: "custom", from, to };
}

/** The period just before (环比): the previous calendar month or quarter, else the same length before. */
export function previousPeriod(period: Period): Period {
  if (period.kind === "month") return { ...period, from: addMonths(period.from, -1), to: period.from };
  if (period.kind === "quarter") return { ...period, from: addMonths(period.from, -3), to: period.from };
  const length = daysBetween(period.from, period.to);
  return { ...period, from: addDays(period.from, -length), to: period.from };
}

/**
 * The same period a year earlier (同比). Months and quarters move by twelve months; days,
 * weeks and custom ranges by 364 days for weeks (same weekdays) and a calendar year otherwise.
 */
export function samePeriodLastYear(period: Period): Period {
  if (period.kind === "month" || period.kind === "quarter") {
    return { ...period, from: addMonths(period.from, -12), to: addMonths(period.to, -12) };
  }
  if (period.kind === "week")
    return { ...period, from: addDays(period.from, -364), to: addDays(period.to, -364) };
  const from = yearEarlier(period.from);
  return { ...period, from, to: addDays(from, daysBetween(period.from, period.to)) };
}

/** The same date a year earlier; 29 February becomes 28 February. */
function yearEarlier(day: string): string {
  const candidate = `${String(Number(day.slice(0, 4)) - 1).padStart(4, "0")}${day.slice(4)}`;
  return isDay(candidate) ? candidate : addDays(`${candidate.slice(0, 8)}01`, 27);
}

/** A period with the two it is compared with, all cut to the same number of days. */
export interface Comparison {
  current: Period;
  previous: Period;
  lastYear: Period;
  /** The period is still running: all three are cut to its elapsed days (like for like). */
  partial: boolean;
  /** Days of the period counted (through `today` when partial). */
  days: number;
}

/**
 * The period, its 环比 and its 同比. While the period runs (it contains `today`), each is cut to
 * the days elapsed so far, today included: the first two days of December are compared with
 * the first two days of November and of December last year, not with whole months.
 */
export function comparePeriods(period: Period, today: string): Comparison {
  const previous = previousPeriod(period);
  const lastYear = samePeriodLastYear(period);
  if (!(period.from <= today && today < period.to)) {
    return { current: period, previous, lastYear, partial: false, days: daysBetween(period.from, period.to) };
  }
  const days = daysBetween(period.from, today) + 1;
  const cut = (p: Period): Period => {
    const to = addDays(p.from, days);
    // biome-ignore lint/complexity/useMathMinMax: ISO dates as strings, which Math.min would not compare
    return { ...p, to: to < p.to ? to : p.to };
  };
  return { current: cut(period), previous: cut(previous), lastYear: cut(lastYear), partial: true, days };
}
