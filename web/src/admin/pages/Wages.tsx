/** 工资价位: median daily pay by category with 环比 and 同比. */
import { Card, Table } from "antd";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import type { WagesPage } from "../../shared/api-types.ts";
import { ErrorAlert } from "../../shared/ErrorAlert.tsx";
import { categoryName, useReference } from "../../shared/reference.ts";
import { Chart } from "../charts/Chart.tsx";
import { ExportButtons } from "../ExportButtons.tsx";
import { formatChange, formatValue } from "../format.ts";
import { PageTitle } from "../PageTitle.tsx";
import { usePage } from "../usePage.ts";

type Row = WagesPage["byCategory"][number];

export default function Wages() {
  const { t } = useTranslation();
  const page = usePage<WagesPage>("wages");
  const reference = useReference();
  const rows = useMemo(
    () =>
      (page.data?.byCategory ?? [])
        .map((r) => ({ ...r, name: categoryName(reference.data, r.categoryCode, r.name) }))
        .sort((a, b) => (b.medianDailyPayFen.value ?? 0) - (a.medianDailyPayFen.value ?? 0)),
    [page.data, reference.data],
  );
  const chart = useMemo(() => {
    const ordered = [...rows].reverse();
    return {
      tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
      grid: { left: 8, right: 56, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: "value", axisLabel: { formatter: "¥{value}" } },
      yAxis: {
        type: "category",
        data: ordered.map((r) => r.name),
        axisLabel: { width: 140, overflow: "truncate" },
      },
      series: [
        {
          type: "bar",
          barMaxWidth: 18,
          itemStyle: { color: "#389e0d", borderRadius: [0, 4, 4, 0] },
          label: { show: true, position: "right", formatter: "¥{c}" },
          data: ordered.map((r) => Math.round((r.medianDailyPayFen.value ?? 0) / 100)),
        },
      ],
    };
  }, [rows]);

  return (
    <>
      <PageTitle title={t("admin.wages.title")} head={page.data} extra={<ExportButtons />} />
      <ErrorAlert error={page.error} />
      <Card size="small" title={<h2>{t("admin.wages.chart")}</h2>}>
        <Chart option={chart} label={t("admin.wages.chart")} height={Math.max(240, rows.length * 26)} />
      </Card>
      <Card size="small" style={{ marginTop: 16 }}>
        <Table<Row>
          size="small"
          rowKey="categoryCode"
          dataSource={rows}
          pagination={{ pageSize: 20, size: "small" }}
          columns={[
            { title: t("admin.wages.category"), dataIndex: "name" },
            { title: t("admin.wages.gigs"), dataIndex: "gigs", align: "right" },
            {
              title: t("admin.wages.median"),
              key: "median",
              align: "right",
              render: (_, r) => formatValue(r.medianDailyPayFen.value, "fen"),
            },
            {
              title: t("admin.period.vsPrevious"),
              key: "mom",
              align: "right",
              render: (_, r) => formatChange(r.medianDailyPayFen.vsPrevious),
            },
            {
              title: t("admin.period.vsLastYear"),
              key: "yoy",
              align: "right",
              render: (_, r) => formatChange(r.medianDailyPayFen.vsLastYear),
            },
          ]}
        />
      </Card>
    </>
  );
}
