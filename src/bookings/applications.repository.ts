/** SQL for applications and invitations. */
import { and, desc, eq, gt, inArray, lt, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { DbOrTx } from "../db/client.ts";
import {
  type ApplicationStatus,
  applications,
  bookings,
  categories,
  employers,
  gigs,
  users,
  workerProfiles,
} from "../db/schema/index.ts";
import { LIVE_BOOKING_STATUSES } from "./booking.machine.ts";

export type ApplicationRow = typeof applications.$inferSelect;

export async function insertApplication(
  db: DbOrTx,
  values: typeof applications.$inferInsert,
): Promise<ApplicationRow> {
  const [row] = await db.insert(applications).values(values).returning();
  return row;
}

/** The offer and who owns its gig's employer, who may answer an application. */
export async function findApplicationWithOwner(db: DbOrTx, id: string) {
  const [row] = await db
    .select({ application: applications, gigOwnerUserId: employers.ownerUserId })
    .from(applications)
    .innerJoin(gigs, eq(gigs.id, applications.gigId))
    .innerJoin(employers, eq(employers.id, gigs.employerId))
    .where(eq(applications.id, id))
    .limit(1);
  return row ?? null;
}

const otherGig = alias(gigs, "other_gig");

/**
 * What an application or invitation needs to know before it is made, in one round trip (the
 * morning rush applies by the thousand): the gig, and whether the worker has a profile, a live
 * booking on it, an offer pending on it, or a live booking elsewhere at the same time. Null: no
 * such gig.
 */
export async function offerChecks(db: DbOrTx, gigId: string, workerId: string) {
  const live = [...LIVE_BOOKING_STATUSES];
  const [row] = await db
    .select({
      gig: gigs,
      hasProfile: sql<boolean>`exists ${db
        .select({ one: sql`1` })
        .from(workerProfiles)
        .where(eq(workerProfiles.userId, workerId))}`,
      booked: sql<boolean>`exists ${db
        .select({ one: sql`1` })
        .from(bookings)
        .where(
          and(eq(bookings.gigId, gigs.id), eq(bookings.workerId, workerId), inArray(bookings.status, live)),
        )}`,
      pending: sql<boolean>`exists ${db
        .select({ one: sql`1` })
        .from(applications)
        .where(
          and(
            eq(applications.gigId, gigs.id),
            eq(applications.workerId, workerId),
            eq(applications.status, "pending"),
          ),
        )}`,
      clash: sql<boolean>`exists ${db
        .select({ one: sql`1` })
        .from(bookings)
        .innerJoin(otherGig, eq(otherGig.id, bookings.gigId))
        .where(
          and(
            eq(bookings.workerId, workerId),
            inArray(bookings.status, live),
            lt(otherGig.startsAt, gigs.endsAt),
            gt(otherGig.endsAt, gigs.startsAt),
          ),
        )}`,
    })
    .from(gigs)
    .where(eq(gigs.id, gigId))
    .limit(1);
  return row ?? null;
}

/** pending → `to`, only if still pending: of two concurrent answers, one wins. */
export async function decideApplication(
  db: DbOrTx,
  id: string,
  to: ApplicationStatus,
  now: Date,
): Promise<ApplicationRow | null> {
  const [row] = await db
    .update(applications)
    .set({ status: to, decidedAt: now })
    .where(and(eq(applications.id, id), eq(applications.status, "pending")))
    .returning();
  return row ?? null;
}

/** The gig filled, was cancelled or started: nobody else can be taken on, so pending answers expire. */
export async function expirePendingApplications(db: DbOrTx, gigId: string, now: Date): Promise<number> {
  const rows = await db
    .update(applications)
    .set({ status: "expired", decidedAt: now })
    .where(and(eq(applications.gigId, gigId), eq(applications.status, "pending")))
    .returning({ id: applications.id });
  return rows.length;
}

/** Applicants for the employer's review, with what the employer needs to choose. */
export async function applicantsOfGig(db: DbOrTx, gigId: string, employerId: string) {
  // A worker's phone is shown once they hold a live booking with this employer (this gig's first).
  const liveBookingId = sql<string | null>`(select b.id from bookings b
    where b.worker_id = ${applications.workerId} and b.employer_id = ${employerId}
      and b.status not in ('cancelled', 'no_show')
    order by (b.gig_id = ${gigId}) desc, b.created_at desc limit 1)`;
  return db
    .select({
      application: applications,
      phone: users.phone,
      profile: workerProfiles,
      liveBookingId,
    })
    .from(applications)
    .innerJoin(users, eq(users.id, applications.workerId))
    .innerJoin(workerProfiles, eq(workerProfiles.userId, applications.workerId))
    .where(eq(applications.gigId, gigId))
    .orderBy(desc(applications.createdAt))
    .limit(500);
}

/** A worker's applications and invitations with the gig they are for. */
export async function applicationsOfWorker(db: DbOrTx, workerId: string) {
  return db
    .select({
      application: applications,
      gig: gigs,
      categoryNameZh: categories.nameZh,
      employerName: employers.name,
    })
    .from(applications)
    .innerJoin(gigs, eq(gigs.id, applications.gigId))
    .innerJoin(categories, eq(categories.code, gigs.categoryCode))
    .innerJoin(employers, eq(employers.id, gigs.employerId))
    .where(eq(applications.workerId, workerId))
    .orderBy(desc(applications.createdAt))
    .limit(200);
}
