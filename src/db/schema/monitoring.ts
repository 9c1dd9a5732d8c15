/**
 * The monitoring platform's rollups (就业监测): kept up to date from market_events by
 * src/monitoring/rollup, so the dashboards never rescan the raw history per request.
 * Days are local (Asia/Shanghai) calendar dates.
 */
import { sql } from "drizzle-orm";
import {
  bigint,
  bigserial,
  boolean,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";

/** How far the rollup has read the event log; one row per rollup, locked while it advances. */
export const monitoringCursors = pgTable("monitoring_cursors", {
  name: text("name").primaryKey(),
  lastEventId: bigint("last_event_id", { mode: "number" }).notNull().default(0),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/** Daily counts of each kind of market event by district and category ('' when the event has none). */
export const monitoringDaily = pgTable(
  "monitoring_daily",
  {
    cityCode: text("city_code").notNull(),
    day: date("day", { mode: "string" }).notNull(),
    districtCode: text("district_code").notNull().default(""),
    categoryCode: text("category_code").notNull().default(""),
    kind: text("kind").notNull(),
    events: integer("events").notNull().default(0),
    /** Sum of the events' quantities (headcount for gig_posted). */
    quantity: bigint("quantity", { mode: "number" }).notNull().default(0),
    /** Sum of a value the event carries (stars for rating_given), 0 otherwise. */
    valueSum: bigint("value_sum", { mode: "number" }).notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.cityCode, t.day, t.districtCode, t.categoryCode, t.kind] }),
    index("monitoring_daily_city_kind_day").on(t.cityCode, t.kind, t.day),
  ],
);

/**
 * The same counts without the category: what the dashboards read for a period's flows and
 * trend, a twentieth of the rows to add up.
 */
export const monitoringDailyDistricts = pgTable(
  "monitoring_daily_districts",
  {
    cityCode: text("city_code").notNull(),
    day: date("day", { mode: "string" }).notNull(),
    districtCode: text("district_code").notNull().default(""),
    kind: text("kind").notNull(),
    events: integer("events").notNull().default(0),
    quantity: bigint("quantity", { mode: "number" }).notNull().default(0),
    valueSum: bigint("value_sum", { mode: "number" }).notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.cityCode, t.day, t.districtCode, t.kind] }),
    index("monitoring_daily_districts_kind_day").on(t.cityCode, t.kind, t.day),
  ],
);

/**
 * One row per gig: the vacancies (需求人数) it offers and the local days they are valid (有效),
 * [validFrom, validUntil). Refreshed from the gig whenever an event about it arrives; the day it
 * stops counting comes from the event log (stoppedAt), not from the gig's current status.
 */
export const monitoringVacancies = pgTable(
  "monitoring_vacancies",
  {
    gigId: uuid("gig_id").primaryKey(),
    cityCode: text("city_code").notNull(),
    districtCode: text("district_code").notNull(),
    categoryCode: text("category_code").notNull(),
    occupationGroup: integer("occupation_group").notNull(),
    industryCode: text("industry_code").notNull().default(""),
    headcount: integer("headcount").notNull(),
    filledCount: integer("filled_count").notNull(),
    /** Pay for one day's work in fen, or null when the gig is paid by the piece. */
    dailyPayFen: integer("daily_pay_fen"),
    status: text("status").notNull(),
    postedAt: timestamp("posted_at", { withTimezone: true }).notNull(),
    /** The gig's first gig_filled event's time (招满用时 counts to it), not its current filled_at. */
    filledAt: timestamp("filled_at", { withTimezone: true }),
    /** The first gig_filled, gig_cancelled or gig_closed event's time: the vacancy stopped counting. */
    stoppedAt: timestamp("stopped_at", { withTimezone: true }),
    validFrom: date("valid_from", { mode: "string" }).notNull(),
    validUntil: date("valid_until", { mode: "string" }).notNull(),
    /** The local day the gig's work begins: 岗位满足率 counts the gig in the period holding it. */
    startDay: date("start_day", { mode: "string" }).notNull(),
    /**
     * Places held when the start day ended, from the log: bookings made on or before it less
     * bookings cancelled on or before it. Later events never change it.
     */
    filledByStart: integer("filled_by_start").notNull().default(0),
    /** The gig was withdrawn (gig_cancelled) on or before its start day: it offered nothing to fill. */
    withdrawnByStart: boolean("withdrawn_by_start").notNull().default(false),
  },
  (t) => [
    index("monitoring_vacancies_valid").on(t.cityCode, t.validFrom, t.validUntil),
    index("monitoring_vacancies_until").on(t.cityCode, t.validUntil),
    index("monitoring_vacancies_start").on(t.cityCode, t.startDay),
  ],
);

/**
 * A worker's spell of valid job seeking (有效求职): from a seeking act (registration, profile
 * update, application) until 30 days after the last one. A new act within a spell extends it.
 *
 * Each spell also carries what the supply-and-demand breakdowns group seekers by, copied from
 * the worker's profile whenever a seeking act of theirs is counted (a profile update is one), so
 * a period's seekers are counted from this table alone. `laterFrom` lets a period count each
 * worker once without `count(distinct)`: a worker counts by their spell that overlaps the period
 * and that no later-ending spell of theirs also overlaps.
 */
export const monitoringSeekerSpells = pgTable(
  "monitoring_seeker_spells",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    workerId: uuid("worker_id").notNull(),
    cityCode: text("city_code").notNull(),
    validFrom: date("valid_from", { mode: "string" }).notNull(),
    lastActiveDay: date("last_active_day", { mode: "string" }).notNull(),
    /** Every day of the spell with a seeking act: active workers are those with one in the period. */
    actDays: date("act_days", { mode: "string" }).array().notNull().default(sql`'{}'::date[]`),
    validUntil: date("valid_until", { mode: "string" }).notNull(),
    /** The earliest start among the worker's spells that end later; null for the latest spell. */
    laterFrom: date("later_from", { mode: "string" }),
    /** False while the worker has no profile: such spells count only in the city-wide totals. */
    hasProfile: boolean("has_profile").notNull().default(false),
    /** Main category (the first listed); null when open to any category. */
    categoryCode: text("category_code"),
    /** Main district (the first listed); null when taking work anywhere. */
    districtCode: text("district_code"),
    sex: text("sex"),
    birthYear: integer("birth_year"),
    education: text("education"),
    /** The last market event whose batch rewrote the worker's spells: servers reload those workers. */
    changedEventId: bigint("changed_event_id", { mode: "number" }).notNull().default(0),
  },
  (t) => [
    index("monitoring_seeker_spells_changed").on(t.changedEventId),
    index("monitoring_seeker_spells_valid").on(t.cityCode, t.validFrom, t.validUntil),
    index("monitoring_seeker_spells_worker").on(t.workerId, t.validUntil),
    index("monitoring_seeker_spells_active").on(t.cityCode, t.lastActiveDay),
  ],
);
