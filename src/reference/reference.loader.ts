/**
 * Loads a city's reference data (the city, its divisions with boundaries, their townships, the
 * categories, the 用户协议 and 隐私政策) on first start. Idempotent: existing rows are left as the bureau edited them,
 * except the boundaries and centres, which follow the shipped files (staff never edit them).
 *
 * Datum: the shipped boundary files are GCJ-02 (as DataV publishes them). They are converted to
 * WGS-84 here, when read, so the database holds one coordinate system (src/places/datum.ts).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "../db/client.ts";
import { categories, cities, divisions } from "../db/schema/index.ts";
import { insideBoundary } from "../gigs/geography.ts";
import { fromGcj02, geometryToWgs84 } from "../places/datum.ts";
import { loadTownshipCentres, readTownshipCentres } from "../places/township-centres.loader.ts";
import { loadTownships } from "../places/townships.loader.ts";
import { projectPath } from "../platform/paths.ts";
import { ensureLegalDocuments } from "../privacy/consent.service.ts";
import { CATEGORY_SEEDS } from "./categories.ts";

const dataFolder = projectPath("src", "reference", "data");

interface DivisionFeature {
  properties: { adcode: number; name: string; center: [number, number]; centroid?: [number, number] };
  geometry: { type: "MultiPolygon"; coordinates: number[][][][] };
}

/** The seat of government in the DataV file (GCJ-02), as stored (WGS-84). */
const zhenjiangCentre = fromGcj02({ lng: 119.425836, lat: 32.187849 });

/** Zhenjiang: the first city. Another city adds its own GeoJSON and entry here. */
export const ZHENJIANG = {
  code: "321100",
  name: "镇江市",
  centerLat: zhenjiangCentre.lat,
  centerLng: zhenjiangCentre.lng,
  geojson: "321100_zhenjiang_districts.json",
  /** Optional (none ships): see src/places/township-centres.loader.ts. */
  townshipCentres: "321100_township_centres.json",
};

function toWgs84Point([lng, lat]: [number, number]): [number, number] {
  const p = fromGcj02({ lng, lat });
  return [Number(p.lng.toFixed(6)), Number(p.lat.toFixed(6))];
}

const featuresByFile = new Map<string, DivisionFeature[]>();

/** The district boundaries of a shipped file, converted from GCJ-02 to WGS-84 (read once). */
export function readDivisionFeatures(file = ZHENJIANG.geojson): DivisionFeature[] {
  const cached = featuresByFile.get(file);
  if (cached) return cached;
  const published: DivisionFeature[] = JSON.parse(readFileSync(path.join(dataFolder, file), "utf8")).features;
  const features = published.map((f) => ({
    properties: {
      ...f.properties,
      center: toWgs84Point(f.properties.center),
      ...(f.properties.centroid ? { centroid: toWgs84Point(f.properties.centroid) } : {}),
    },
    geometry: geometryToWgs84(f.geometry, "gcj02"),
  }));
  featuresByFile.set(file, features);
  return features;
}

/**
 * The point that stands for a district on maps and as the last fallback of geocoding: the seat of
 * government (`center`, in the urban core where people are) when it lies inside the boundary,
 * else the centroid. (京口区's centroid lies 17 km east of its town centre, in farmland.)
 */
function centreOf(f: DivisionFeature): [number, number] {
  const [lng, lat] = f.properties.center;
  if (insideBoundary({ lng, lat }, f.geometry)) return f.properties.center;
  return f.properties.centroid ?? f.properties.center;
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
        centerLng: centreOf(f)[0],
        centerLat: centreOf(f)[1],
        boundary: f.geometry,
      })),
    )
    .onConflictDoUpdate({
      target: divisions.code,
      set: {
        centerLat: sql`excluded.center_lat`,
        centerLng: sql`excluded.center_lng`,
        boundary: sql`excluded.boundary`,
      },
    });
  await loadTownships(
    db,
    city.code,
    features.map((f) => String(f.properties.adcode)),
  );
  const centres = readTownshipCentres(path.join(dataFolder, city.townshipCentres));
  if (centres) await loadTownshipCentres(db, city.code, centres);
  await db
    .insert(categories)
    .values(CATEGORY_SEEDS.map((seed, i) => ({ ...seed, sortOrder: i })))
    .onConflictDoNothing();
  await ensureLegalDocuments(db);
}
