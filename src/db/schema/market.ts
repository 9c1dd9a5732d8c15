/**
 * The market's event stream: one row per fact the monitoring platform counts
 * (gig posted, application, booking, completion, cancellation, complaint ...).
 * Written in the same transaction as the change it records, so nothing is lost,
 * and announced to every server instance with NOTIFY.
 */
import { bigserial, index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

export const marketEvents = pgTable(
  "market_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    cityCode: text("city_code").notNull(),
    districtCode: text("district_code"),
    categoryCode: text("category_code"),
    kind: text("kind").notNull(),
    subjectId: uuid("subject_id"),
    /** A count the event adds (headcount for a gig, 1 otherwise). */
    quantity: integer("quantity").notNull().default(1),
    detail: jsonb("detail"),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("market_events_city_at").on(t.cityCode, t.at),
    index("market_events_kind_at").on(t.kind, t.at),
  ],
);
