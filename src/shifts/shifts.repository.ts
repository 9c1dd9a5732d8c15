/** SQL for shifts: the city's shift rules, the check-in record, the timesheet at check-out, attendance. */
import { asc, eq } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { DbOrTx } from "../db/client.ts";
import { bookings, cities, timesheets, users, workerProfiles } from "../db/schema/index.ts";

export interface ShiftRules {
  checkInRadiusM: number;
  noShowGraceMin: number;
  autoCheckOutGraceMin: number;
  disputeWindowHours: number;
}

export async function shiftRules(db: DbOrTx, cityCode: string): Promise<ShiftRules> {
  const [row] = await db
    .select({
      checkInRadiusM: cities.checkInRadiusM,
      noShowGraceMin: cities.noShowGraceMin,
      autoCheckOutGraceMin: cities.autoCheckOutGraceMin,
      disputeWindowHours: cities.disputeWindowHours,
    })
    .from(cities)
    .where(eq(cities.code, cityCode))
    .limit(1);
  if (!row) throw new Error(`city ${cityCode} has no row in cities`);
  return row;
}

export type TimesheetRow = typeof timesheets.$inferSelect;

export async function insertTimesheet(db: DbOrTx, values: typeof timesheets.$inferInsert): Promise<void> {
  await db.insert(timesheets).values(values).onConflictDoNothing();
}

export async function findTimesheet(db: DbOrTx, bookingId: string): Promise<TimesheetRow | null> {
  const [row] = await db.select().from(timesheets).where(eq(timesheets.bookingId, bookingId)).limit(1);
  return row ?? null;
}

const workerUser = alias(users, "attendance_worker");

/** Every booking of the gig with its worker, oldest first (the order they were taken on). */
export async function attendanceOfGig(db: DbOrTx, gigId: string) {
  return db
    .select({
      booking: bookings,
      workerName: workerProfiles.name,
      displayName: workerUser.displayName,
      phone: workerUser.phone,
    })
    .from(bookings)
    .innerJoin(workerUser, eq(workerUser.id, bookings.workerId))
    .leftJoin(workerProfiles, eq(workerProfiles.userId, bookings.workerId))
    .where(eq(bookings.gigId, gigId))
    .orderBy(asc(bookings.createdAt));
}
