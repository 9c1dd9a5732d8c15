import { and, eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "../db/client.ts";
import { divisions, employers, users, workerProfiles } from "../db/schema/index.ts";

export type WorkerProfileRow = typeof workerProfiles.$inferSelect;
export type EmployerRow = typeof employers.$inferSelect;
export type NewEmployer = typeof employers.$inferInsert;

export async function findWorkerProfile(db: DbOrTx, userId: string): Promise<WorkerProfileRow | null> {
  const [row] = await db.select().from(workerProfiles).where(eq(workerProfiles.userId, userId));
  return row ?? null;
}

export async function insertWorkerProfile(
  db: DbOrTx,
  row: typeof workerProfiles.$inferInsert,
): Promise<WorkerProfileRow> {
  const [created] = await db.insert(workerProfiles).values(row).returning();
  return created;
}

export async function updateWorkerProfile(
  db: DbOrTx,
  userId: string,
  values: Partial<typeof workerProfiles.$inferInsert>,
): Promise<WorkerProfileRow> {
  const [updated] = await db
    .update(workerProfiles)
    .set(values)
    .where(eq(workerProfiles.userId, userId))
    .returning();
  return updated;
}

/** Locks the user's row, so two saves of a first profile cannot both create it. */
export async function lockUser(db: DbOrTx, userId: string): Promise<void> {
  await db.select({ id: users.id }).from(users).where(eq(users.id, userId)).for("update");
}

export async function setDisplayName(db: DbOrTx, userId: string, displayName: string): Promise<void> {
  await db.update(users).set({ displayName }).where(eq(users.id, userId));
}

/** The codes among `codes` that are not divisions of the city. */
export async function unknownDistricts(db: DbOrTx, cityCode: string, codes: string[]): Promise<string[]> {
  if (codes.length === 0) return [];
  const rows = await db
    .select({ code: divisions.code })
    .from(divisions)
    .where(and(inArray(divisions.code, codes), eq(divisions.cityCode, cityCode)));
  const known = new Set(rows.map((r) => r.code));
  return codes.filter((c) => !known.has(c));
}

export async function findEmployerByOwner(db: DbOrTx, userId: string): Promise<EmployerRow | null> {
  const [row] = await db.select().from(employers).where(eq(employers.ownerUserId, userId));
  return row ?? null;
}

export async function findEmployer(db: DbOrTx, id: string): Promise<EmployerRow | null> {
  const [row] = await db.select().from(employers).where(eq(employers.id, id));
  return row ?? null;
}

export async function insertEmployer(db: DbOrTx, row: NewEmployer): Promise<EmployerRow> {
  const [created] = await db.insert(employers).values(row).returning();
  return created;
}

export async function updateEmployer(
  db: DbOrTx,
  id: string,
  values: Partial<typeof employers.$inferInsert>,
): Promise<EmployerRow> {
  const [updated] = await db.update(employers).set(values).where(eq(employers.id, id)).returning();
  return updated;
}

/** Records a verification decision unless someone changed the employer's state meanwhile. */
export async function decideEmployer(
  db: DbOrTx,
  id: string,
  expected: EmployerRow["verification"],
  values: Pick<typeof employers.$inferInsert, "verification" | "verifiedAt" | "verifiedBy">,
): Promise<EmployerRow | null> {
  const [updated] = await db
    .update(employers)
    .set(values)
    .where(and(eq(employers.id, id), eq(employers.verification, expected)))
    .returning();
  return updated ?? null;
}

export async function findWorkerContact(db: DbOrTx, userId: string) {
  const [row] = await db
    .select({
      userId: users.id,
      cityCode: users.cityCode,
      phone: users.phone,
      name: workerProfiles.name,
      districtCodes: workerProfiles.districtCodes,
    })
    .from(users)
    .innerJoin(workerProfiles, eq(workerProfiles.userId, users.id))
    .where(and(eq(users.id, userId), eq(users.role, "worker")));
  return row ?? null;
}

/** The worker in the city whose ID number has this digest, with her phone: one person, one registration. */
export async function findWorkerByIdNumberDigest(db: DbOrTx, cityCode: string, digest: string) {
  const [row] = await db
    .select({ profile: workerProfiles, phone: users.phone })
    .from(workerProfiles)
    .innerJoin(users, eq(users.id, workerProfiles.userId))
    .where(and(eq(workerProfiles.cityCode, cityCode), eq(workerProfiles.idNumberDigest, digest)));
  return row ?? null;
}
