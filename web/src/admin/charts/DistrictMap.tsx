/**
 * The city's districts coloured by a figure (求人倍率), drawn from the boundaries the API serves
 * (GET /api/monitoring/geo) with ECharts' registerMap: no online tiles, works on a closed network.
 */
import { type RefObject, useEffect, useMemo, useRef, useState } from "react";
import { useResource } from "../../shared/useResource.ts";
import { monitoring } from "../monitoring.ts";
import { useCity } from "../period.ts";
import { Chart, echarts } from "./Chart.tsx";
import { type DistrictShape, type MapFrame, placeLabels, textBox } from "./mapLabels.ts";

/** The map's place in its chart, given to ECharts and to the label layout alike. */
const LAYOUT = { center: [0.5, 0.46] as [number, number], size: 0.92 };
/** East–west degrees are shorter than north–south ones at 32° N (镇江): cos 32° ≈ 0.85. */
const ASPECT_SCALE = 0.85;

interface RegisteredMap {
  name: string;
  districts: DistrictShape[];
}

/** Each map once per page load: the caller's cities (key "") or the one city a province admin chose. */
const registered = new Map<string, Promise<RegisteredMap>>();

function loadMap(city = ""): Promise<RegisteredMap> {
  const known = registered.get(city);
  if (known) return known;
  const loading = monitoring.geo(city || undefined).then((geo) => {
    const name = `map-${city || "all"}`;
    // Features are named by the district's name, which the series' data uses too; `cp` puts the
    // label on the point inside the district the API gives, not on the bounding box's middle.
    echarts.registerMap(name, {
      type: "FeatureCollection",
      features: geo.features.map((f) => ({ ...f, properties: { ...f.properties, cp: f.properties.center } })),
    } as unknown as Parameters<typeof echarts.registerMap>[1]);
    const districts = geo.features.map((f) => ({
      name: f.properties.name,
      center: f.properties.center as [number, number],
      geometry: f.geometry as DistrictShape["geometry"],
    }));
    return { name, districts };
  });
  registered.set(city, loading);
  loading.catch(() => registered.delete(city));
  return loading;
}

export interface MapValue {
  name: string;
  value: number | null;
}

interface DistrictMapProps {
  values: MapValue[];
  label: string;
  height?: number | string;
  dark?: boolean;
  /** Districts not in scope are drawn grey. */
  format?: (value: number | null) => string;
}

export function DistrictMap({ values, label, height = 420, dark = false, format }: DistrictMapProps) {
  const city = useCity() ?? "";
  const map = useResource(() => loadMap(city), [city]);
  const box = useRef<HTMLDivElement>(null);
  const width = useWidth(box);
  const option = useMemo(() => {
    const numbers = values.map((v) => v.value ?? 0);
    const text = dark ? "#e6f0ff" : "#1f1f1f";
    const fontSize = dark ? 24 : 12;
    const shown = (v: number | null | undefined) =>
      format ? format(Number.isFinite(v) ? (v as number) : null) : String(v ?? "—");
    const figureOf = new Map(values.map((v) => [v.name, v.value]));
    const frame: MapFrame = {
      width,
      height: typeof height === "number" ? height : 420,
      ...LAYOUT,
      aspectScale: ASPECT_SCALE,
      bottom: dark ? 64 : 40,
    };
    // Names placed from the boundaries so that none covers another, in either language.
    const places =
      map.data && width > 0
        ? placeLabels(map.data.districts, frame, (name) =>
            textBox([name, shown(figureOf.get(name))], fontSize),
          )
        : new Map();
    const lineColor = dark ? "#b5c7e6" : "#595959";
    return {
      tooltip: {
        trigger: "item",
        formatter: (p: { name: string; value: number }) => `${p.name}: ${shown(p.value)}`,
      },
      visualMap: {
        min: 0,
        max: Math.max(1, ...numbers),
        calculable: false,
        orient: "horizontal",
        left: "center",
        bottom: 4,
        itemWidth: dark ? 20 : 12,
        itemHeight: dark ? 200 : 120,
        text: [formatMax(numbers), "0"],
        textStyle: { color: text, fontSize: dark ? 22 : 12 },
        inRange: { color: dark ? ["#1d3f73", "#1f7a8c", "#e0a526"] : ["#e6f4ff", "#69b1ff", "#0958d9"] },
      },
      series: [
        {
          type: "map",
          map: map.data?.name,
          roam: false,
          aspectScale: ASPECT_SCALE,
          layoutCenter: LAYOUT.center.map((f) => `${f * 100}%`),
          layoutSize: `${LAYOUT.size * 100}%`,
          // A moved name is put where the layout found room; the others stay on their district.
          labelLayout: (p: { text: string }) => {
            const place = places.get(p.text.split("\n")[0]);
            return place?.moved ? { x: place.x, y: place.y } : {};
          },
          label: {
            show: true,
            color: text,
            fontSize,
            // A halo keeps the name readable on both the palest and the darkest district.
            textBorderColor: dark ? "#050b1a" : "#fff",
            textBorderWidth: dark ? 3 : 2,
            formatter: (p: { name: string; value: number }) => `${p.name}\n${shown(p.value)}`,
          },
          itemStyle: { borderColor: dark ? "#0b1530" : "#fff", borderWidth: 1.5, areaColor: "#d9d9d9" },
          emphasis: { label: { color: text }, itemStyle: { areaColor: dark ? "#ef476f" : "#ffd666" } },
          data: values.map((v) => ({
            name: v.name,
            value: v.value ?? Number.NaN,
            labelLine: {
              show: places.get(v.name)?.moved ?? false,
              lineStyle: { color: lineColor, width: dark ? 2 : 1 },
            },
          })),
        },
      ],
    };
  }, [values, map.data, dark, format, width, height]);
  return (
    <div ref={box}>
      {map.data && width > 0 ? (
        <Chart option={option} label={label} height={height} />
      ) : (
        <div style={{ height }} role="status" aria-label={label} />
      )}
    </div>
  );
}

/** The element's width in CSS pixels (of its own layout, unaffected by a scaled stage). */
function useWidth(ref: RefObject<HTMLDivElement | null>): number {
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const observer = new ResizeObserver(() => setWidth(element.clientWidth));
    observer.observe(element);
    setWidth(element.clientWidth);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}

function formatMax(numbers: number[]): string {
  return Math.max(1, ...numbers).toFixed(2);
}
