/**
 * Devices enrolled to a station: the self-service terminal (自助服务终端) and the information
 * screen (信息发布屏). A device holds its own token, never a staff session (decision 0011).
 */
import { index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./accounts.ts";
import { stations } from "./stations.ts";

export const DEVICE_KINDS = ["terminal", "screen"] as const;
export type DeviceKind = (typeof DEVICE_KINDS)[number];

export const devices = pgTable(
  "devices",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    cityCode: text("city_code").notNull(),
    districtCode: text("district_code").notNull(),
    stationId: uuid("station_id")
      .notNull()
      .references(() => stations.id),
    kind: text("kind").$type<DeviceKind>().notNull(),
    name: text("name").notNull(),
    /** SHA-256 of the one-time enrolment code; cleared once the device has enrolled. */
    enrolmentCodeHash: text("enrolment_code_hash"),
    enrolmentExpiresAt: timestamp("enrolment_expires_at", { withTimezone: true }),
    /** SHA-256 of the device token; null until the device has enrolled. */
    tokenHash: text("token_hash"),
    enrolledAt: timestamp("enrolled_at", { withTimezone: true }),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    index("devices_station").on(t.stationId),
    uniqueIndex("devices_token_hash").on(t.tokenHash),
    uniqueIndex("devices_enrolment_code_hash").on(t.enrolmentCodeHash),
  ],
);

export const DEVICE_USE_KINDS = [
  "session",
  "application",
  "slip_printed",
  "queue_slip",
  "gig_posted",
] as const;
export type DeviceUseKind = (typeof DEVICE_USE_KINDS)[number];

/** Terminal use per station and local day (Asia/Shanghai), counted for the monitoring platform. */
export const deviceUseDaily = pgTable(
  "device_use_daily",
  {
    stationId: uuid("station_id")
      .notNull()
      .references(() => stations.id),
    districtCode: text("district_code").notNull(),
    day: text("day").notNull(),
    kind: text("kind").$type<DeviceUseKind>().notNull(),
    count: integer("count").notNull().default(0),
  },
  (t) => [uniqueIndex("device_use_daily_key").on(t.stationId, t.day, t.kind)],
);

/**
 * A queue slip (排队单) a person without a phone takes at the terminal: she is served at the
 * counter, and the station console lists the slips. It holds what she asked for, nothing personal.
 */
export const queueSlips = pgTable(
  "queue_slips",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    stationId: uuid("station_id")
      .notNull()
      .references(() => stations.id),
    deviceId: uuid("device_id")
      .notNull()
      .references(() => devices.id),
    /** Per station and day, from 1: the number she is called by. */
    number: integer("number").notNull(),
    day: text("day").notNull(),
    categoryCode: text("category_code"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    servedAt: timestamp("served_at", { withTimezone: true }),
  },
  (t) => [uniqueIndex("queue_slips_station_day_number").on(t.stationId, t.day, t.number)],
);

/**
 * A sign-in at the terminal by scanning its QR code with the worker app (扫码登录): the terminal
 * asks for one and shows its QR; the signed-in worker confirms it in the app; the terminal, which
 * keeps asking, then gets her a short session. One use, two minutes; only the secret's SHA-256 is kept.
 */
export const kioskQrSignIns = pgTable(
  "kiosk_qr_sign_ins",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    deviceId: uuid("device_id")
      .notNull()
      .references(() => devices.id),
    cityCode: text("city_code").notNull(),
    secretHash: text("secret_hash").notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    /** The worker who confirmed it in her app. */
    userId: uuid("user_id").references(() => users.id),
    confirmedAt: timestamp("confirmed_at", { withTimezone: true }),
    /** When the terminal took the session: it cannot be taken twice. */
    claimedAt: timestamp("claimed_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("kiosk_qr_sign_ins_expires").on(t.expiresAt)],
);
