/** SQL for job alerts: the saved searches, the gig an alert is about, today's alerts of a person. */
import { and, count, eq, gte, sql } from "drizzle-orm";
import type { DbOrTx } from "../db/client.ts";
import { divisions, gigs, jobAlerts, notifications } from "../db/schema/index.ts";

export type JobAlertRow = typeof jobAlerts.$inferSelect;

export async function activeAlerts(db: DbOrTx): Promise<JobAlertRow[]> {
  return db.select().from(jobAlerts).where(eq(jobAlerts.active, true));
}

export async function findAlert(db: DbOrTx, id: string): Promise<JobAlertRow | undefined> {
  const [row] = await db.select().from(jobAlerts).where(eq(jobAlerts.id, id));
  return row;
}

export async function alertsOfWorker(db: DbOrTx, workerId: string): Promise<JobAlertRow[]> {
  return db
    .select()
    .from(jobAlerts)
    .where(and(eq(jobAlerts.workerId, workerId), eq(jobAlerts.active, true)))
    .orderBy(jobAlerts.createdAt);
}

export async function insertAlert(db: DbOrTx, row: typeof jobAlerts.$inferInsert): Promise<JobAlertRow> {
  const [inserted] = await db.insert(jobAlerts).values(row).returning();
  return inserted;
}

/** The worker's active alert `id`, or undefined. */
export async function findAlertOfWorker(db: DbOrTx, workerId: string, id: string) {
  const [row] = await db
    .select()
    .from(jobAlerts)
    .where(and(eq(jobAlerts.id, id), eq(jobAlerts.workerId, workerId), eq(jobAlerts.active, true)));
  return row;
}

export async function deactivateAlert(db: DbOrTx, id: string): Promise<void> {
  await db.update(jobAlerts).set({ active: false }).where(eq(jobAlerts.id, id));
}

/** An open gig with what an alert says about it, or undefined once it is no longer open. */
export async function openGigForAlert(db: DbOrTx, gigId: string) {
  const [row] = await db
    .select({
      id: gigs.id,
      cityCode: gigs.cityCode,
      categoryCode: gigs.categoryCode,
      districtCode: gigs.districtCode,
      district: divisions.name,
      lat: gigs.lat,
      lng: gigs.lng,
      payFen: gigs.payFen,
      payUnit: gigs.payUnit,
      settlement: gigs.settlement,
      startsAt: gigs.startsAt,
      endsAt: gigs.endsAt,
      title: gigs.title,
      address: gigs.address,
    })
    .from(gigs)
    .leftJoin(divisions, eq(divisions.code, gigs.districtCode))
    .where(and(eq(gigs.id, gigId), eq(gigs.status, "open")));
  return row;
}

/** Serialises one person's alert count across instances until the transaction ends. */
export async function lockPersonAlerts(tx: DbOrTx, userId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`alerts:${userId}`}))`);
}

export async function alertsSentSince(db: DbOrTx, userId: string, since: Date): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(notifications)
    .where(
      and(
        eq(notifications.userId, userId),
        eq(notifications.kind, "job_alert"),
        gte(notifications.createdAt, since),
      ),
    );
  return row?.n ?? 0;
}
