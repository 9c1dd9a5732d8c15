/**
 * How each kind of work behaves in the demo market: how much of it is posted, who does it,
 * on which weekdays and at what hours, and which industries post it. Rough shapes from
 * county gig markets, enough for dashboards and matching to look like a real city.
 */
import { CATEGORY_SEEDS } from "../reference/categories.ts";

/** Weekday weights, Sunday first. */
const WEEK = {
  flat: [1, 1, 1, 1, 1, 1, 1],
  /** Events, promotion, cleaning: busiest at weekends. */
  weekend: [1.7, 0.6, 0.6, 0.6, 0.7, 1.0, 1.8],
  /** Factories and warehouses work weekdays. */
  weekday: [0.3, 1.2, 1.2, 1.2, 1.2, 1.1, 0.5],
  /** Restaurants peak Friday to Sunday. */
  catering: [1.5, 0.7, 0.7, 0.8, 0.9, 1.5, 1.6],
} as const;

export interface WorkPattern {
  /** Relative share of gigs posted. */
  demand: number;
  /** Share of workers in this work who are women. */
  femaleShare: number;
  /** Who does it by age: mostly older, mostly young, or anyone. */
  ages: "older" | "young" | "any";
  weekdays: readonly number[];
  /** Typical local start hours. */
  startHours: readonly number[];
  /** Length of a shift in hours. */
  hours: number;
  /** For piece rates: pieces in a day's work. */
  piecesPerDay?: number;
  /** Heavier physical work. */
  heavy?: boolean;
}

const p = (
  demand: number,
  femaleShare: number,
  ages: WorkPattern["ages"],
  weekdays: readonly number[],
  startHours: readonly number[],
  hours: number,
  extra: Partial<WorkPattern> = {},
): WorkPattern => ({ demand, femaleShare, ages, weekdays, startHours, hours, ...extra });

export const WORK_PATTERNS: Record<string, WorkPattern> = {
  cleaning: p(9, 0.8, "older", WEEK.weekend, [7, 8, 9], 8),
  loading: p(7, 0.05, "any", WEEK.flat, [5, 6, 7], 8, { heavy: true }),
  housekeeping: p(5, 0.95, "older", WEEK.flat, [8, 9], 8),
  maternity_nurse: p(1, 1, "older", WEEK.flat, [8], 10),
  nanny: p(2, 1, "older", WEEK.flat, [8], 9),
  elder_care: p(3, 0.85, "older", WEEK.flat, [7, 8], 9),
  plumbing_electrical: p(2, 0.03, "older", WEEK.flat, [8, 9, 13], 6),
  appliance_repair: p(1, 0.05, "any", WEEK.flat, [9, 14], 5),
  renovation: p(3, 0.15, "older", WEEK.weekday, [7, 8], 9, { heavy: true }),
  painting: p(1.5, 0.15, "older", WEEK.weekday, [7, 8], 9),
  parcel_sorting: p(5, 0.45, "any", WEEK.flat, [6, 18], 5),
  food_delivery: p(3, 0.1, "young", WEEK.catering, [10, 16], 6, { piecesPerDay: 38 }),
  waiter: p(6, 0.65, "young", WEEK.catering, [10, 16, 17], 6),
  dishwasher: p(4, 0.7, "older", WEEK.catering, [10, 16], 6),
  kitchen_helper: p(3, 0.55, "any", WEEK.catering, [9, 15], 7),
  security: p(2.5, 0.05, "older", WEEK.weekend, [7, 8, 18], 10),
  general_labour: p(9, 0.45, "any", WEEK.weekday, [8], 9),
  electronics_assembly: p(5, 0.6, "young", WEEK.weekday, [8], 9),
  driver: p(1.5, 0.03, "any", WEEK.flat, [7, 8], 8),
  farm_picking: p(3, 0.7, "older", WEEK.flat, [5, 6], 7, { heavy: true }),
  landscaping: p(2.5, 0.4, "older", WEEK.weekday, [6, 7], 8),
  event_staff: p(3, 0.5, "young", WEEK.weekend, [8, 9, 17], 8),
  promoter: p(3, 0.7, "young", WEEK.weekend, [9, 10], 8),
  warehouse: p(5, 0.35, "any", WEEK.weekday, [8, 13], 8),
  construction_labour: p(6, 0.1, "older", WEEK.weekday, [6, 7], 9, { heavy: true }),
  bricklayer: p(2, 0.02, "older", WEEK.weekday, [6, 7], 9, { heavy: true }),
  carpenter: p(1.5, 0.02, "older", WEEK.weekday, [7], 9),
  welder: p(1.5, 0.02, "any", WEEK.weekday, [7, 8], 9),
  hospital_escort: p(2, 0.75, "older", WEEK.flat, [8], 10),
  hourly_cleaner: p(4, 0.9, "older", WEEK.weekend, [9, 14], 3),
  moving_house: p(2, 0.03, "any", WEEK.weekend, [7, 8, 13], 6, { heavy: true }),
  tutor: p(1.5, 0.65, "young", WEEK.weekend, [9, 14, 18], 2),
  cashier: p(2, 0.85, "young", WEEK.weekend, [8, 14], 8),
  garment_work: p(3, 0.85, "older", WEEK.weekday, [8], 9, { piecesPerDay: 150 }),
  property_maintenance: p(2, 0.1, "older", WEEK.flat, [8], 8),
};

/** The categories in reference order with their pattern; unknown codes fall back to a flat day job. */
export const DEMO_CATEGORIES = CATEGORY_SEEDS.map((seed) => ({
  ...seed,
  pattern: WORK_PATTERNS[seed.code] ?? p(1, 0.5, "any", WEEK.flat, [8], 8),
}));
export type DemoCategory = (typeof DEMO_CATEGORIES)[number];

/** What a gig's pay unit and rate amount to for one day's work, fen. */
export function dailyEquivalentFen(category: DemoCategory, payFen: number): number {
  if (category.defaultPayUnit === "hour") return payFen * category.pattern.hours;
  if (category.defaultPayUnit === "piece") return payFen * (category.pattern.piecesPerDay ?? 50);
  return payFen;
}

/** A gig's rate in its pay unit around the category's reference, with the given relative spread. */
export function rateAround(category: DemoCategory, spread: number): number {
  const daily = category.referenceDailyPayFen * (1 + spread);
  if (category.defaultPayUnit === "hour")
    return Math.max(100, Math.round(daily / category.pattern.hours / 100) * 100);
  if (category.defaultPayUnit === "piece")
    return Math.max(50, Math.round(daily / (category.pattern.piecesPerDay ?? 50) / 50) * 50);
  return Math.max(5000, Math.round(daily / 1000) * 1000);
}
