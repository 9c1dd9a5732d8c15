/** Great-circle distance, for matching: fast enough to run a million times per second. */
import { haversineMetres } from "../gigs/geography.ts";

const RAD = Math.PI / 180;

export function toRadians(degrees: number): number {
  return degrees * RAD;
}

/** Haversine distance in km between two points given in radians, with the cosine of the first latitude. */
export function haversineKm(lat1: number, lng1: number, cosLat1: number, lat2: number, lng2: number): number {
  return haversineMetres(lat1, lng1, cosLat1, lat2, lng2) / 1000;
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
