/** The rows a bulk import reads to check against and writes. */
import { and, asc, eq, inArray, isNotNull, sql } from "drizzle-orm";
import type { DbOrTx } from "../db/client.ts";
import { divisions, employers, stations, townships, users, workerProfiles } from "../db/schema/index.ts";

/** Two imports of one city take turns: the second sees what the first wrote. */
export async function lockImportsOf(db: DbOrTx, cityCode: string): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(hashtext(${`imports:${cityCode}`}))`);
}

export async function districtsOf(db: DbOrTx, cityCode: string) {
  return db
    .select({ code: divisions.code, name: divisions.name })
    .from(divisions)
    .where(eq(divisions.cityCode, cityCode))
    .orderBy(asc(divisions.code));
}

export async function townshipsOf(db: DbOrTx, cityCode: string) {
  return db
    .select({ code: townships.code, name: townships.name, districtCode: townships.districtCode })
    .from(townships)
    .innerJoin(divisions, eq(divisions.code, townships.districtCode))
    .where(eq(divisions.cityCode, cityCode));
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

/** The credit codes among `codes` that an employer of the city already has. */
export async function creditCodesOnFile(db: DbOrTx, cityCode: string, codes: string[]): Promise<Set<string>> {
  if (codes.length === 0) return new Set();
  const rows = await db
    .select({ code: employers.creditCode })
    .from(employers)
    .where(and(eq(employers.cityCode, cityCode), inArray(employers.creditCode, codes)));
  return new Set(rows.map((r) => r.code ?? ""));
}

/** Employer accounts of the given phones: whether they may sign in, and the employer each owns. */
export async function employerAccounts(db: DbOrTx, cityCode: string, phones: string[]) {
  if (phones.length === 0) return new Map<string, { status: string; employerId: string | null }>();
  const rows = await db
    .select({ phone: users.phone, status: users.status, employerId: employers.id })
    .from(users)
    .leftJoin(employers, eq(employers.ownerUserId, users.id))
    .where(and(eq(users.cityCode, cityCode), eq(users.role, "employer"), inArray(users.phone, phones)));
  return new Map(rows.map((r) => [r.phone ?? "", { status: r.status, employerId: r.employerId }]));
}

/** The names the city's stations and markets already go by. */
export async function stationNames(db: DbOrTx, cityCode: string): Promise<Set<string>> {
  const rows = await db.select({ name: stations.name }).from(stations).where(eq(stations.cityCode, cityCode));
  return new Set(rows.map((r) => r.name));
}
