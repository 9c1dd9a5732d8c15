/** Bookings (one worker, one gig) and what follows: the shift, its timesheet, payments, ratings. */
import { sql } from "drizzle-orm";
import {
  boolean,
  doublePrecision,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { employers, users } from "./accounts.ts";
import { applications, gigs } from "./gigs.ts";

export const BOOKING_STATUSES = [
  "booked",
  "confirmed",
  "checked_in",
  "checked_out",
  "completed",
  "cancelled",
  "no_show",
] as const;
export type BookingStatus = (typeof BOOKING_STATUSES)[number];
export type CheckInMethod = "location" | "code" | "staff";

export const bookings = pgTable(
  "bookings",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    cityCode: text("city_code").notNull(),
    gigId: uuid("gig_id")
      .notNull()
      .references(() => gigs.id),
    workerId: uuid("worker_id")
      .notNull()
      .references(() => users.id),
    employerId: uuid("employer_id")
      .notNull()
      .references(() => employers.id),
    applicationId: uuid("application_id").references(() => applications.id),
    status: text("status").$type<BookingStatus>().notNull().default("booked"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    confirmedAt: timestamp("confirmed_at", { withTimezone: true }),
    cancelledAt: timestamp("cancelled_at", { withTimezone: true }),
    cancelledBy: text("cancelled_by").$type<"worker" | "employer" | "staff">(),
    cancelReason: text("cancel_reason"),
    /** Cancelled by the worker inside the free-cancel window; counts against reliability. */
    lateCancel: boolean("late_cancel").notNull().default(false),
    checkedInAt: timestamp("checked_in_at", { withTimezone: true }),
    checkInMethod: text("check_in_method").$type<CheckInMethod>(),
    checkInLat: doublePrecision("check_in_lat"),
    checkInLng: doublePrecision("check_in_lng"),
    checkInDistanceM: integer("check_in_distance_m"),
    checkedOutAt: timestamp("checked_out_at", { withTimezone: true }),
    /** Check-out was closed by the system after the worker forgot; flagged for review. */
    autoCheckedOut: boolean("auto_checked_out").notNull().default(false),
    noShowAt: timestamp("no_show_at", { withTimezone: true }),
    completedAt: timestamp("completed_at", { withTimezone: true }),
  },
  (t) => [
    // A worker holds at most one live booking per gig.
    uniqueIndex("bookings_one_live")
      .on(t.gigId, t.workerId)
      .where(sql`${t.status} not in ('cancelled', 'no_show')`),
    index("bookings_worker").on(t.workerId),
    index("bookings_employer").on(t.employerId),
    index("bookings_city_created").on(t.cityCode, t.createdAt),
  ],
);

export const TIMESHEET_STATUSES = ["pending", "approved", "disputed", "resolved"] as const;
export type TimesheetStatus = (typeof TIMESHEET_STATUSES)[number];

/** Hours worked for a booking: measured at check-out, approved or corrected by the employer. */
export const timesheets = pgTable("timesheets", {
  bookingId: uuid("booking_id")
    .primaryKey()
    .references(() => bookings.id),
  cityCode: text("city_code").notNull(),
  measuredMinutes: integer("measured_minutes").notNull(),
  approvedMinutes: integer("approved_minutes"),
  /** Pay due for the approved time or pieces, fen. */
  amountDueFen: integer("amount_due_fen"),
  pieces: integer("pieces"),
  /** The employer ended the shift early (雇主提前收工): the pay rules' minimum applies. */
  sentHomeEarly: boolean("sent_home_early").notNull().default(false),
  status: text("status").$type<TimesheetStatus>().notNull().default("pending"),
  correctionNote: text("correction_note"),
  approvedAt: timestamp("approved_at", { withTimezone: true }),
  disputeDeadline: timestamp("dispute_deadline", { withTimezone: true }),
  disputeReason: text("dispute_reason"),
  disputedAt: timestamp("disputed_at", { withTimezone: true }),
  resolvedAt: timestamp("resolved_at", { withTimezone: true }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

export const PAYMENT_STATUSES = ["recorded", "confirmed", "disputed"] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];
export type PaymentMethod = "cash" | "wechat" | "alipay" | "bank_transfer" | "other";

/** A record of pay made by the employer and confirmed by the worker. The platform moves no money. */
export const payments = pgTable(
  "payments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    cityCode: text("city_code").notNull(),
    bookingId: uuid("booking_id")
      .notNull()
      .references(() => bookings.id),
    amountFen: integer("amount_fen").notNull(),
    method: text("method").$type<PaymentMethod>().notNull(),
    paidAt: timestamp("paid_at", { withTimezone: true }).notNull(),
    recordedBy: uuid("recorded_by")
      .notNull()
      .references(() => users.id),
    status: text("status").$type<PaymentStatus>().notNull().default("recorded"),
    note: text("note").notNull().default(""),
    confirmedAt: timestamp("confirmed_at", { withTimezone: true }),
    disputeReason: text("dispute_reason"),
    disputedAt: timestamp("disputed_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("payments_booking").on(t.bookingId)],
);

/** Stars and tags after a shift, one each way per booking. */
export const ratings = pgTable(
  "ratings",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    cityCode: text("city_code").notNull(),
    bookingId: uuid("booking_id")
      .notNull()
      .references(() => bookings.id),
    direction: text("direction").$type<"worker_to_employer" | "employer_to_worker">().notNull(),
    raterUserId: uuid("rater_user_id")
      .notNull()
      .references(() => users.id),
    stars: integer("stars").notNull(),
    tags: text("tags").array().notNull().default(sql`'{}'::text[]`),
    comment: text("comment").notNull().default(""),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("ratings_one_each_way").on(t.bookingId, t.direction)],
);
