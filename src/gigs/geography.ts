/**
 * Pure geography for gigs: great-circle distance and whether a point lies inside a
 * district's boundary (GeoJSON MultiPolygon, coordinates as [lng, lat]).
 */
export interface Point {
  lat: number;
  lng: number;
}

type Ring = number[][];
type Polygon = Ring[];
export interface MultiPolygon {
  type: "MultiPolygon";
  coordinates: Polygon[];
}

/**
 * The mean Earth radius (IUGG). Every distance linggong shows or decides on is `haversineMetres`
 * (through `distanceMetres`, or directly in matching, which keeps radians), so one gig is the same
 * number of metres away on every screen; `src/places/distance-text.ts` writes it the same way.
 */
export const EARTH_RADIUS_M = 6_371_008.8;
const toRadians = (degrees: number) => (degrees * Math.PI) / 180;

/** Great-circle (haversine) distance in metres. */
export function distanceMetres(a: Point, b: Point): number {
  const lat1 = toRadians(a.lat);
  return haversineMetres(lat1, toRadians(a.lng), Math.cos(lat1), toRadians(b.lat), toRadians(b.lng));
}

/**
 * The one haversine: points in radians, with the first latitude's cosine given so matching can
 * compute it once per worker and run this a million times a second.
 */
export function haversineMetres(
  lat1: number,
  lng1: number,
  cosLat1: number,
  lat2: number,
  lng2: number,
): number {
  const sinLat = Math.sin((lat2 - lat1) / 2);
  const sinLng = Math.sin((lng2 - lng1) / 2);
  const h = sinLat * sinLat + cosLat1 * Math.cos(lat2) * sinLng * sinLng;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * Ray casting: a ray from the point eastwards crosses the ring's edges an odd number of
 * times when the point is inside. Districts are a few tens of km wide, so treating
 * degrees as a plane is exact enough.
 */
function insideRing(point: Point, ring: Ring): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    const crosses = yi > point.lat !== yj > point.lat;
    if (crosses && point.lng < ((xj - xi) * (point.lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Inside the outer ring and in none of its holes. */
function insidePolygon(point: Point, polygon: Polygon): boolean {
  const [outer, ...holes] = polygon;
  if (!outer || !insideRing(point, outer)) return false;
  return !holes.some((hole) => insideRing(point, hole));
}

export function isMultiPolygon(value: unknown): value is MultiPolygon {
  const geometry = value as Partial<MultiPolygon> | null;
  return geometry?.type === "MultiPolygon" && Array.isArray(geometry.coordinates);
}

export function insideBoundary(point: Point, boundary: MultiPolygon): boolean {
  return boundary.coordinates.some((polygon) => insidePolygon(point, polygon));
}
