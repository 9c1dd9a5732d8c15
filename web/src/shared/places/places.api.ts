/** The places API: townships, geocoding, the map's configuration and the district boundaries (all WGS-84). */
import { get, post } from "../api.ts";

export interface Township {
  code: string;
  name: string;
  centerLat: number | null;
  centerLng: number | null;
}

export type Precision = "address" | "township" | "district";

export interface GeocodeResult {
  lat: number;
  lng: number;
  precision: Precision;
  source: "tianditu" | "amap" | "centre";
  searched: string;
}

export interface MapConfig {
  tiandituKey: string | null;
}

export interface DistrictFeature {
  properties: { code: string; name: string; center: [number, number] };
  geometry: { type: "MultiPolygon"; coordinates: number[][][][] };
}

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
    get<{ features: DistrictFeature[] }>("/api/reference/divisions.geojson").then((c) => c.features),
    () => {
      boundaries = null;
    },
  );
  return boundaries;
}
