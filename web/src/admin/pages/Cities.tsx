/**
 * 各市对比 (province admin): the province's cities side by side with the province's row. The
 * province's counts are its cities' sums; its 求人倍率 and 岗位满足率 are recomputed by the server
 * from the summed parts, so they are not the mean of the cities' ratios.
 */
import { Alert, Card, Table } from "antd";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import type { CitiesPage, CityRow } from "../../shared/api-types.ts";
import { ErrorAlert } from "../../shared/ErrorAlert.tsx";
import { Chart } from "../charts/Chart.tsx";
import { comparisonChart } from "../charts/comparison.ts";
import { formatChange, formatValue } from "../format.ts";
import { PageTitle } from "../PageTitle.tsx";
import { useAdmin } from "../session.tsx";
import { usePage } from "../usePage.ts";

const COUNTS = ["registeredWorkers", "gigsPosted", "applications", "bookings", "completedShifts"] as const;
const TOTAL = "total";

export default function Cities() {
  const { t } = useTranslation();
  const { isProvinceAdmin } = useAdmin();
  if (!isProvinceAdmin) return <Alert type="info" title={t("admin.cities.provinceOnly")} showIcon />;
  return <CityComparison />;
}

function CityComparison() {
  const { t } = useTranslation();
  const page = usePage<CitiesPage>("cities");
  const cities = page.data?.cities ?? [];
  const rows: CityRow[] = page.data
    ? [...cities, { ...page.data.total, cityCode: TOTAL, name: t("admin.province.all") }]
    : [];
  const chart = useMemo(
    () =>
      comparisonChart(
        t,
        cities.map((c) => ({
          name: c.name,
          demand: c.validVacancies,
          seekers: c.validSeekers,
          ratio: c.jobsToSeekersRatio,
        })),
      ),
    [cities, t],
  );
  return (
    <>
      <PageTitle title={t("admin.cities.title")} head={page.data} />
      <ErrorAlert error={page.error} />
      <Alert type="info" showIcon title={t("admin.cities.summed")} style={{ marginBottom: 16 }} />
      <Card size="small">
        <Chart option={chart} label={t("admin.cities.title")} height={360} />
      </Card>
      <Card size="small" style={{ marginTop: 16 }}>
        <Table<CityRow>
          size="small"
          rowKey="cityCode"
          pagination={false}
          dataSource={rows}
          data-testid="table-cities"
          scroll={{ x: true }}
          rowClassName={(r) => (r.cityCode === TOTAL ? "lg-admin-total-row" : "")}
          columns={[
            { title: t("admin.province.city"), dataIndex: "name" },
            { title: t("admin.figures.demand"), dataIndex: "validVacancies", align: "right" },
            { title: t("admin.figures.seekers"), dataIndex: "validSeekers", align: "right" },
            {
              title: t("admin.figures.ratio"),
              dataIndex: "jobsToSeekersRatio",
              align: "right",
              render: (v: number | null) => formatValue(v, "ratio"),
            },
            {
              title: t("admin.figures.ratioChange"),
              dataIndex: "ratioChange",
              align: "right",
              render: (v: number | null) => formatChange(v, true),
            },
            ...COUNTS.map((key) => ({
              title: t(`admin.figures.${key}`),
              dataIndex: key,
              align: "right" as const,
            })),
            {
              title: t("admin.figures.fillRate"),
              dataIndex: "fillRate",
              align: "right",
              render: (v: number | null) => formatValue(v, "rate"),
            },
            { title: t("admin.figures.complaintsOpened"), dataIndex: "complaintsOpened", align: "right" },
          ]}
        />
      </Card>
    </>
  );
}
