/**
 * The city's districts coloured by a figure (求人倍率), drawn from the boundaries the API serves
 * (GET /api/monitoring/geo) with ECharts' registerMap: no online tiles, works on a closed network.
 */
import { useMemo } from "react";
import { useResource } from "../../shared/useResource.ts";
import { monitoring } from "../monitoring.ts";
import { Chart, echarts } from "./Chart.tsx";

let registered: Promise<string> | null = null;

/** Registers the city's map once per page load; its name is the city code. */
function loadMap(): Promise<string> {
  registered ??= monitoring.geo().then((geo) => {
    const name = `city-${geo.features[0]?.properties.code.slice(0, 4) ?? "map"}`;
    // Features are named by the district's name, which the series' data uses too; `cp` puts the
    // label on the point inside the district the API gives, not on the bounding box's middle.
    echarts.registerMap(name, {
      type: "FeatureCollection",
      features: geo.features.map((f) => ({ ...f, properties: { ...f.properties, cp: f.properties.center } })),
    } as unknown as Parameters<typeof echarts.registerMap>[1]);
    return name;
  });
  registered.catch(() => {
    registered = null;
  });
  return registered;
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
  const map = useResource(loadMap, []);
  const option = useMemo(() => {
    const numbers = values.map((v) => v.value ?? 0);
    const text = dark ? "#e6f0ff" : "#1f1f1f";
    return {
      tooltip: {
        trigger: "item",
        formatter: (p: { name: string; value: number }) =>
          `${p.name}: ${format ? format(Number.isFinite(p.value) ? p.value : null) : (p.value ?? "—")}`,
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
          map: map.data,
          roam: false,
          // Small districts inside big ones (润州 beside 丹徒) would put labels on top of each other.
          labelLayout: { moveOverlap: "shiftY" },
          layoutCenter: ["50%", "46%"],
          layoutSize: "92%",
          label: {
            show: true,
            color: text,
            fontSize: dark ? 24 : 12,
            // A halo keeps the name readable on both the palest and the darkest district.
            textBorderColor: dark ? "#050b1a" : "#fff",
            textBorderWidth: dark ? 3 : 2,
            formatter: (p: { name: string; value: number }) =>
              `${p.name}\n${format ? format(Number.isFinite(p.value) ? p.value : null) : p.value}`,
          },
          itemStyle: { borderColor: dark ? "#0b1530" : "#fff", borderWidth: 1.5, areaColor: "#d9d9d9" },
          emphasis: { label: { color: text }, itemStyle: { areaColor: dark ? "#ef476f" : "#ffd666" } },
          data: values.map((v) => ({ name: v.name, value: v.value ?? Number.NaN })),
        },
      ],
    };
  }, [values, map.data, dark, format]);
  if (!map.data) return <div style={{ height }} role="status" aria-label={label} />;
  return <Chart option={option} label={label} height={height} />;
}

function formatMax(numbers: number[]): string {
  return Math.max(1, ...numbers).toFixed(2);
}
