/** SQL for complaints: file, list within a scope, load one with its parties, move its status. */
import { and, desc, eq, inArray, lt, or, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { DbOrTx } from "../db/client.ts";
import {
  applications,
  bookings,
  type ComplaintKind,
  type ComplaintStatus,
  cities,
  complaintFollowUps,
  complaints,
  type EscalationLevel,
  employers,
  gigs,
  type InspectionStatus,
  marketEvents,
  users,
  workerProfiles,
} from "../db/schema/index.ts";
import { ON_THE_CLOCK } from "./complaint.machine.ts";

export type ComplaintRow = typeof complaints.$inferSelect;

const complainant = alias(users, "complainant");
const handler = alias(users, "handler");

const complaintWithNames = {
  complaint: complaints,
  complainantName: sql<string>`coalesce(${workerProfiles.name}, ${complainant.displayName})`,
  complainantPhone: complainant.phone,
  employerName: employers.name,
  gigTitle: gigs.title,
  gigStartsAt: gigs.startsAt,
  gigCategoryCode: gigs.categoryCode,
  assignedToName: handler.displayName,
};

function selectComplaints(db: DbOrTx) {
  return db
    .select(complaintWithNames)
    .from(complaints)
    .innerJoin(complainant, eq(complainant.id, complaints.complainantUserId))
    .leftJoin(workerProfiles, eq(workerProfiles.userId, complaints.complainantUserId))
    .leftJoin(employers, eq(employers.id, complaints.againstEmployerId))
    .leftJoin(gigs, eq(gigs.id, complaints.gigId))
    .leftJoin(handler, eq(handler.id, complaints.assignedTo));
}

export type ComplaintWithNames = Awaited<ReturnType<typeof findComplaint>> & {};

export async function findComplaint(db: DbOrTx, id: string) {
  const [row] = await selectComplaints(db).where(eq(complaints.id, id)).limit(1);
  return row ?? null;
}

export interface ComplaintFilter {
  cityCode: string;
  /** null: the whole city. */
  districtCode: string | null;
  status?: ComplaintStatus;
  kind?: ComplaintKind;
  overdueAt?: Date;
  limit: number;
}

/** A district's complaints, the ones due soonest first among those being handled. */
export async function listComplaints(db: DbOrTx, f: ComplaintFilter) {
  const where: SQL[] = [eq(complaints.cityCode, f.cityCode)];
  if (f.districtCode) where.push(eq(complaints.districtCode, f.districtCode));
  if (f.status) where.push(eq(complaints.status, f.status));
  if (f.kind) where.push(eq(complaints.kind, f.kind));
  if (f.overdueAt)
    where.push(inArray(complaints.status, [...ON_THE_CLOCK]), lt(complaints.dueAt, f.overdueAt));
  return selectComplaints(db)
    .where(and(...where))
    .orderBy(
      sql`case when ${complaints.status} in ('open', 'in_progress') then 0 when ${complaints.status} = 'referred' then 1 else 2 end`,
      sql`case when ${complaints.status} in ('open', 'in_progress') then ${complaints.dueAt} end asc`,
      desc(complaints.createdAt),
    )
    .limit(f.limit);
}

export async function complaintsOfWorker(db: DbOrTx, userId: string) {
  return selectComplaints(db)
    .where(eq(complaints.complainantUserId, userId))
    .orderBy(desc(complaints.createdAt))
    .limit(100);
}

export async function insertComplaint(
  db: DbOrTx,
  values: typeof complaints.$inferInsert,
): Promise<ComplaintRow> {
  const [row] = await db.insert(complaints).values(values).returning();
  return row;
}

/** Moves a complaint only if it is still in `from`; null when someone else got there first. */
export async function moveComplaint(
  db: DbOrTx,
  id: string,
  from: readonly ComplaintStatus[],
  values: Partial<typeof complaints.$inferInsert> & { status: ComplaintStatus },
): Promise<ComplaintRow | null> {
  const [row] = await db
    .update(complaints)
    .set(values)
    .where(and(eq(complaints.id, id), inArray(complaints.status, [...from])))
    .returning();
  return row ?? null;
}

/** The same person's complaint of the same kind about the same booking or gig, still being handled. */
export async function findOpenDuplicate(
  db: DbOrTx,
  complainantId: string,
  kind: ComplaintKind,
  subject: { bookingId: string | null; gigId: string | null },
): Promise<boolean> {
  const about = subject.bookingId
    ? eq(complaints.bookingId, subject.bookingId)
    : eq(complaints.gigId, subject.gigId ?? "");
  const rows = await db
    .select({ id: complaints.id })
    .from(complaints)
    .where(
      and(
        eq(complaints.complainantUserId, complainantId),
        eq(complaints.kind, kind),
        inArray(complaints.status, ["open", "in_progress"]),
        about,
      ),
    )
    .limit(1);
  return rows.length > 0;
}

/** Whether the worker applied to, was invited to, or was booked on the gig. */
export async function workerTookPartIn(db: DbOrTx, workerId: string, gigId: string): Promise<boolean> {
  const rows = await db
    .select({ id: gigs.id })
    .from(gigs)
    .where(
      and(
        eq(gigs.id, gigId),
        or(
          sql`exists (select 1 from ${bookings} b where b.gig_id = ${gigs.id} and b.worker_id = ${workerId})`,
          sql`exists (select 1 from ${applications} a where a.gig_id = ${gigs.id} and a.worker_id = ${workerId})`,
        ),
      ),
    );
  return rows.length > 0;
}

export async function complaintDueDays(db: DbOrTx, cityCode: string): Promise<number> {
  const [row] = await db
    .select({ days: cities.complaintDueDays })
    .from(cities)
    .where(eq(cities.code, cityCode));
  return row?.days ?? 7;
}

/** 欠薪 flagged against an employer: wage-arrears complaints still being handled, and their sum. */
export async function openArrearsFor(
  db: DbOrTx,
  employerId: string,
): Promise<{ count: number; amountFen: number }> {
  const [row] = await db
    .select({
      count: sql<number>`count(*)::int`,
      amountFen: sql<number>`coalesce(sum(${complaints.amountFen}), 0)::int`,
    })
    .from(complaints)
    .where(
      and(
        eq(complaints.againstEmployerId, employerId),
        eq(complaints.kind, "wage_arrears"),
        inArray(complaints.status, ["open", "in_progress"]),
      ),
    );
  return { count: row?.count ?? 0, amountFen: row?.amountFen ?? 0 };
}

/** The pay recovered for the worker, as the closing event recorded it (the bureau's figures read it there). */
export async function recoveredFenOf(db: DbOrTx, complaintId: string): Promise<number | null> {
  const [row] = await db
    .select({ recovered: sql<number | null>`(${marketEvents.detail} ->> 'recoveredFen')::int` })
    .from(marketEvents)
    .where(and(eq(marketEvents.kind, "complaint_resolved"), eq(marketEvents.subjectId, complaintId)))
    .orderBy(desc(marketEvents.id))
    .limit(1);
  return row?.recovered ?? null;
}

export type FollowUpInsert = typeof complaintFollowUps.$inferInsert;

export async function insertFollowUp(db: DbOrTx, values: FollowUpInsert): Promise<void> {
  await db.insert(complaintFollowUps).values(values);
}

/** The follow-up log, oldest first, with who wrote each entry. */
export async function followUpsOf(db: DbOrTx, complaintId: string) {
  return db
    .select({ entry: complaintFollowUps, staffName: users.displayName })
    .from(complaintFollowUps)
    .leftJoin(users, eq(users.id, complaintFollowUps.staffUserId))
    .where(eq(complaintFollowUps.complaintId, complaintId))
    .orderBy(complaintFollowUps.at, complaintFollowUps.id);
}

/** Sum of the amounts recovered in the follow-up log; null when none was logged. */
export async function loggedRecoveredFen(db: DbOrTx, complaintId: string): Promise<number | null> {
  const [row] = await db
    .select({ sum: sql<number | null>`sum(${complaintFollowUps.recoveredFen})::int` })
    .from(complaintFollowUps)
    .where(eq(complaintFollowUps.complaintId, complaintId));
  return row?.sum ?? null;
}

/** Moves the inspection case forward only from the `from` state; null when it was not there. */
export async function moveInspection(
  db: DbOrTx,
  id: string,
  from: InspectionStatus,
  values: { inspectionStatus: InspectionStatus; inspectionCaseNo?: string },
): Promise<ComplaintRow | null> {
  const [row] = await db
    .update(complaints)
    .set(values)
    .where(
      and(eq(complaints.id, id), eq(complaints.status, "referred"), eq(complaints.inspectionStatus, from)),
    )
    .returning();
  return row ?? null;
}

/**
 * Complaints on the district's clock due before `by` whose escalation is below `level`. Raising
 * the level with a conditional UPDATE … RETURNING means each escalation happens once, whichever
 * instance's sweep gets there first.
 */
export async function raiseEscalation(
  db: DbOrTx,
  level: EscalationLevel,
  dueBefore: Date,
): Promise<ComplaintRow[]> {
  return db
    .update(complaints)
    .set({ escalationLevel: level })
    .where(
      and(
        inArray(complaints.status, [...ON_THE_CLOCK]),
        lt(complaints.dueAt, dueBefore),
        lt(complaints.escalationLevel, level),
      ),
    )
    .returning();
}

/** The active district admins of a district: whom an escalation goes to. */
export async function districtAdmins(db: DbOrTx, cityCode: string, districtCode: string): Promise<string[]> {
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(
      and(
        eq(users.cityCode, cityCode),
        eq(users.districtCode, districtCode),
        eq(users.role, "district_admin"),
        eq(users.status, "active"),
      ),
    );
  return rows.map((r) => r.id);
}

/** Locks the complaint if it is in one of `states`, so nothing closes it under a follow-up. */
export async function lockInStates(
  db: DbOrTx,
  id: string,
  states: readonly ComplaintStatus[],
): Promise<ComplaintRow | null> {
  const [row] = await db
    .select()
    .from(complaints)
    .where(and(eq(complaints.id, id), inArray(complaints.status, [...states])))
    .for("update");
  return row ?? null;
}
