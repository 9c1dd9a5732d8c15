/**
 * Personal information (个人信息保护法): the 用户协议 and 隐私政策 by version, and each person's
 * acceptance of them — by which channel, and for a walk-in at the counter, which staff member
 * recorded the verbal consent. And the private numbers (隐私号) bound for bookings.
 */
import { sql } from "drizzle-orm";
import { index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./accounts.ts";
import { bookings } from "./bookings.ts";

export const LEGAL_DOCUMENT_KINDS = ["terms", "privacy"] as const;
/** terms: 用户协议; privacy: 隐私政策. */
export type LegalDocumentKind = (typeof LEGAL_DOCUMENT_KINDS)[number];

/** One published version of a document, in both languages. A new version is a new row. */
export const legalDocuments = pgTable(
  "legal_documents",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    kind: text("kind").$type<LegalDocumentKind>().notNull(),
    version: integer("version").notNull(),
    titleZh: text("title_zh").notNull(),
    titleEn: text("title_en").notNull(),
    bodyZh: text("body_zh").notNull(),
    bodyEn: text("body_en").notNull(),
    publishedAt: timestamp("published_at", { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex("legal_documents_kind_version").on(t.kind, t.version)],
);

export type ConsentChannel = "worker_app" | "employer_portal" | "station" | "kiosk";

/** A person's acceptance of one version of both documents. */
export const consentRecords = pgTable(
  "consent_records",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    cityCode: text("city_code").notNull(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    termsVersion: integer("terms_version").notNull(),
    privacyVersion: integer("privacy_version").notNull(),
    channel: text("channel").$type<ConsentChannel>().notNull(),
    /** The staff member who heard the verbal consent at the counter (本人已口头同意). */
    recordedBy: uuid("recorded_by").references(() => users.id),
    acceptedAt: timestamp("accepted_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("consent_records_user").on(t.userId, t.acceptedAt)],
);

/**
 * A private number (隐私号, AXB) bound for a booking: the worker and the employer each call X and
 * reach the other. At most one per booking; made again when the last one expired or was released
 * while the booking still holds a place. No phone number is kept here: the provider holds the pair.
 */
export const numberBindings = pgTable(
  "number_bindings",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    bookingId: uuid("booking_id")
      .notNull()
      .references(() => bookings.id),
    provider: text("provider").notNull(),
    /** The provider's id of the binding (阿里云 SubsId). */
    subsId: text("subs_id").notNull(),
    /** X: the number both parties are shown. */
    number: text("number").notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    releasedAt: timestamp("released_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("number_bindings_booking").on(t.bookingId),
    index("number_bindings_active").on(t.expiresAt).where(sql`${t.releasedAt} is null`),
  ],
);
