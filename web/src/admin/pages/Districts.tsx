/**
 * 区县对比 (city admin; province admin, for the chosen city or every district of her cities): the
 * districts side by side — supply and demand and the period's flows.
 */
import { Alert, Card, Table } from "antd";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import type { DistrictRow, DistrictsPage } from "../../shared/api-types.ts";
import { ErrorAlert } from "../../shared/ErrorAlert.tsx";
import { Chart } from "../charts/Chart.tsx";
import { comparisonChart } from "../charts/comparison.ts";
import { formatChange, formatValue } from "../format.ts";
import { PageTitle } from "../PageTitle.tsx";
import { useAdmin } from "../session.tsx";
import { usePage } from "../usePage.ts";

const FLOWS = ["gigsPosted", "applications", "bookings", "completedShifts"] as const;

export default function Districts() {
  const { t } = useTranslation();
  const { isCityAdmin, isProvinceAdmin } = useAdmin();
  if (!isCityAdmin && !isProvinceAdmin)
    return <Alert type="info" title={t("admin.districts.cityOnly")} showIcon />;
  return <DistrictComparison />;
}

function DistrictComparison() {
  const { t } = useTranslation();
  const page = usePage<DistrictsPage>("districts");
  const rows = page.data?.districts ?? [];
  const chart = useMemo(() => comparisonChart(t, rows), [rows, t]);
  return (
    <>
      <PageTitle title={t("admin.districts.title")} head={page.data} />
      <ErrorAlert error={page.error} />
      <Card size="small">
        <Chart option={chart} label={t("admin.districts.title")} height={360} />
      </Card>
      <Card size="small" style={{ marginTop: 16 }}>
        <Table<DistrictRow>
          size="small"
          rowKey="districtCode"
          pagination={false}
          dataSource={rows}
          data-testid="table-districts"
          scroll={{ x: true }}
          columns={[
            { title: t("admin.supplyDemand.district"), dataIndex: "name" },
            { title: t("admin.figures.demand"), dataIndex: "demand", align: "right" },
            { title: t("admin.figures.seekers"), dataIndex: "seekers", align: "right" },
            {
              title: t("admin.figures.ratio"),
              dataIndex: "ratio",
              align: "right",
              render: (v: number | null) => formatValue(v, "ratio"),
            },
            {
              title: t("admin.figures.ratioChange"),
              dataIndex: "ratioChange",
              align: "right",
              render: (v: number | null) => formatChange(v, true),
            },
            ...FLOWS.map((key) => ({
              title: t(`admin.figures.${key}`),
              dataIndex: key,
              align: "right" as const,
            })),
            {
              title: t("admin.figures.noShowRate"),
              key: "noShows",
              align: "right",
              render: (_: unknown, r: DistrictRow) =>
                formatValue(
                  r.completedShifts + r.noShows > 0 ? r.noShows / (r.completedShifts + r.noShows) : null,
                  "rate",
                ),
            },
            { title: t("admin.figures.complaintsOpened"), dataIndex: "complaintsOpened", align: "right" },
          ]}
        />
      </Card>
    </>
  );
}
