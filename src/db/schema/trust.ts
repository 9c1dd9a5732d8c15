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
/** `referred`: handed to the labour-inspection brigade (劳动保障监察), which now holds the case. */
export type ComplaintStatus = "open" | "in_progress" | "referred" | "resolved" | "rejected";
/** Where the labour-inspection case stands: 已移交 → 已立案 → 已结案. */
export type InspectionStatus = "submitted" | "accepted" | "concluded";
/** How far a complaint near or past its due date has been escalated to the district admin. */
export type EscalationLevel = 0 | 1 | 2;

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
    /** Station staff who filed it for a worker at the counter (代办), and how she agreed. */
    filedByStaffId: uuid("filed_by_staff_id").references(() => users.id),
    consentNote: text("consent_note"),
    /** 0 none, 1 the district admin was told it is nearly due, 2 that it is overdue. */
    escalationLevel: integer("escalation_level").$type<EscalationLevel>().notNull().default(0),
    /** The labour-inspection case (劳动保障监察) it was handed to. */
    inspectionCaseNo: text("inspection_case_no"),
    inspectionStatus: text("inspection_status").$type<InspectionStatus>(),
    referredAt: timestamp("referred_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("complaints_city_status").on(t.cityCode, t.status),
    index("complaints_district").on(t.districtCode),
  ],
);

export type FollowUpKind = "call" | "visit" | "mediation" | "inspection" | "escalation" | "note";

/** The follow-up log of a complaint (跟进记录): calls, visits, mediation, pay recovered. */
export const complaintFollowUps = pgTable(
  "complaint_follow_ups",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    cityCode: text("city_code").notNull(),
    complaintId: uuid("complaint_id")
      .notNull()
      .references(() => complaints.id),
    /** Null for entries the system writes (an escalation). */
    staffUserId: uuid("staff_user_id").references(() => users.id),
    kind: text("kind").$type<FollowUpKind>().notNull(),
    note: text("note").notNull(),
    /** Pay the worker got back through this step, fen. */
    recoveredFen: integer("recovered_fen"),
    at: timestamp("at", { withTimezone: true }).notNull(),
  },
  (t) => [index("complaint_follow_ups_complaint").on(t.complaintId, t.at)],
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
