/**
 * 驿站服务绩效: each station over the chosen period, then its days — walk-ins served,
 * registrations, people booked and paid, complaints handled, and the median time from arrival at
 * the counter to a booking. District admins see their district's stations; the city all of them.
 */
import { DownloadOutlined } from "@ant-design/icons";
import { Button, Card, Space, Table } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useTranslation } from "react-i18next";
import type { StationsPage } from "../../shared/api-types.ts";
import { ErrorAlert } from "../../shared/ErrorAlert.tsx";
import { monitoring } from "../monitoring.ts";
import { PageTitle } from "../PageTitle.tsx";
import { usePeriod } from "../period.ts";
import { usePage } from "../usePage.ts";
import { TerminalUse } from "./TerminalUse.tsx";

type StationRow = StationsPage["stations"][number];
type DayRow = StationsPage["days"][number];

function useFigureColumns<T extends StationRow>(): ColumnsType<T> {
  const { t } = useTranslation();
  const count = (key: keyof StationRow & string) => ({
    title: t(`admin.stationPerformance.${key}`),
    dataIndex: key,
    align: "right" as const,
    sorter: (a: T, b: T) => Number(a[key] ?? -1) - Number(b[key] ?? -1),
  });
  return [
    count("walkIns"),
    count("services"),
    count("registrations"),
    count("peopleBooked"),
    count("peoplePaid"),
    count("complaintsHandled"),
    {
      ...count("medianMinutesToBooking"),
      render: (minutes: number | null, row: T) =>
        minutes === null
          ? "—"
          : t("admin.stationPerformance.minutes", { minutes, count: row.bookedOnArrivalDay }),
    },
  ];
}

export default function StationPerformance() {
  const { t } = useTranslation();
  const [query] = usePeriod();
  const page = usePage<StationsPage>("stations");
  const figures = useFigureColumns<StationRow>();
  const dayFigures = useFigureColumns<DayRow>();
  const exportLink = (format: "xlsx" | "csv") => (
    <Button icon={<DownloadOutlined />} href={monitoring.exportUrl("stations", format, query)} download>
      {t(`admin.stationPerformance.export.${format}`)}
    </Button>
  );
  return (
    <>
      <PageTitle
        title={t("admin.stationPerformance.title")}
        extra={
          <Space wrap>
            {exportLink("xlsx")}
            {exportLink("csv")}
          </Space>
        }
      />
      <p className="lg-admin-period-text">{t("admin.stationPerformance.hint")}</p>
      <ErrorAlert error={page.error} retry={page.reload} />
      <Card
        size="small"
        title={<h2 style={{ margin: 0, fontSize: 16 }}>{t("admin.stationPerformance.totals")}</h2>}
      >
        <Table<StationRow>
          size="small"
          rowKey="stationId"
          loading={page.loading}
          pagination={false}
          scroll={{ x: true }}
          dataSource={page.data?.stations ?? []}
          locale={{ emptyText: t("admin.stationPerformance.empty") }}
          columns={[
            { title: t("admin.stationPerformance.station"), dataIndex: "name", fixed: "left" },
            { title: t("admin.stationPerformance.district"), dataIndex: "districtName" },
            ...figures,
          ]}
        />
      </Card>
      <Card
        size="small"
        style={{ marginTop: 16 }}
        title={<h2 style={{ margin: 0, fontSize: 16 }}>{t("admin.stationPerformance.byDay")}</h2>}
      >
        <Table<DayRow>
          size="small"
          rowKey={(r) => `${r.stationId}-${r.day}`}
          loading={page.loading}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          scroll={{ x: true }}
          dataSource={page.data?.days ?? []}
          locale={{ emptyText: t("admin.stationPerformance.empty") }}
          columns={[
            { title: t("admin.stationPerformance.day"), dataIndex: "day", fixed: "left" },
            { title: t("admin.stationPerformance.station"), dataIndex: "name" },
            ...dayFigures,
          ]}
        />
      </Card>
      {page.data && (
        <TerminalUse
          from={page.data.period.from}
          to={page.data.period.to}
          district={page.data.scope.district}
        />
      )}
    </>
  );
}
