/**
 * Township centres (乡镇街道 centre points), for the geocoder's fallback without a key: with one,
 * the pin starts at the township's centre instead of the district's. None ships with linggong (the
 * national division codes carry no coordinates, and invented points would mislead people placing
 * a pin); a city that has a dataset drops it in `src/reference/data/<city code>_township_centres.json`:
 *
 *   { "datum": "gcj02", "source": "where the points come from",
 *     "centres": [{ "code": "321102001", "lng": 119.4545, "lat": 32.2061 }] }
 *
 * `datum` is the file's (wgs84, gcj02 or bd09); points are converted to WGS-84 once, when read,
 * like the district boundaries. A centre outside its district's boundary, or of a township the
 * city does not have, stops the load: a wrong file is found at start, not by a misplaced pin.
 */
import { existsSync, readFileSync } from "node:fs";
import type { DbOrTx } from "../db/client.ts";
import { insideBoundary, isMultiPolygon } from "../gigs/geography.ts";
import { convert, type Datum, type LngLat } from "./datum.ts";
import { listTownshipsOfCity, setTownshipCentre } from "./places.repository.ts";

export interface TownshipCentre extends LngLat {
  code: string;
}

const DATUMS: Datum[] = ["wgs84", "gcj02", "bd09"];

/** A centres file's points, converted to WGS-84; null when the file is not there. */
export function readTownshipCentres(file: string): TownshipCentre[] | null {
  if (!existsSync(file)) return null;
  const body = JSON.parse(readFileSync(file, "utf8")) as {
    datum?: string;
    centres?: Array<{ code?: unknown; lng?: unknown; lat?: unknown }>;
  };
  const datum = DATUMS.find((d) => d === body.datum);
  if (!datum) throw new Error(`${file}: "datum" must be one of ${DATUMS.join(", ")}`);
  return (body.centres ?? []).map((entry, i) => {
    const lng = Number(entry.lng);
    const lat = Number(entry.lat);
    if (typeof entry.code !== "string" || !Number.isFinite(lng) || !Number.isFinite(lat)) {
      throw new Error(`${file}: centre ${i} needs a code and numeric lng, lat`);
    }
    const p = convert({ lng, lat }, datum, "wgs84");
    return { code: entry.code, lng: round6(p.lng), lat: round6(p.lat) };
  });
}

/** Stores the centres on the city's townships, after checking each lies in its district. */
export async function loadTownshipCentres(
  db: DbOrTx,
  cityCode: string,
  centres: TownshipCentre[],
): Promise<void> {
  const townships = new Map((await listTownshipsOfCity(db, cityCode)).map((t) => [t.code, t]));
  for (const centre of centres) {
    const township = townships.get(centre.code);
    if (!township) throw new Error(`township centre ${centre.code}: no such township in city ${cityCode}`);
    if (!isMultiPolygon(township.boundary) || !insideBoundary(centre, township.boundary)) {
      throw new Error(`township centre ${centre.code} (${township.name}) lies outside its district`);
    }
  }
  for (const centre of centres) await setTownshipCentre(db, centre.code, centre);
}

const round6 = (x: number) => Math.round(x * 1e6) / 1e6;
