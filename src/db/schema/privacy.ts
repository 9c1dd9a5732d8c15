/**
 * Personal information (个人信息保护法): the 用户协议 and 隐私政策 by version, and each person's
 * acceptance of them — by which channel, and for a walk-in at the counter, which staff member
 * recorded the verbal consent.
 */
import { index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./accounts.ts";

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
