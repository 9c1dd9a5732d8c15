/** The rows `city:add` writes: the city, its districts, its city admin; and `admin:province`'s admin. */
import { and, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "../db/client.ts";
import { categories, cities, divisions, townships, users } from "../db/schema/index.ts";

export async function insertCity(
  db: DbOrTx,
  city: { code: string; name: string; centerLat: number; centerLng: number },
): Promise<boolean> {
  const inserted = await db
    .insert(cities)
    .values(city)
    .onConflictDoNothing()
    .returning({ code: cities.code });
  return inserted.length > 0;
}

export interface DivisionRow {
  code: string;
  cityCode: string;
  name: string;
  centerLat: number;
  centerLng: number;
  boundary: unknown;
}

/** A district with its own boundary replaces what is there; one with the city's outline never does. */
export async function upsertDivisions(db: DbOrTx, rows: DivisionRow[], replace: boolean): Promise<void> {
  if (rows.length === 0) return;
  const insert = db.insert(divisions).values(rows);
  if (!replace) {
    await insert.onConflictDoNothing();
    return;
  }
  await insert.onConflictDoUpdate({
    target: divisions.code,
    set: {
      centerLat: sql`excluded.center_lat`,
      centerLng: sql`excluded.center_lng`,
      boundary: sql`excluded.boundary`,
    },
  });
}

export async function countTownshipsOfCity(db: DbOrTx, cityCode: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(townships)
    .innerJoin(divisions, eq(divisions.code, townships.districtCode))
    .where(eq(divisions.cityCode, cityCode));
  return row?.n ?? 0;
}

export async function countCategories(db: DbOrTx): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(categories);
  return row?.n ?? 0;
}

export async function findCityAdmin(db: DbOrTx, cityCode: string) {
  const [row] = await db
    .select({ id: users.id, username: users.username })
    .from(users)
    .where(and(eq(users.cityCode, cityCode), eq(users.role, "city_admin")))
    .limit(1);
  return row ?? null;
}

/** A city's or a province's admin, made from the command line with a first password. */
export async function insertAdmin(
  db: DbOrTx,
  role: "city_admin" | "province_admin",
  admin: {
    cityCode: string;
    username: string;
    passwordHash: string;
    displayName: string;
    phone: string | null;
  },
): Promise<void> {
  await db.insert(users).values({ ...admin, role });
}

/** The deployment's cities whose codes begin with `prefix` (a province's two digits). */
export async function citiesStartingWith(db: DbOrTx, prefix: string) {
  return db
    .select({ code: cities.code, name: cities.name })
    .from(cities)
    .where(sql`left(${cities.code}, ${prefix.length}) = ${prefix}`)
    .orderBy(cities.code);
}

export async function findUserByUsername(db: DbOrTx, username: string) {
  const [row] = await db
    .select({ id: users.id, role: users.role, cityCode: users.cityCode })
    .from(users)
    .where(eq(users.username, username))
    .limit(1);
  return row ?? null;
}
