/** The places API: townships, geocoding, the map's configuration and the district boundaries (all WGS-84). */
import { get, post } from "../api.ts";
import type {
  DistrictFeature,
  DivisionBoundaries,
  GeocodeResult,
  MapConfig,
  Township,
} from "../api-types.ts";

const townships = new Map<string, Promise<Township[]>>();
let mapConfig: Promise<MapConfig> | null = null;
let boundaries: Promise<DistrictFeature[]> | null = null;

/** Fetched once per district and page load; a failure is forgotten so the next call retries. */
function once<T>(cached: Promise<T>, forget: () => void): Promise<T> {
  return cached.catch((error) => {
    forget();
    throw error;
  });
}

export function loadTownships(districtCode: string): Promise<Township[]> {
  const cached = townships.get(districtCode);
  if (cached) return cached;
  const loading = once(get<Township[]>(`/api/places/districts/${districtCode}/townships`), () =>
    townships.delete(districtCode),
  );
  townships.set(districtCode, loading);
  return loading;
}

export function geocode(body: { districtCode: string; townshipCode?: string; street: string }) {
  return post<GeocodeResult>("/api/places/geocode", body);
}

export function loadMapConfig(): Promise<MapConfig> {
  mapConfig ??= once(get<MapConfig>("/api/places/map-config"), () => {
    mapConfig = null;
  });
  return mapConfig;
}

export function loadBoundaries(): Promise<DistrictFeature[]> {
  boundaries ??= once(
    get<DivisionBoundaries>("/api/reference/divisions.geojson").then((c) => c.features),
    () => {
      boundaries = null;
    },
  );
  return boundaries;
}
