/** SQL for timesheets: each step is a conditional update on the status it expects. */
import { and, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "../db/client.ts";
import { type TimesheetStatus, timesheets, workerProfiles } from "../db/schema/index.ts";
import type { TimesheetRow } from "../shifts/shifts.repository.ts";

/** Moves the timesheet only if it is still `from`; null when another request got there first. */
export async function moveTimesheet(
  db: DbOrTx,
  bookingId: string,
  from: TimesheetStatus,
  values: Partial<typeof timesheets.$inferInsert> & { status: TimesheetStatus },
): Promise<TimesheetRow | null> {
  const [row] = await db
    .update(timesheets)
    .set(values)
    .where(and(eq(timesheets.bookingId, bookingId), eq(timesheets.status, from)))
    .returning();
  return row ?? null;
}

export async function countCompletedShift(db: DbOrTx, workerId: string, now: Date): Promise<void> {
  await db
    .update(workerProfiles)
    .set({ completedCount: sql`${workerProfiles.completedCount} + 1`, updatedAt: now })
    .where(eq(workerProfiles.userId, workerId));
}
