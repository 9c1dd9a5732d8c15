/**
 * Where the district map puts each district's name, worked out from the boundaries so that no two
 * names cover each other. The map is projected as ECharts projects it (the bounding box scaled by
 * `aspectScale` and fitted into a square of `layoutSize` around `layoutCenter`); the largest
 * districts keep their names on their own centre point, and a small one whose name would land on
 * another's (京口 and 润州 in 镇江, tucked against 丹徒) is moved outward from the middle of the city
 * to the nearest free place, with a leader line back to it. Pure: sizes in, positions out.
 */

type Ring = number[][];
export interface DistrictShape {
  name: string;
  /** Where the name sits when it fits: the district's centre point, [lng, lat]. */
  center: [number, number];
  /** GeoJSON Polygon or MultiPolygon coordinates. */
  geometry: { type: string; coordinates: unknown };
}

export interface MapFrame {
  width: number;
  height: number;
  /** Fractions of the width and height, as ECharts' layoutCenter. */
  center: [number, number];
  /** A fraction of the smaller side, as ECharts' layoutSize. */
  size: number;
  aspectScale: number;
  /** Room kept free at the bottom (the colour scale). */
  bottom: number;
}

export interface LabelBox {
  width: number;
  height: number;
}

export interface PlacedLabel {
  /** The centre of the name in the chart, in pixels. */
  x: number;
  y: number;
  /** Moved off its district: drawn with a leader line. */
  moved: boolean;
}

interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

const GAP = 6;
const DIRECTIONS = 16;

function rings(geometry: DistrictShape["geometry"]): Ring[] {
  const coordinates = geometry.coordinates as Ring[] | Ring[][];
  return geometry.type === "MultiPolygon" ? (coordinates as Ring[][]).flat() : (coordinates as Ring[]);
}

/** Shoelace area of a ring, in square degrees; enough to rank districts by size. */
function ringArea(ring: Ring): number {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++)
    sum += (ring[j][0] + ring[i][0]) * (ring[j][1] - ring[i][1]);
  return Math.abs(sum / 2);
}

/** A function from [lng, lat] to chart pixels, as ECharts lays the map out in the frame. */
export function projection(districts: readonly DistrictShape[], frame: MapFrame) {
  const points = districts.flatMap((d) => rings(d.geometry).flat());
  const lngs = points.map((p) => p[0]);
  const lats = points.map((p) => p[1]);
  const [minLng, maxLng, minLat, maxLat] = [
    Math.min(...lngs),
    Math.max(...lngs),
    Math.min(...lats),
    Math.max(...lats),
  ];
  const aspect = ((maxLng - minLng) / (maxLat - minLat)) * frame.aspectScale;
  const size = frame.size * Math.min(frame.width, frame.height);
  const width = aspect > 1 ? size : size * aspect;
  const height = aspect > 1 ? size / aspect : size;
  const left = frame.center[0] * frame.width - width / 2;
  const top = frame.center[1] * frame.height - height / 2;
  return ([lng, lat]: readonly number[]): [number, number] => [
    left + ((lng - minLng) / (maxLng - minLng)) * width,
    top + ((maxLat - lat) / (maxLat - minLat)) * height,
  ];
}

const boxAt = (x: number, y: number, box: LabelBox): Rect => ({
  left: x - box.width / 2 - GAP,
  top: y - box.height / 2 - GAP,
  right: x + box.width / 2 + GAP,
  bottom: y + box.height / 2 + GAP,
});
const overlaps = (a: Rect, b: Rect) =>
  a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/**
 * Each district's name position. Largest first: a name stays on its centre point when it covers
 * no name placed before it; otherwise it is tried at growing distances, first straight outward
 * from the city's middle, then turning either way, and put at the first free place in the frame.
 */
export function placeLabels(
  districts: readonly DistrictShape[],
  frame: MapFrame,
  boxOf: (name: string) => LabelBox,
): Map<string, PlacedLabel> {
  const project = projection(districts, frame);
  const anchors = districts.map((d) => ({
    name: d.name,
    at: project(d.center),
    area: rings(d.geometry).reduce((sum, ring) => sum + ringArea(ring), 0),
    box: boxOf(d.name),
  }));
  const middle = [
    anchors.reduce((s, a) => s + a.at[0], 0) / anchors.length,
    anchors.reduce((s, a) => s + a.at[1], 0) / anchors.length,
  ];
  const placed: Rect[] = [];
  const out = new Map<string, PlacedLabel>();
  const fits = (r: Rect) =>
    r.left >= 0 &&
    r.top >= 0 &&
    r.right <= frame.width &&
    r.bottom <= frame.height - frame.bottom &&
    !placed.some((p) => overlaps(p, r));
  for (const a of [...anchors].sort((x, y) => y.area - x.area)) {
    const outward = Math.atan2(a.at[1] - middle[1], a.at[0] - middle[0]);
    const step = a.box.height / 2;
    let found: PlacedLabel | null = null;
    for (let ring = 0; ring <= 24 && !found; ring++) {
      for (let k = 0; k < (ring === 0 ? 1 : DIRECTIONS) && !found; k++) {
        // 0, +1, −1, +2, −2 … steps of the circle away from straight outward.
        const turn = (Math.ceil(k / 2) * (k % 2 ? 1 : -1) * 2 * Math.PI) / DIRECTIONS;
        const x = a.at[0] + Math.cos(outward + turn) * ring * step;
        const y = a.at[1] + Math.sin(outward + turn) * ring * step;
        if (fits(boxAt(x, y, a.box))) found = { x, y, moved: ring > 0 };
      }
    }
    // No free place at all (a frame far too small): leave the name on its district.
    const label = found ?? { x: a.at[0], y: a.at[1], moved: false };
    placed.push(boxAt(label.x, label.y, a.box));
    out.set(a.name, label);
  }
  return out;
}

/** The size of a name and its figure on two lines, in pixels, for type of `fontSize`. */
export function textBox(lines: readonly string[], fontSize: number): LabelBox {
  // Chinese characters are square; digits and Latin letters about half as wide.
  const widthOf = (line: string) =>
    [...line].reduce((w, ch) => w + (/[\u2e80-\u9fff\uff00-\uffef]/.test(ch) ? 1 : 0.6), 0) * fontSize;
  return {
    width: Math.max(...lines.map(widthOf)),
    height: lines.length * fontSize * 1.25,
  };
}
