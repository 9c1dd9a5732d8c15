/**
 * Where an address is: district + township + street address → a WGS-84 point and how precise it
 * is. The provider's answer is kept only when it lies inside the chosen district (geocoders answer
 * an unknown street with the city's centre); otherwise, or without a provider, the pin goes to the
 * township's centre where one is known, else the district's, and the person is asked to drag it.
 */
import { insideBoundary, isMultiPolygon } from "../gigs/geography.ts";
import type { AppContext } from "../platform/context.ts";
import { findCity } from "../reference/reference.repository.ts";
import type { GeocodeProvider } from "./geocoder.ts";
import { geocoderFrom } from "./geocoder.ts";
import { placeErrors } from "./places.errors.ts";
import { findDivision, findTownship } from "./places.repository.ts";

export type Precision = "address" | "township" | "district";

export interface GeocodeQuery {
  districtCode: string;
  townshipCode?: string;
  street: string;
}

export interface GeocodeAnswer {
  lat: number;
  lng: number;
  precision: Precision;
  /** Who placed the pin: the provider, or "centre" for the built-in fallback. */
  source: "tianditu" | "amap" | "centre";
  /** The address as it was searched: 镇江市京口区大市口街道中山东路301号. */
  searched: string;
}

export async function geocodeAddress(
  ctx: AppContext,
  cityCode: string,
  query: GeocodeQuery,
  options: { provider?: GeocodeProvider | null; onProviderError?: (error: unknown) => void } = {},
): Promise<GeocodeAnswer> {
  const provider = options.provider === undefined ? geocoderFrom(ctx.config.places) : options.provider;
  const db = ctx.database.db;
  const district = await findDivision(db, cityCode, query.districtCode);
  if (!district) throw placeErrors.district_unknown();
  const township = query.townshipCode ? await findTownship(db, query.townshipCode) : null;
  if (query.townshipCode && township?.districtCode !== district.code) throw placeErrors.township_unknown();
  const city = (await findCity(db, cityCode))?.name ?? "";
  const searched = `${city}${district.name}${township?.name ?? ""}${query.street.trim()}`;

  if (provider && query.street.trim()) {
    // A provider that is down must not stop a gig being posted: the pin falls back and is dragged.
    const found = await provider.geocode(searched, city).catch((error: unknown) => {
      options.onProviderError?.(error);
      return null;
    });
    if (found && isMultiPolygon(district.boundary) && insideBoundary(found, district.boundary)) {
      return {
        lat: round6(found.lat),
        lng: round6(found.lng),
        precision: "address",
        source: provider.name,
        searched,
      };
    }
  }
  if (township?.centerLat != null && township.centerLng != null) {
    return {
      lat: township.centerLat,
      lng: township.centerLng,
      precision: "township",
      source: "centre",
      searched,
    };
  }
  return {
    lat: district.centerLat,
    lng: district.centerLng,
    precision: "district",
    source: "centre",
    searched,
  };
}

const round6 = (x: number) => Math.round(x * 1e6) / 1e6;
