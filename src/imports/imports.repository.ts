/** The rows a bulk import reads to check against and writes. */
import { and, eq, inArray, isNotNull } from "drizzle-orm";
import type { DbOrTx } from "../db/client.ts";
import { categories, divisions, users, workerProfiles } from "../db/schema/index.ts";

export async function districtCodesOf(db: DbOrTx, cityCode: string): Promise<Set<string>> {
  const rows = await db
    .select({ code: divisions.code })
    .from(divisions)
    .where(eq(divisions.cityCode, cityCode));
  return new Set(rows.map((r) => r.code));
}

export async function activeCategoryCodes(db: DbOrTx): Promise<Set<string>> {
  const rows = await db.select({ code: categories.code }).from(categories).where(eq(categories.active, 1));
  return new Set(rows.map((r) => r.code));
}

/** The city's worker accounts by phone. */
export async function workerPhones(db: DbOrTx, cityCode: string): Promise<Map<string, string>> {
  const rows = await db
    .select({ id: users.id, phone: users.phone })
    .from(users)
    .where(and(eq(users.cityCode, cityCode), eq(users.role, "worker"), isNotNull(users.phone)));
  return new Map(rows.map((r) => [r.phone ?? "", r.id]));
}

/** The city's worker profiles by ID-number digest, with the phone of their account. */
export async function workerIdDigests(db: DbOrTx, cityCode: string): Promise<Map<string, string | null>> {
  const rows = await db
    .select({ digest: workerProfiles.idNumberDigest, phone: users.phone })
    .from(workerProfiles)
    .innerJoin(users, eq(users.id, workerProfiles.userId))
    .where(and(eq(workerProfiles.cityCode, cityCode), isNotNull(workerProfiles.idNumberDigest)));
  return new Map(rows.map((r) => [r.digest ?? "", r.phone]));
}

/** Worker accounts of the given phones that have a profile. */
export async function phonesWithProfile(
  db: DbOrTx,
  cityCode: string,
  phones: string[],
): Promise<Set<string>> {
  if (phones.length === 0) return new Set();
  const rows = await db
    .select({ phone: users.phone })
    .from(users)
    .innerJoin(workerProfiles, eq(workerProfiles.userId, users.id))
    .where(and(eq(users.cityCode, cityCode), eq(users.role, "worker"), inArray(users.phone, phones)));
  return new Set(rows.map((r) => r.phone ?? ""));
}

export async function insertWorkerUsers(
  db: DbOrTx,
  rows: Array<typeof users.$inferInsert>,
): Promise<Array<{ id: string; phone: string | null }>> {
  if (rows.length === 0) return [];
  return db.insert(users).values(rows).returning({ id: users.id, phone: users.phone });
}

export async function insertWorkerProfiles(
  db: DbOrTx,
  rows: Array<typeof workerProfiles.$inferInsert>,
): Promise<void> {
  if (rows.length === 0) return;
  await db.insert(workerProfiles).values(rows).onConflictDoNothing();
}
