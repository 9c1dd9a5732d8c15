/** Great-circle distance, for matching: fast enough to run a million times per second. */
import { EARTH_RADIUS_M } from "../gigs/geography.ts";

export const EARTH_RADIUS_KM = EARTH_RADIUS_M / 1000;
const RAD = Math.PI / 180;

export function toRadians(degrees: number): number {
  return degrees * RAD;
}

/** Haversine distance in km between two points given in radians, with the cosine of the first latitude. */
export function haversineKm(lat1: number, lng1: number, cosLat1: number, lat2: number, lng2: number): number {
  const sinLat = Math.sin((lat2 - lat1) / 2);
  const sinLng = Math.sin((lng2 - lng1) / 2);
  const a = sinLat * sinLat + cosLat1 * Math.cos(lat2) * sinLng * sinLng;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
}

/** Distance in km between two points given in degrees. */
export function distanceKm(lat1: number, lng1: number, lat2: number, lng2: number): number {
  return haversineKm(
    toRadians(lat1),
    toRadians(lng1),
    Math.cos(toRadians(lat1)),
    toRadians(lat2),
    toRadians(lng2),
  );
}
