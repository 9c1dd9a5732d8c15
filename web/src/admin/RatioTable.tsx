/** A supply-and-demand table in the official columns: 需求人数, 求职人数, 求人倍率, 比上期/去年同期增减. */
import { Table } from "antd";
import { useTranslation } from "react-i18next";
import type { RatioRow } from "../shared/api-types.ts";
import { formatChange, formatValue } from "./format.ts";

interface RatioTableProps {
  rows: RatioRow[];
  keyTitle: string;
  label?: (row: RatioRow) => string;
  pageSize?: number;
  compare?: boolean;
  testId?: string;
  /**
   * Show the seekers the ratio divides by (不限工种 seekers spread in by demand) rather than the
   * people who named this work; the title is marked and the page gives the footnote.
   */
  spread?: boolean;
}

export function RatioTable({
  rows,
  keyTitle,
  label,
  pageSize = 10,
  compare = true,
  testId,
  spread = false,
}: RatioTableProps) {
  const { t } = useTranslation();
  return (
    <Table<RatioRow>
      size="small"
      rowKey="key"
      data-testid={testId}
      dataSource={rows}
      pagination={rows.length > pageSize ? { pageSize, size: "small" } : false}
      columns={[
        { title: keyTitle, key: "name", render: (_, row) => (label ? label(row) : row.name) },
        {
          title: t("admin.figures.demand"),
          dataIndex: "demand",
          align: "right",
          sorter: (a, b) => a.demand - b.demand,
        },
        spread
          ? {
              title: `${t("admin.figures.seekers")}*`,
              dataIndex: "seekersForRatio",
              align: "right",
              sorter: (a, b) => a.seekersForRatio - b.seekersForRatio,
              render: (value: number) => formatValue(value, "decimal"),
            }
          : {
              title: t("admin.figures.seekers"),
              dataIndex: "seekers",
              align: "right",
              sorter: (a, b) => a.seekers - b.seekers,
            },
        {
          title: t("admin.figures.ratio"),
          dataIndex: "ratio",
          align: "right",
          sorter: (a, b) => (a.ratio ?? Number.POSITIVE_INFINITY) - (b.ratio ?? Number.POSITIVE_INFINITY),
          render: (value: number | null) => formatValue(value, "ratio"),
        },
        ...(compare
          ? [
              {
                title: t("admin.figures.ratioChange"),
                dataIndex: "ratioChange",
                align: "right" as const,
                render: (value: number | null) => formatChange(value, true),
              },
              {
                title: t("admin.figures.ratioChangeYoy"),
                dataIndex: "ratioChangeYoy",
                align: "right" as const,
                render: (value: number | null) => formatChange(value, true),
              },
            ]
          : []),
      ]}
    />
  );
}

/** A horizontal bar chart of 求人倍率, highest on top, names on the left so long ones do not overlap. */
export function ratioBars(
  rows: Array<{ name: string; ratio: number | null }>,
  options: { dark?: boolean } = {},
) {
  const sorted = rows.filter((r) => r.ratio !== null).sort((a, b) => (a.ratio ?? 0) - (b.ratio ?? 0));
  const text = options.dark ? "#e6f0ff" : "#1f1f1f";
  const size = options.dark ? 22 : 12;
  return {
    tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
    grid: { left: 8, right: options.dark ? 80 : 48, top: 8, bottom: 8, containLabel: true },
    xAxis: {
      type: "value",
      // On the wall the bars carry their values; an axis beside long names would crowd.
      axisLabel: { show: !options.dark, color: text, fontSize: size },
      splitLine: { lineStyle: { color: options.dark ? "#22365e" : "#f0f0f0" } },
    },
    yAxis: {
      type: "category",
      data: sorted.map((r) => r.name),
      axisLabel: { color: text, fontSize: size, width: options.dark ? 260 : 140, overflow: "truncate" },
    },
    series: [
      {
        type: "bar",
        data: sorted.map((r) => r.ratio),
        barMaxWidth: options.dark ? 28 : 18,
        itemStyle: { color: options.dark ? "#36cfc9" : "#1677ff", borderRadius: [0, 4, 4, 0] },
        label: {
          show: true,
          position: "right",
          color: text,
          fontSize: size,
          formatter: (p: { value: number }) => p.value.toFixed(2),
        },
        markLine: undefined,
      },
    ],
  };
}
