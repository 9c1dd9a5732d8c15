/**
 * Idempotency keys (decision 0007): the first result of a command sent with an
 * `Idempotency-Key`, so a retried or doubled request is answered without running it again.
 */
import { index, integer, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./accounts.ts";

export type IdempotencyStatus = "in_progress" | "completed";

export const idempotencyKeys = pgTable(
  "idempotency_keys",
  {
    accountId: uuid("account_id")
      .notNull()
      .references(() => users.id),
    key: text("key").notNull(),
    cityCode: text("city_code").notNull(),
    /** SHA-256 of the method, the path and the canonical body: one key, one request. */
    fingerprint: text("fingerprint").notNull(),
    status: text("status").$type<IdempotencyStatus>().notNull(),
    responseStatus: integer("response_status"),
    /** The JSON answered the first time, replayed as it was. */
    responseBody: text("response_body"),
    /** When the key was first seen; keys are pruned after a day. */
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    completedAt: timestamp("completed_at", { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.key] }), index("idempotency_keys_created").on(t.createdAt)],
);
