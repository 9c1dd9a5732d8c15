/**
 * Geocoding providers: an address in, a WGS-84 point out (or null when the provider does not
 * know it). Each speaks its service's documented HTTP interface; base URLs come from
 * configuration so tests can point them at a local stub.
 *   - 天地图 (default with LINGGONG_TIANDITU_KEY): GET {url}?ds={"keyWord":"…"}&tk=KEY →
 *     { status: "0", location: { lon, lat, level, score } }, in CGCS2000 (≈ WGS-84, kept as is).
 *   - 高德 (LINGGONG_GEOCODER=amap, LINGGONG_AMAP_KEY): GET {url}?key=KEY&address=…&city=… →
 *     { status: "1", geocodes: [{ location: "lng,lat", level }] }, in GCJ-02 (converted).
 */
import type { PlacesConfig } from "../platform/config.ts";
import { fromGcj02, type LngLat } from "./datum.ts";

export interface GeocodeProvider {
  name: "tianditu" | "amap";
  /** `city` narrows the search (镇江市); `address` is the full text, district first. */
  geocode(address: string, city: string): Promise<LngLat | null>;
}

const TIMEOUT_MS = 5_000;

async function getJson(url: URL): Promise<unknown> {
  const response = await fetch(url, { signal: AbortSignal.timeout(TIMEOUT_MS) });
  if (!response.ok) throw new Error(`geocoder answered HTTP ${response.status}`);
  return response.json();
}

function finite(lng: number, lat: number): LngLat | null {
  return Number.isFinite(lng) && Number.isFinite(lat) ? { lng, lat } : null;
}

export function tiandituGeocoder(baseUrl: string, key: string): GeocodeProvider {
  return {
    name: "tianditu",
    async geocode(address, city) {
      const url = new URL(baseUrl);
      // 天地图 has no city parameter: the city's name leads the keyword instead.
      const keyWord = address.startsWith(city) ? address : `${city}${address}`;
      url.searchParams.set("ds", JSON.stringify({ keyWord }));
      url.searchParams.set("tk", key);
      const body = (await getJson(url)) as { status?: string; location?: { lon?: unknown; lat?: unknown } };
      if (body.status !== "0" || !body.location) return null;
      return finite(Number(body.location.lon), Number(body.location.lat));
    },
  };
}

export function amapGeocoder(baseUrl: string, key: string): GeocodeProvider {
  return {
    name: "amap",
    async geocode(address, city) {
      const url = new URL(baseUrl);
      url.searchParams.set("key", key);
      url.searchParams.set("address", address);
      url.searchParams.set("city", city);
      const body = (await getJson(url)) as { status?: string; geocodes?: Array<{ location?: string }> };
      const location = body.status === "1" ? body.geocodes?.[0]?.location : undefined;
      if (!location) return null;
      const [lng, lat] = location.split(",").map(Number);
      const point = finite(lng, lat);
      return point && fromGcj02(point);
    },
  };
}

/** The configured provider, or null when no key is set (then pins fall back to area centres). */
export function geocoderFrom(config: PlacesConfig): GeocodeProvider | null {
  if (config.geocoder === "amap") {
    return config.amapKey ? amapGeocoder(config.amapGeocoderUrl, config.amapKey) : null;
  }
  return config.tiandituKey ? tiandituGeocoder(config.tiandituGeocoderUrl, config.tiandituKey) : null;
}
