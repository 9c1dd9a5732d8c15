/** Gigs (零工岗位) and the ways workers come to them: applications and invitations. */
import { sql } from "drizzle-orm";
import {
  doublePrecision,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import type { RequiredAgeBand, RequiredEducation, RequiredSex } from "../../gigs/requirements.ts";
import { employers, users } from "./accounts.ts";

export const GIG_STATUSES = ["open", "filled", "cancelled", "closed"] as const;
export type GigStatus = (typeof GIG_STATUSES)[number];
export type PayUnit = "day" | "hour" | "piece";
export type Settlement = "same_day" | "on_completion";

export const gigs = pgTable(
  "gigs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    cityCode: text("city_code").notNull(),
    districtCode: text("district_code").notNull(),
    employerId: uuid("employer_id")
      .notNull()
      .references(() => employers.id),
    postedByUserId: uuid("posted_by_user_id")
      .notNull()
      .references(() => users.id),
    /** Set when station staff posted it for an employer who phoned in. */
    stationId: uuid("station_id"),
    categoryCode: text("category_code").notNull(),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    address: text("address").notNull(),
    lat: doublePrecision("lat").notNull(),
    lng: doublePrecision("lng").notNull(),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
    headcount: integer("headcount").notNull(),
    /** Places taken by live bookings; kept in the same transaction as the bookings. */
    filledCount: integer("filled_count").notNull().default(0),
    payFen: integer("pay_fen").notNull(),
    payUnit: text("pay_unit").$type<PayUnit>().notNull(),
    settlement: text("settlement").$type<Settlement>().notNull(),
    requirements: text("requirements").notNull().default(""),
    /**
     * What the employer asks of the worker, each "any" (无要求) unless stated: the official
     * demand tables break demand down by them (gigs/requirements.ts has the values).
     */
    requiredSex: text("required_sex").$type<RequiredSex>().notNull().default("any"),
    requiredAgeBand: text("required_age_band").$type<RequiredAgeBand>().notNull().default("any"),
    /** The lowest education level accepted. */
    requiredEducation: text("required_education").$type<RequiredEducation>().notNull().default("any"),
    status: text("status").$type<GigStatus>().notNull().default("open"),
    /** Shown on site by the employer for check-in when location is unavailable. */
    checkInCode: text("check_in_code").notNull(),
    cancelReason: text("cancel_reason"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    filledAt: timestamp("filled_at", { withTimezone: true }),
  },
  (t) => [
    index("gigs_city_status_starts").on(t.cityCode, t.status, t.startsAt),
    index("gigs_employer").on(t.employerId),
    index("gigs_district").on(t.districtCode),
    // The 大屏's feed: a city's newest gigs.
    index("gigs_city_created").on(t.cityCode, t.createdAt),
  ],
);

export type ApplicationKind = "application" | "invitation";
export const APPLICATION_STATUSES = [
  "pending",
  "accepted",
  "rejected",
  "withdrawn",
  "declined",
  "expired",
] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

/** A worker's application to a gig, or an employer's invitation of a worker. */
export const applications = pgTable(
  "applications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    cityCode: text("city_code").notNull(),
    gigId: uuid("gig_id")
      .notNull()
      .references(() => gigs.id),
    workerId: uuid("worker_id")
      .notNull()
      .references(() => users.id),
    kind: text("kind").$type<ApplicationKind>().notNull(),
    status: text("status").$type<ApplicationStatus>().notNull().default("pending"),
    message: text("message").notNull().default(""),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
  },
  (t) => [
    // One live application or invitation per worker and gig.
    uniqueIndex("applications_one_pending").on(t.gigId, t.workerId).where(sql`${t.status} = 'pending'`),
    index("applications_worker").on(t.workerId),
    index("applications_city_created").on(t.cityCode, t.createdAt),
  ],
);
