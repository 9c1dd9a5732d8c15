import { and, asc, eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "../db/client.ts";
import { divisions, townships } from "../db/schema/index.ts";

export async function findDivision(db: DbOrTx, cityCode: string, code: string) {
  const [row] = await db
    .select()
    .from(divisions)
    .where(and(eq(divisions.cityCode, cityCode), eq(divisions.code, code)));
  return row ?? null;
}

export async function listTownships(db: DbOrTx, districtCode: string) {
  return db
    .select()
    .from(townships)
    .where(eq(townships.districtCode, districtCode))
    .orderBy(asc(townships.code));
}

export async function findTownship(db: DbOrTx, code: string) {
  const [row] = await db.select().from(townships).where(eq(townships.code, code));
  return row ?? null;
}

export async function insertTownships(
  db: DbOrTx,
  rows: Array<{ code: string; districtCode: string; name: string }>,
): Promise<void> {
  if (rows.length === 0) return;
  await db.insert(townships).values(rows).onConflictDoNothing();
}

/** The districts among these that have townships already. */
export async function districtsWithTownships(db: DbOrTx, districtCodes: string[]): Promise<Set<string>> {
  if (districtCodes.length === 0) return new Set();
  const rows = await db
    .selectDistinct({ districtCode: townships.districtCode })
    .from(townships)
    .where(inArray(townships.districtCode, districtCodes));
  return new Set(rows.map((r) => r.districtCode));
}

/** The city's townships with their district's boundary, for checking centres against it. */
export async function listTownshipsOfCity(db: DbOrTx, cityCode: string) {
  return db
    .select({ code: townships.code, name: townships.name, boundary: divisions.boundary })
    .from(townships)
    .innerJoin(divisions, eq(divisions.code, townships.districtCode))
    .where(eq(divisions.cityCode, cityCode));
}

export async function setTownshipCentre(
  db: DbOrTx,
  code: string,
  centre: { lat: number; lng: number },
): Promise<void> {
  await db
    .update(townships)
    .set({ centerLat: centre.lat, centerLng: centre.lng })
    .where(eq(townships.code, code));
}
