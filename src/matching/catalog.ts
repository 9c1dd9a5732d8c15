/**
 * Small lookup tables the indexes share: categories as dense numbers (so rows store a
 * Uint16, not a string), their names for reasons and their reference daily pay, and the
 * local-time arithmetic that turns a UTC start into the weekday and hour a worker means.
 */
import type { AvailabilityWindow } from "./score.ts";

export interface CategoryInfo {
  code: string;
  nameZh: string;
  nameEn: string;
  referenceDailyPayFen: number;
}

export class CategoryTable {
  private readonly byCode = new Map<string, number>();
  readonly list: CategoryInfo[] = [];
  /** A city's own reference pay for categories of the national base, where it set one. */
  private readonly cityPay = new Map<string, Map<number, number>>();

  constructor(
    categories: readonly CategoryInfo[],
    cityPays: ReadonlyArray<{ cityCode: string; code: string; referenceDailyPayFen: number }> = [],
  ) {
    for (const c of categories) this.add(c);
    for (const p of cityPays) {
      const pays = this.cityPay.get(p.cityCode) ?? new Map<number, number>();
      this.cityPay.set(p.cityCode, pays);
      pays.set(this.idOf(p.code), p.referenceDailyPayFen);
    }
  }

  /** The reference daily pay of a category in a city: the city's own, else the base's. */
  referencePay(cityCode: string, category: number): number {
    return this.cityPay.get(cityCode)?.get(category) ?? this.list[category].referenceDailyPayFen;
  }

  /** The number of a category; unknown codes get a new number with a neutral reference pay. */
  idOf(code: string): number {
    return (
      this.byCode.get(code) ?? this.add({ code, nameZh: code, nameEn: code, referenceDailyPayFen: 20_000 })
    );
  }

  has(code: string): boolean {
    return this.byCode.has(code);
  }

  get size(): number {
    return this.list.length;
  }

  private add(c: CategoryInfo): number {
    const id = this.list.length;
    this.list.push(c);
    this.byCode.set(c.code, id);
    return id;
  }
}

/** Interns short strings (district codes) as numbers. */
export class Dictionary {
  private readonly ids = new Map<string, number>();
  readonly values: string[] = [];

  idOf(value: string): number {
    let id = this.ids.get(value);
    if (id === undefined) {
      id = this.values.length;
      this.values.push(value);
      this.ids.set(value, id);
    }
    return id;
  }

  find(value: string): number | undefined {
    return this.ids.get(value);
  }
}

const MS_PER_MIN = 60_000;
const MS_PER_DAY = 86_400_000;

/** Weekday, minute of day and day number of an instant in a zone `offsetMin` minutes ahead of UTC. */
export function localParts(ms: number, offsetMin: number): { weekday: number; minute: number; day: number } {
  const local = ms + offsetMin * MS_PER_MIN;
  const day = Math.floor(local / MS_PER_DAY);
  return { weekday: weekdayOf(day), minute: Math.floor((local - day * MS_PER_DAY) / MS_PER_MIN), day };
}

/** The weekday (0 = Sunday) of a day number: 1970-01-01 was a Thursday. */
export function weekdayOf(day: number): number {
  return (day + 4) % 7;
}

/** The day number (days since 1970-01-01) of a local calendar date "YYYY-MM-DD". */
export function dayNumber(isoDate: string): number {
  return Math.floor(Date.parse(`${isoDate}T00:00:00Z`) / MS_PER_DAY);
}

/** The UTC offset of a time zone, in minutes (China has one zone and no summer time, but cities vary elsewhere). */
export function utcOffsetMinutes(timeZone: string, at = new Date()): number {
  const name = new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "longOffset" })
    .formatToParts(at)
    .find((p) => p.type === "timeZoneName")?.value;
  const m = /GMT([+-])(\d{2}):(\d{2})/.exec(name ?? "");
  return m ? (m[1] === "-" ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
}

/** A profile's availability (weekdays and an hour range) as the score reads it. */
export function availabilityWindow(
  a: { weekdays: number[]; fromHour: number; toHour: number } | null,
): AvailabilityWindow | null {
  if (!a) return null;
  let weekdayMask = 0;
  for (const d of a.weekdays) weekdayMask |= 1 << d;
  return { weekdayMask, fromMin: a.fromHour * 60, toMin: a.toHour * 60 };
}

/** What a day of the gig pays, fen: hourly pay times the hours (at most 12); 0 for piece rates. */
export function dailyPayFen(payFen: number, payUnit: string, startMs: number, endMs: number): number {
  if (payUnit === "day") return payFen;
  if (payUnit === "hour") return Math.round(payFen * Math.min(12, (endMs - startMs) / 3_600_000));
  return 0;
}
