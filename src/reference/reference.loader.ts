/**
 * Loads a city's reference data (the city, its divisions with boundaries, the categories)
 * on first start. Idempotent: existing rows are left as the bureau edited them.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import type { DbOrTx } from "../db/client.ts";
import { categories, cities, divisions } from "../db/schema/index.ts";
import { projectPath } from "../platform/paths.ts";
import { CATEGORY_SEEDS } from "./categories.ts";

const dataFolder = projectPath("src", "reference", "data");

interface DivisionFeature {
  properties: { adcode: number; name: string; center: [number, number]; centroid?: [number, number] };
  geometry: unknown;
}

/** Zhenjiang: the first city. Another city adds its own GeoJSON and entry here. */
export const ZHENJIANG = {
  code: "321100",
  name: "镇江市",
  centerLat: 32.187849,
  centerLng: 119.425836,
  geojson: "321100_zhenjiang_districts.json",
};

export function readDivisionFeatures(file = ZHENJIANG.geojson): DivisionFeature[] {
  return JSON.parse(readFileSync(path.join(dataFolder, file), "utf8")).features;
}

export async function loadReferenceData(db: DbOrTx, city = ZHENJIANG): Promise<void> {
  await db
    .insert(cities)
    .values({ code: city.code, name: city.name, centerLat: city.centerLat, centerLng: city.centerLng })
    .onConflictDoNothing();
  const features = readDivisionFeatures(city.geojson);
  await db
    .insert(divisions)
    .values(
      features.map((f) => ({
        code: String(f.properties.adcode),
        cityCode: city.code,
        name: f.properties.name,
        // The centroid lies inside the division; `center` is the seat of government.
        centerLng: (f.properties.centroid ?? f.properties.center)[0],
        centerLat: (f.properties.centroid ?? f.properties.center)[1],
        boundary: f.geometry,
      })),
    )
    .onConflictDoNothing();
  await db
    .insert(categories)
    .values(CATEGORY_SEEDS.map((seed, i) => ({ ...seed, sortOrder: i })))
    .onConflictDoNothing();
}
