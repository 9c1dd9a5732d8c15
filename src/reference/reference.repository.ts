import { asc, eq } from "drizzle-orm";
import type { DbOrTx } from "../db/client.ts";
import { cities, divisions } from "../db/schema/index.ts";

export async function findCity(db: DbOrTx, code: string) {
  const [row] = await db.select().from(cities).where(eq(cities.code, code));
  return row ?? null;
}

/** Every city of the deployment, with what the city chooser shows. */
export async function listCities(db: DbOrTx) {
  return db
    .select({
      code: cities.code,
      name: cities.name,
      centerLat: cities.centerLat,
      centerLng: cities.centerLng,
    })
    .from(cities)
    .orderBy(asc(cities.code));
}

export async function listDivisions(db: DbOrTx, cityCode: string) {
  return db.select().from(divisions).where(eq(divisions.cityCode, cityCode)).orderBy(asc(divisions.code));
}
