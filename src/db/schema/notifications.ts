/**
 * Reaching people: the in-app notification centre, the outbox of SMS and voice messages sent
 * from it, each person's channel choice, the city's quiet hours and the workers' job alerts (订阅).
 */
import { sql } from "drizzle-orm";
import {
  boolean,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { users } from "./accounts.ts";

/** One thing a person is told, shown in their notification centre. */
export const notifications = pgTable(
  "notifications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    cityCode: text("city_code").notNull(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    kind: text("kind").notNull(),
    /** The facts the texts are filled from (gig title, time, address ...). */
    params: jsonb("params").$type<Record<string, string | number>>().notNull(),
    /** Where the person goes from the notification, e.g. "/worker/work". */
    link: text("link").notNull().default(""),
    /** Makes a reminder once-only: a second insert with the same key is ignored. */
    onceKey: text("once_key"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp("read_at", { withTimezone: true }),
  },
  (t) => [
    index("notifications_user_created").on(t.userId, t.createdAt),
    index("notifications_user_unread").on(t.userId).where(sql`${t.readAt} is null`),
    uniqueIndex("notifications_user_once").on(t.userId, t.onceKey).where(sql`${t.onceKey} is not null`),
  ],
);

export type OutboxChannel = "sms" | "voice";
/** "suppressed": not sent because the person reached the city's daily SMS limit. */
export type OutboxStatus = "pending" | "sending" | "sent" | "failed" | "dead" | "suppressed";

/**
 * One message to send on one channel. Written in the transaction of the event; the delivery loop
 * claims due rows (`for update skip locked`), and the row id is the gateway's out-id, so a resend
 * after a crash is recognised by the provider and never reaches the phone twice.
 */
export const notificationOutbox = pgTable(
  "notification_outbox",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    cityCode: text("city_code").notNull(),
    notificationId: uuid("notification_id").references(() => notifications.id),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    channel: text("channel").$type<OutboxChannel>().notNull(),
    kind: text("kind").notNull(),
    phone: text("phone").notNull(),
    lang: text("lang").notNull(),
    /** The gateway's template id and its parameters (SMS), or the text to speak (voice). */
    templateId: text("template_id").notNull(),
    params: jsonb("params").$type<Record<string, string>>().notNull(),
    text: text("text").notNull(),
    /** Urgent messages go out in quiet hours too (a shift starting in an hour). */
    urgent: boolean("urgent").notNull().default(false),
    status: text("status").$type<OutboxStatus>().notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull().defaultNow(),
    /** When the last attempt was claimed (the daily SMS limit counts these). */
    claimedAt: timestamp("claimed_at", { withTimezone: true }),
    /** While sending: the claim expires at this time, then another instance may retry. */
    leaseUntil: timestamp("lease_until", { withTimezone: true }),
    providerMessageId: text("provider_message_id"),
    lastError: text("last_error"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
  },
  (t) => [
    index("notification_outbox_due")
      .on(t.nextAttemptAt)
      .where(sql`${t.status} in ('pending', 'sending', 'failed')`),
    index("notification_outbox_user_claimed").on(t.userId, t.channel, t.claimedAt),
    index("notification_outbox_city_status").on(t.cityCode, t.status),
  ],
);

/** A person's choice of channels beyond the app, and the language of their messages. */
export const notificationPreferences = pgTable("notification_preferences", {
  userId: uuid("user_id")
    .primaryKey()
    .references(() => users.id),
  cityCode: text("city_code").notNull(),
  sms: boolean("sms").notNull(),
  voice: boolean("voice").notNull().default(false),
  lang: text("lang").notNull().default("zh-CN"),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/** A city's rules for messages: quiet hours (local time) and the daily SMS limit per person. */
export const notificationCityRules = pgTable("notification_city_rules", {
  cityCode: text("city_code").primaryKey(),
  quietFromHour: integer("quiet_from_hour").notNull().default(22),
  quietToHour: integer("quiet_to_hour").notNull().default(7),
  smsDailyLimit: integer("sms_daily_limit").notNull().default(10),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/** A worker's saved search (订阅): new gigs that match are sent to her, a few a day at most. */
export const jobAlerts = pgTable(
  "job_alerts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    cityCode: text("city_code").notNull(),
    workerId: uuid("worker_id")
      .notNull()
      .references(() => users.id),
    /** Null: any kind of work. */
    categoryCode: text("category_code"),
    /** Either a district, or a point and a distance. */
    districtCode: text("district_code"),
    lat: doublePrecision("lat"),
    lng: doublePrecision("lng"),
    radiusKm: doublePrecision("radius_km"),
    minDailyPayFen: integer("min_daily_pay_fen").notNull().default(0),
    sameDayPayOnly: boolean("same_day_pay_only").notNull().default(false),
    /** Set when station staff saved it for a walk-in. */
    createdByStationId: uuid("created_by_station_id"),
    active: boolean("active").notNull().default(true),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("job_alerts_worker").on(t.workerId), index("job_alerts_city").on(t.cityCode)],
);
