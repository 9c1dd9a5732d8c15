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
 * The mean Earth radius (IUGG). Every distance linggong shows or decides on is `distanceMetres`
 * (matching's fast variant uses the same radius), so one gig is the same number of metres away
 * on every screen.
 */
export const EARTH_RADIUS_M = 6_371_008.8;
const toRadians = (degrees: number) => (degrees * Math.PI) / 180;

/** Great-circle (haversine) distance in metres. */
export function distanceMetres(a: Point, b: Point): number {
  const dLat = toRadians(b.lat - a.lat);
  const dLng = toRadians(b.lng - a.lng);
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(toRadians(a.lat)) * Math.cos(toRadians(b.lat)) * Math.sin(dLng / 2) ** 2;
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
