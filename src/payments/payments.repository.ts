/** SQL for payment records, and the shifts whose pay the worker and the employer follow. */
import { and, asc, desc, eq, gt, inArray, isNotNull, type SQL, sql } from "drizzle-orm";
import type { DbOrTx } from "../db/client.ts";
import {
  bookings,
  employers,
  gigs,
  type PaymentMethod,
  type PaymentStatus,
  payments,
  timesheets,
  users,
  workerProfiles,
} from "../db/schema/index.ts";

export type PaymentRow = typeof payments.$inferSelect;

export async function insertPayment(db: DbOrTx, values: typeof payments.$inferInsert): Promise<PaymentRow> {
  const [row] = await db.insert(payments).values(values).returning();
  return row;
}

export async function findPayment(db: DbOrTx, id: string): Promise<PaymentRow | null> {
  const [row] = await db.select().from(payments).where(eq(payments.id, id)).limit(1);
  return row ?? null;
}

/** A payment of the booking with this amount and method recorded after `since`, if any. */
export async function findSamePaymentSince(
  db: DbOrTx,
  same: { bookingId: string; amountFen: number; method: PaymentMethod; since: Date },
): Promise<PaymentRow | null> {
  const [row] = await db
    .select()
    .from(payments)
    .where(
      and(
        eq(payments.bookingId, same.bookingId),
        eq(payments.amountFen, same.amountFen),
        eq(payments.method, same.method),
        gt(payments.createdAt, same.since),
      ),
    )
    .limit(1);
  return row ?? null;
}

/** Moves a payment only if it is still in `from`; null when another request got there first. */
export async function movePayment(
  db: DbOrTx,
  id: string,
  from: readonly PaymentStatus[],
  values: Partial<typeof payments.$inferInsert> & { status: PaymentStatus },
): Promise<PaymentRow | null> {
  const [row] = await db
    .update(payments)
    .set(values)
    .where(and(eq(payments.id, id), inArray(payments.status, [...from])))
    .returning();
  return row ?? null;
}

const shiftLine = {
  booking: bookings,
  gig: gigs,
  timesheet: timesheets,
  employerName: employers.name,
  workerName: sql<string>`coalesce(${workerProfiles.name}, ${users.displayName})`,
};

function selectShiftLines(db: DbOrTx, where: SQL | undefined) {
  return db
    .select(shiftLine)
    .from(bookings)
    .innerJoin(gigs, eq(gigs.id, bookings.gigId))
    .innerJoin(employers, eq(employers.id, bookings.employerId))
    .innerJoin(users, eq(users.id, bookings.workerId))
    .leftJoin(workerProfiles, eq(workerProfiles.userId, bookings.workerId))
    .leftJoin(timesheets, eq(timesheets.bookingId, bookings.id))
    .where(where)
    .orderBy(desc(gigs.startsAt))
    .limit(500);
}
export type ShiftLine = Awaited<ReturnType<typeof selectShiftLines>>[number];

/** The worker's shifts since check-out, newest first. */
export function workerShiftLines(db: DbOrTx, workerId: string) {
  return selectShiftLines(
    db,
    and(eq(bookings.workerId, workerId), inArray(bookings.status, ["checked_out", "completed"])),
  );
}

/** The employer's shifts whose hours are approved: what they owe and what they paid. */
export function employerPayableLines(db: DbOrTx, ownerUserId: string) {
  return selectShiftLines(db, and(eq(employers.ownerUserId, ownerUserId), isNotNull(timesheets.approvedAt)));
}

export async function paymentsOfBookings(db: DbOrTx, bookingIds: string[]): Promise<PaymentRow[]> {
  if (bookingIds.length === 0) return [];
  return db
    .select()
    .from(payments)
    .where(inArray(payments.bookingId, bookingIds))
    .orderBy(asc(payments.paidAt));
}
