/** People and their sign-in: accounts, worker and employer profiles, codes, sessions. */
import { sql } from "drizzle-orm";
import {
  boolean,
  date,
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
import { cities } from "./reference.ts";

/**
 * province_admin (省级): reads the monitoring platform of every city of its province in the
 * deployment, and nothing else; its `city_code` is one of those cities (src/administration/province-admin.ts).
 */
export const ROLES = [
  "worker",
  "employer",
  "station_staff",
  "district_admin",
  "city_admin",
  "province_admin",
] as const;
export type Role = (typeof ROLES)[number];

/** One person who signs in. Workers and employers sign in by phone; staff and admins by password. */
export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    cityCode: text("city_code")
      .notNull()
      .references(() => cities.code),
    role: text("role").$type<Role>().notNull(),
    phone: text("phone"),
    /** Staff and admins sign in with a username and password. */
    username: text("username"),
    passwordHash: text("password_hash"),
    displayName: text("display_name").notNull().default(""),
    /** District admins and station staff are bound to a district. */
    districtCode: text("district_code"),
    stationId: uuid("station_id"),
    /** closed: 注销 — the person closed the account; personal fields are gone (src/privacy/closure.ts). */
    status: text("status").$type<"active" | "disabled" | "closed">().notNull().default("active"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastSignInAt: timestamp("last_sign_in_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("users_city_role_phone").on(t.cityCode, t.role, t.phone).where(sql`${t.phone} is not null`),
    uniqueIndex("users_username").on(t.username).where(sql`${t.username} is not null`),
  ],
);

/** Availability: weekdays (0 = Sunday) and an hour range in local time. */
export interface Availability {
  weekdays: number[];
  fromHour: number;
  toHour: number;
}

/** A worker's profile (零工). Reliability counters are kept in step with bookings. */
export const workerProfiles = pgTable(
  "worker_profiles",
  {
    userId: uuid("user_id")
      .primaryKey()
      .references(() => users.id),
    cityCode: text("city_code").notNull(),
    name: text("name").notNull(),
    sex: text("sex").$type<"male" | "female">(),
    /** From the date of birth or the ID number; kept in step with `birthDate` when that is known. */
    birthYear: integer("birth_year"),
    birthDate: date("birth_date", { mode: "string" }),
    /** primary / junior / senior (高中/中专) / college / bachelor_plus (accounts/worker-traits.ts) */
    education: text("education"),
    /**
     * The ID number is not kept in full (decision 0012): its HMAC finds a second registration of
     * the same person, its masked form (3211**********123X) is what anyone is shown.
     */
    idNumberDigest: text("id_number_digest"),
    idNumberMasked: text("id_number_masked"),
    categoryCodes: text("category_codes").array().notNull().default(sql`'{}'::text[]`),
    /** Open to any kind of work; counted across categories in the official tables. */
    anyCategory: boolean("any_category").notNull().default(false),
    skills: text("skills").array().notNull().default(sql`'{}'::text[]`),
    /** Certificate codes (worker-traits.ts CERTIFICATES) or free text as written on the card. */
    certificates: text("certificates").array().notNull().default(sql`'{}'::text[]`),
    districtCodes: text("district_codes").array().notNull().default(sql`'{}'::text[]`),
    /** Home area as an address (district → 乡镇街道 → street), the pin below confirmed on a map. */
    homeDistrictCode: text("home_district_code"),
    homeTownshipCode: text("home_township_code"),
    homeStreet: text("home_street"),
    /** WGS-84, like every stored point. */
    homeLat: doublePrecision("home_lat"),
    homeLng: doublePrecision("home_lng"),
    rangeKm: integer("range_km").notNull().default(10),
    availability: jsonb("availability").$type<Availability>(),
    expectedDailyPayFen: integer("expected_daily_pay_fen"),
    experienceYears: integer("experience_years").notNull().default(0),
    intro: text("intro").notNull().default(""),
    /** Registered at a station's counter (no smartphone). */
    registeredByStationId: uuid("registered_by_station_id"),
    seekingSince: timestamp("seeking_since", { withTimezone: true }).notNull().defaultNow(),
    completedCount: integer("completed_count").notNull().default(0),
    noShowCount: integer("no_show_count").notNull().default(0),
    lateCancelCount: integer("late_cancel_count").notNull().default(0),
    ratingSum: integer("rating_sum").notNull().default(0),
    ratingCount: integer("rating_count").notNull().default(0),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("worker_profiles_city").on(t.cityCode),
    uniqueIndex("worker_profiles_city_id_number")
      .on(t.cityCode, t.idNumberDigest)
      .where(sql`${t.idNumberDigest} is not null`),
  ],
);

/** An employer: a household or person (individual) or an organisation (enterprise). */
export const employers = pgTable(
  "employers",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    cityCode: text("city_code").notNull(),
    ownerUserId: uuid("owner_user_id")
      .notNull()
      .references(() => users.id),
    kind: text("kind").$type<"individual" | "enterprise">().notNull(),
    name: text("name").notNull(),
    /** 统一社会信用代码, for enterprises. */
    creditCode: text("credit_code"),
    /** GB/T 4754 industry section letter (A–T). */
    industryCode: text("industry_code"),
    districtCode: text("district_code"),
    contactName: text("contact_name").notNull().default(""),
    verification: text("verification")
      .$type<"unverified" | "pending" | "verified" | "rejected">()
      .notNull()
      .default("unverified"),
    verifiedAt: timestamp("verified_at", { withTimezone: true }),
    verifiedBy: uuid("verified_by"),
    ratingSum: integer("rating_sum").notNull().default(0),
    ratingCount: integer("rating_count").notNull().default(0),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("employers_owner").on(t.ownerUserId), index("employers_city").on(t.cityCode)],
);

/** One-time sign-in codes. Only a hash is kept; a code is single-use and expires. */
export const otpCodes = pgTable(
  "otp_codes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    cityCode: text("city_code").notNull(),
    phone: text("phone").notNull(),
    codeHash: text("code_hash").notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    consumedAt: timestamp("consumed_at", { withTimezone: true }),
    failedAttempts: integer("failed_attempts").notNull().default(0),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("otp_codes_phone").on(t.phone, t.createdAt)],
);

/** Sign-in attempts, kept in the database so limits hold across server instances. */
export const signInAttempts = pgTable(
  "sign_in_attempts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** What is limited: "phone:138...", "ip:1.2.3.4", "user:name". */
    key: text("key").notNull(),
    succeeded: boolean("succeeded").notNull(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("sign_in_attempts_key_at").on(t.key, t.at)],
);

/** A signed-in session; the token itself is never stored, only its SHA-256. */
export const sessions = pgTable(
  "sessions",
  {
    tokenHash: text("token_hash").primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [index("sessions_user").on(t.userId)],
);
