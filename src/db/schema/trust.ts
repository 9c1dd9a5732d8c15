/** Trust and oversight: complaints (欠薪, fake posts, abuse) and the audit log. */
import {
  bigserial,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { employers, users } from "./accounts.ts";
import { bookings } from "./bookings.ts";
import { gigs } from "./gigs.ts";

export type ComplaintKind = "wage_arrears" | "fake_post" | "upfront_fee" | "abuse" | "safety" | "other";
export type ComplaintStatus = "open" | "in_progress" | "resolved" | "rejected";

export const complaints = pgTable(
  "complaints",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    cityCode: text("city_code").notNull(),
    districtCode: text("district_code").notNull(),
    kind: text("kind").$type<ComplaintKind>().notNull(),
    complainantUserId: uuid("complainant_user_id")
      .notNull()
      .references(() => users.id),
    againstEmployerId: uuid("against_employer_id").references(() => employers.id),
    gigId: uuid("gig_id").references(() => gigs.id),
    bookingId: uuid("booking_id").references(() => bookings.id),
    /** For wage arrears: the amount owed, fen. */
    amountFen: integer("amount_fen"),
    description: text("description").notNull(),
    status: text("status").$type<ComplaintStatus>().notNull().default("open"),
    assignedTo: uuid("assigned_to").references(() => users.id),
    dueAt: timestamp("due_at", { withTimezone: true }).notNull(),
    resolution: text("resolution"),
    resolvedAt: timestamp("resolved_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("complaints_city_status").on(t.cityCode, t.status),
    index("complaints_district").on(t.districtCode),
  ],
);

/** Every staff and admin action, and every view of personal data, for the bureau to search. */
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    cityCode: text("city_code").notNull(),
    actorUserId: uuid("actor_user_id"),
    actorRole: text("actor_role").notNull(),
    action: text("action").notNull(),
    subjectType: text("subject_type").notNull(),
    subjectId: text("subject_id"),
    /** True when the action showed personal data (full phone, ID number) to the actor. */
    personalData: boolean("personal_data").notNull().default(false),
    detail: jsonb("detail"),
    ip: text("ip"),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("audit_log_city_at").on(t.cityCode, t.at),
    index("audit_log_actor").on(t.actorUserId),
    index("audit_log_subject").on(t.subjectType, t.subjectId),
  ],
);
