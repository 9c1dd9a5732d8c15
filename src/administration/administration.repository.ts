/** SQL of the bureaus' administration: stations, staff accounts, categories, city settings. */
import { and, asc, eq, inArray, isNull, type SQL, sql } from "drizzle-orm";
import type { DbOrTx } from "../db/client.ts";
import { categories, cities, divisions, sessions, stations, users } from "../db/schema/index.ts";

export type StationRow = typeof stations.$inferSelect;
export type CategoryRow = typeof categories.$inferSelect;
export type CityRow = typeof cities.$inferSelect;

export async function findDivision(db: DbOrTx, code: string) {
  const [row] = await db.select().from(divisions).where(eq(divisions.code, code));
  return row ?? null;
}

// ---- stations ----

const stationColumns = {
  station: stations,
  districtName: divisions.name,
  staffCount: sql<number>`(select count(*)::int from ${users}
    where ${users.stationId} = ${stations.id} and ${users.status} = 'active')`,
};

/** The city's stations, active or not; a district's only when `districtCode` is given. */
export async function listStations(db: DbOrTx, cityCode: string, districtCode: string | null) {
  const where: SQL[] = [eq(stations.cityCode, cityCode)];
  if (districtCode) where.push(eq(stations.districtCode, districtCode));
  return db
    .select(stationColumns)
    .from(stations)
    .innerJoin(divisions, eq(divisions.code, stations.districtCode))
    .where(and(...where))
    .orderBy(
      stations.districtCode,
      sql`case ${stations.kind} when 'market' then 0 else 1 end`,
      asc(stations.name),
    );
}

export async function stationWithDetails(db: DbOrTx, id: string) {
  const [row] = await db
    .select(stationColumns)
    .from(stations)
    .innerJoin(divisions, eq(divisions.code, stations.districtCode))
    .where(eq(stations.id, id));
  return row ?? null;
}

/** The station, locked until the transaction ends. */
export async function lockStation(db: DbOrTx, id: string): Promise<StationRow | null> {
  const [row] = await db.select().from(stations).where(eq(stations.id, id)).for("update");
  return row ?? null;
}

export async function insertStation(db: DbOrTx, values: typeof stations.$inferInsert): Promise<StationRow> {
  const [row] = await db.insert(stations).values(values).returning();
  return row;
}

export async function updateStation(
  db: DbOrTx,
  id: string,
  values: Partial<typeof stations.$inferInsert>,
): Promise<void> {
  await db.update(stations).set(values).where(eq(stations.id, id));
}

// ---- staff accounts ----

export type UserRow = typeof users.$inferSelect;
export const STAFF_ACCOUNT_ROLES = ["station_staff", "district_admin"] as const;

/** Staff accounts of the city, or station staff of one district when `districtCode` is given. */
export async function listStaff(db: DbOrTx, cityCode: string, districtCode: string | null) {
  const where: SQL[] = [eq(users.cityCode, cityCode)];
  if (districtCode) where.push(eq(users.role, "station_staff"), eq(users.districtCode, districtCode));
  else where.push(inArray(users.role, [...STAFF_ACCOUNT_ROLES]));
  return staffQuery(db, and(...where) as SQL);
}

export async function staffWithDetails(db: DbOrTx, id: string) {
  const [row] = await staffQuery(db, eq(users.id, id));
  return row ?? null;
}

function staffQuery(db: DbOrTx, where: SQL) {
  return db
    .select({ user: users, districtName: divisions.name, stationName: stations.name })
    .from(users)
    .leftJoin(divisions, eq(divisions.code, users.districtCode))
    .leftJoin(stations, eq(stations.id, users.stationId))
    .where(where)
    .orderBy(
      sql`case ${users.role} when 'district_admin' then 0 else 1 end`,
      users.districtCode,
      stations.name,
      users.username,
    );
}

export async function lockUser(db: DbOrTx, id: string): Promise<UserRow | null> {
  const [row] = await db.select().from(users).where(eq(users.id, id)).for("update");
  return row ?? null;
}

export async function insertUser(db: DbOrTx, values: typeof users.$inferInsert): Promise<UserRow> {
  const [row] = await db.insert(users).values(values).returning();
  return row;
}

export async function updateUser(
  db: DbOrTx,
  id: string,
  values: Partial<typeof users.$inferInsert>,
): Promise<void> {
  await db.update(users).set(values).where(eq(users.id, id));
}

/** Ends every open session of the user (after disabling or a password reset). */
export async function revokeSessionsOf(db: DbOrTx, userId: string, now: Date): Promise<void> {
  await db
    .update(sessions)
    .set({ revokedAt: now })
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)));
}

// ---- categories ----

export async function insertCategory(
  db: DbOrTx,
  values: typeof categories.$inferInsert,
): Promise<CategoryRow> {
  const [row] = await db.insert(categories).values(values).returning();
  return row;
}

export async function updateCategory(
  db: DbOrTx,
  code: string,
  values: Partial<typeof categories.$inferInsert>,
): Promise<CategoryRow> {
  const [row] = await db.update(categories).set(values).where(eq(categories.code, code)).returning();
  return row;
}

// ---- city settings ----

export async function lockCity(db: DbOrTx, code: string): Promise<CityRow | null> {
  const [row] = await db.select().from(cities).where(eq(cities.code, code)).for("update");
  return row ?? null;
}

export async function findCity(db: DbOrTx, code: string): Promise<CityRow | null> {
  const [row] = await db.select().from(cities).where(eq(cities.code, code));
  return row ?? null;
}

export async function updateCity(
  db: DbOrTx,
  code: string,
  values: Partial<typeof cities.$inferInsert>,
): Promise<CityRow> {
  const [row] = await db.update(cities).set(values).where(eq(cities.code, code)).returning();
  return row;
}
