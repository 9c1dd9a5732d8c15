/**
 * One coordinate system inside linggong: WGS-84, which CGCS2000 (天地图, the national system)
 * matches to within centimetres and which a phone's browser reports. Chinese map services use
 * other datums, so points are converted here, at the edges, and nowhere else:
 *   - GCJ-02 (火星坐标): 高德 and 腾讯 maps, and the bundled district boundaries (DataV);
 *   - BD-09: 百度 maps.
 * The offsets are several hundred metres in China; mixing datums moves every geofence.
 * gcoord does the arithmetic (its GCJ-02 → WGS-84 is iterative, accurate to well under a metre).
 */
import * as gcoordModule from "gcoord";

// gcoord is CommonJS with an ES-style `export default` in its types; a namespace import has the
// module object as `default` in Node and in the bundler alike.
interface Gcoord {
  transform(input: [number, number], from: string, to: string): [number, number];
}
const gcoord: Gcoord =
  (gcoordModule as unknown as { default?: Gcoord }).default ?? (gcoordModule as unknown as Gcoord);

export interface LngLat {
  lng: number;
  lat: number;
}

export type Datum = "wgs84" | "gcj02" | "bd09";

/** gcoord's names of the datums (its CRSTypes values). */
const CRS = { wgs84: "WGS84", gcj02: "GCJ02", bd09: "BD09" } as const;

export function convert(point: LngLat, from: Datum, to: Datum): LngLat {
  if (from === to) return { lng: point.lng, lat: point.lat };
  const [lng, lat] = gcoord.transform([point.lng, point.lat], CRS[from], CRS[to]);
  return { lng, lat };
}

/** A point from 高德/腾讯 (or the bundled boundaries) into the stored datum. */
export const fromGcj02 = (point: LngLat) => convert(point, "gcj02", "wgs84");
/** A stored point for 高德/腾讯. */
export const toGcj02 = (point: LngLat) => convert(point, "wgs84", "gcj02");
/** A point from 百度 into the stored datum. */
export const fromBd09 = (point: LngLat) => convert(point, "bd09", "wgs84");
/** A stored point for 百度. */
export const toBd09 = (point: LngLat) => convert(point, "wgs84", "bd09");

type Position = number[];
type Geometry =
  | { type: "Polygon"; coordinates: Position[][] }
  | { type: "MultiPolygon"; coordinates: Position[][][] };

function convertRing(ring: Position[], from: Datum): Position[] {
  return ring.map(([lng, lat]) => {
    const p = convert({ lng, lat }, from, "wgs84");
    // Six decimals are about 0.1 m: more would only add bytes.
    return [Number(p.lng.toFixed(6)), Number(p.lat.toFixed(6))];
  });
}

/** A (Multi)Polygon's coordinates, every vertex, into WGS-84. */
export function geometryToWgs84<G extends Geometry>(geometry: G, from: Datum): G {
  if (geometry.type === "Polygon") {
    return { ...geometry, coordinates: geometry.coordinates.map((ring) => convertRing(ring, from)) };
  }
  return {
    ...geometry,
    coordinates: geometry.coordinates.map((polygon) => polygon.map((ring) => convertRing(ring, from))),
  };
}
