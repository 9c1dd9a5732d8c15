/** Neighbourhood stations (零工驿站) and markets, their service records and batch dispatches. */
import { doublePrecision, index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./accounts.ts";
import { applications, gigs } from "./gigs.ts";

export const stations = pgTable(
  "stations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    cityCode: text("city_code").notNull(),
    districtCode: text("district_code").notNull(),
    /** "market" for a district gig market (零工市场), "station" for a neighbourhood one (驿站). */
    kind: text("kind").$type<"market" | "station">().notNull(),
    name: text("name").notNull(),
    /** The whole line shown to people: 京口区大市口街道中山东路301号. */
    address: text("address").notNull(),
    /** The parts the address form is filled from again; null for stations entered before them. */
    townshipCode: text("township_code"),
    street: text("street"),
    lat: doublePrecision("lat").notNull(),
    lng: doublePrecision("lng").notNull(),
    phone: text("phone").notNull().default(""),
    openingHours: text("opening_hours").notNull().default(""),
    active: integer("active").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("stations_city_district").on(t.cityCode, t.districtCode)],
);

export type ServiceKind =
  | "registration"
  /** A staff act for a worker, with her verbal consent (apply, confirm, check in …). */
  | "on_behalf"
  | "job_referral"
  | "gig_posted_for_employer"
  | "dispatch"
  | "follow_up"
  | "dispute_mediation"
  | "job_fair"
  | "counselling"
  | "training_referral";

/** A staff action for a person, counted in the stations' service figures. */
export const serviceRecords = pgTable(
  "service_records",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    cityCode: text("city_code").notNull(),
    districtCode: text("district_code").notNull(),
    stationId: uuid("station_id")
      .notNull()
      .references(() => stations.id),
    staffUserId: uuid("staff_user_id")
      .notNull()
      .references(() => users.id),
    personUserId: uuid("person_user_id").references(() => users.id),
    kind: text("kind").$type<ServiceKind>().notNull(),
    note: text("note").notNull().default(""),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("service_records_station_created").on(t.stationId, t.createdAt)],
);

export type DispatchChannel = "app" | "sms" | "call";

/** A batch of proposed offers computed for a morning dispatch (早市派工). */
export const dispatches = pgTable("dispatches", {
  id: uuid("id").primaryKey().defaultRandom(),
  cityCode: text("city_code").notNull(),
  stationId: uuid("station_id").references(() => stations.id),
  createdBy: uuid("created_by")
    .notNull()
    .references(() => users.id),
  status: text("status").$type<"preview" | "sent" | "discarded">().notNull().default("preview"),
  params: jsonb("params").notNull(),
  totalScore: doublePrecision("total_score").notNull().default(0),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

export const dispatchOffers = pgTable(
  "dispatch_offers",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    dispatchId: uuid("dispatch_id")
      .notNull()
      .references(() => dispatches.id),
    cityCode: text("city_code").notNull(),
    gigId: uuid("gig_id")
      .notNull()
      .references(() => gigs.id),
    workerId: uuid("worker_id")
      .notNull()
      .references(() => users.id),
    score: doublePrecision("score").notNull(),
    reasons: jsonb("reasons").$type<string[]>().notNull(),
    /** The invitation the offer became when the dispatch was sent; null while previewed or not sent. */
    applicationId: uuid("application_id").references(() => applications.id),
    /** How the invitation reaches her: the app she uses, a text message, or staff call her. */
    channel: text("channel").$type<DispatchChannel>(),
    /** Calls staff made that nobody answered, and the last one. */
    unansweredCalls: integer("unanswered_calls").notNull().default(0),
    lastCallAt: timestamp("last_call_at", { withTimezone: true }),
    lastCallBy: uuid("last_call_by").references(() => users.id),
  },
  (t) => [
    index("dispatch_offers_dispatch").on(t.dispatchId),
    index("dispatch_offers_application").on(t.applicationId),
  ],
);
