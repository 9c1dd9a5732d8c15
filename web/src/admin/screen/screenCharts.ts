/**
 * The 大屏's charts on its dark stage: type large enough to read across a room, labels kept inside
 * the chart (`containLabel`) so no axis is cut off in either language.
 */
import type { ScreenPage } from "../../shared/api-types.ts";

const TEXT = "#e6f0ff";
const MUTED = "#b5c7e6";
const GRID_LINE = "#22365e";
const SIZE = 20;

const axisText = { color: MUTED, fontSize: SIZE };
const valueAxis = (name?: string) => ({
  type: "value",
  name,
  nameTextStyle: { color: MUTED, fontSize: SIZE - 2 },
  axisLabel: axisText,
  splitLine: { lineStyle: { color: GRID_LINE } },
});
/** Days as 11-05; the language does not change a numeric month-day. */
const dayAxis = (days: ScreenPage["days"]) => ({
  type: "category",
  data: days.map((d) => d.day.slice(5)),
  axisLabel: { ...axisText, interval: 6 },
  axisLine: { lineStyle: { color: GRID_LINE } },
});
const tooltip = { trigger: "axis", textStyle: { fontSize: SIZE } };

/** 求人倍率 (line, left axis) and bookings (bars, right axis) for each of the 30 days. */
export function trendChart(days: ScreenPage["days"], names: { ratio: string; bookings: string }) {
  return {
    tooltip,
    legend: { top: 0, textStyle: { color: TEXT, fontSize: SIZE } },
    grid: { left: 8, right: 8, top: 44, bottom: 4, containLabel: true },
    xAxis: dayAxis(days),
    yAxis: [valueAxis(), { ...valueAxis(), splitLine: { show: false } }],
    series: [
      {
        type: "bar",
        name: names.bookings,
        yAxisIndex: 1,
        data: days.map((d) => d.bookings),
        itemStyle: { color: "#2f6fbf", borderRadius: [3, 3, 0, 0] },
      },
      {
        type: "line",
        name: names.ratio,
        data: days.map((d) => d.ratio),
        smooth: true,
        showSymbol: false,
        connectNulls: true,
        lineStyle: { width: 4, color: "#ffd166" },
        itemStyle: { color: "#ffd166" },
      },
    ],
  };
}

/**
 * Median daily pay of the gigs posted each day, in yuan (left axis), and 岗位满足率 of the gigs whose
 * work began that day, in per cent (right axis).
 */
export function payAndFillChart(days: ScreenPage["days"], names: { pay: string; fill: string }) {
  return {
    tooltip,
    legend: { top: 0, textStyle: { color: TEXT, fontSize: SIZE } },
    grid: { left: 8, right: 8, top: 44, bottom: 4, containLabel: true },
    xAxis: dayAxis(days),
    yAxis: [
      { ...valueAxis(), scale: true },
      {
        ...valueAxis(),
        min: 0,
        max: 100,
        interval: 25,
        axisLabel: { ...axisText, formatter: "{value}%" },
        splitLine: { show: false },
      },
    ],
    series: [
      {
        type: "line",
        name: names.pay,
        data: days.map((d) => (d.medianDailyPayFen === null ? null : Math.round(d.medianDailyPayFen / 100))),
        smooth: true,
        connectNulls: true,
        showSymbol: false,
        lineStyle: { width: 4, color: "#36cfc9" },
        itemStyle: { color: "#36cfc9" },
        areaStyle: { color: "rgba(54, 207, 201, 0.15)" },
      },
      {
        type: "line",
        name: names.fill,
        yAxisIndex: 1,
        data: days.map((d) => (d.fillRate === null ? null : Math.round(d.fillRate * 1000) / 10)),
        connectNulls: true,
        showSymbol: false,
        tooltip: { valueFormatter: (v: number | null) => (v === null ? "—" : `${v}%`) },
        lineStyle: { width: 3, color: "#ff9f6e", type: "dashed" },
        itemStyle: { color: "#ff9f6e" },
      },
    ],
  };
}

/** Today's bookings by district, most first, names on the left. */
export function districtBars(rows: ScreenPage["bookingsByDistrict"]) {
  const shown = [...rows].reverse();
  return {
    tooltip: { ...tooltip, axisPointer: { type: "shadow" } },
    grid: { left: 8, right: 56, top: 4, bottom: 4, containLabel: true },
    xAxis: { ...valueAxis(), minInterval: 1 },
    yAxis: {
      type: "category",
      data: shown.map((r) => r.name),
      axisLabel: { color: TEXT, fontSize: SIZE, width: 200, overflow: "truncate" },
    },
    series: [
      {
        type: "bar",
        data: shown.map((r) => r.bookings),
        barMaxWidth: 22,
        itemStyle: { color: "#ffd166", borderRadius: [0, 4, 4, 0] },
        label: { show: true, position: "right", color: TEXT, fontSize: SIZE },
      },
    ],
  };
}
