/** The figures /metrics reads from the database at each scrape: backlogs and the pace of the market. */
import { count, gte, inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "../db/client.ts";
import { applications, bookings, notificationOutbox } from "../db/schema/index.ts";

/** Messages still to go out (or to retry) per channel, and the age of the oldest one in seconds. */
export async function outboxBacklog(db: DbOrTx) {
  return db
    .select({
      channel: notificationOutbox.channel,
      waiting: count(),
      oldestSeconds: sql<number>`coalesce(extract(epoch from now() - min(${notificationOutbox.createdAt})), 0)::float8`,
    })
    .from(notificationOutbox)
    .where(inArray(notificationOutbox.status, ["pending", "sending", "failed"]))
    .groupBy(notificationOutbox.channel);
}

/** Bookings and applications made since `since` (the whole city: every instance reports the same). */
export async function marketPace(db: DbOrTx, since: Date) {
  const [booked] = await db.select({ n: count() }).from(bookings).where(gte(bookings.createdAt, since));
  const [applied] = await db
    .select({ n: count() })
    .from(applications)
    .where(gte(applications.createdAt, since));
  return { bookings: Number(booked.n), applications: Number(applied.n) };
}
