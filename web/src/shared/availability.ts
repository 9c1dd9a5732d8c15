/**
 * When a worker is free, as people say it at the counter: some weekdays and one of a few shifts,
 * instead of two hour pickers. Shared by the worker's profile and the station's registration.
 */
import type { Availability } from "./api-types.ts";

export const HOUR_RANGES = {
  day: { fromHour: 8, toHour: 18 },
  morning: { fromHour: 6, toHour: 12 },
  afternoon: { fromHour: 12, toHour: 18 },
  evening: { fromHour: 18, toHour: 23 },
  any: { fromHour: 0, toHour: 24 },
} as const;
export type HourRange = keyof typeof HOUR_RANGES;
export const HOUR_RANGE_KEYS = Object.keys(HOUR_RANGES) as HourRange[];

/** Monday first, as a calendar on the wall. */
export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 0];

export function rangeOf(availability: Availability | null): HourRange {
  const match = HOUR_RANGE_KEYS.find(
    (key) =>
      HOUR_RANGES[key].fromHour === availability?.fromHour &&
      HOUR_RANGES[key].toHour === availability?.toHour,
  );
  return match ?? "day";
}
