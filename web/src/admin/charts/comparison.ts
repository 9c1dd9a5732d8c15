/**
 * Places side by side (区县对比, 各市对比): demand and seekers as bars, 求人倍率 as a line on its own
 * axis, one group per place.
 */
import type { TFunction } from "i18next";

export interface ComparedPlace {
  name: string;
  demand: number | null;
  seekers: number | null;
  ratio: number | null;
}

export function comparisonChart(t: TFunction, places: readonly ComparedPlace[]) {
  return {
    tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
    legend: { top: 0 },
    grid: { left: 48, right: 48, top: 40, bottom: 32 },
    xAxis: { type: "category", data: places.map((p) => p.name) },
    yAxis: [{ type: "value" }, { type: "value", name: t("admin.figures.ratio"), splitLine: { show: false } }],
    series: [
      { type: "bar", name: t("admin.figures.demand"), data: places.map((p) => p.demand) },
      { type: "bar", name: t("admin.figures.seekers"), data: places.map((p) => p.seekers) },
      {
        type: "line",
        name: t("admin.figures.ratio"),
        yAxisIndex: 1,
        data: places.map((p) => p.ratio),
        label: { show: true, formatter: (p: { value: number }) => p.value?.toFixed(2) },
      },
    ],
  };
}
