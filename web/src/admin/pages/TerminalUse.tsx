/**
 * 自助终端使用: how often each station's self-service terminal was used over the page's period —
 * sign-ins, applications, job slips printed, queue numbers taken, gigs employers posted — from the daily counts the
 * terminals record (GET /api/devices/use), within the page's district.
 */
import { Card, Col, Row, Statistic, Table } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { get } from "../../shared/api.ts";
import type { DeviceUseRow } from "../../shared/api-types.ts";
import { ErrorAlert } from "../../shared/ErrorAlert.tsx";
import { useResource } from "../../shared/useResource.ts";
import { usePeriodSearch } from "../period.ts";

const FIGURES = ["sessions", "applications", "slipsPrinted", "queueSlips", "gigsPosted"] as const;
type Totals = Pick<DeviceUseRow, "stationId" | "stationName" | "districtName" | (typeof FIGURES)[number]>;

/** The day before an ISO date: the monitoring periods end before `to`, the terminal counts on it. */
function dayBefore(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
}

/** Each station's use summed over the days. */
function totalsByStation(rows: readonly DeviceUseRow[], district: string | null): Totals[] {
  const byStation = new Map<string, Totals>();
  for (const row of rows) {
    if (district && row.districtCode !== district) continue;
    const total = byStation.get(row.stationId) ?? {
      stationId: row.stationId,
      stationName: row.stationName,
      districtName: row.districtName,
      sessions: 0,
      applications: 0,
      slipsPrinted: 0,
      queueSlips: 0,
      gigsPosted: 0,
    };
    for (const figure of FIGURES) total[figure] += row[figure];
    byStation.set(row.stationId, total);
  }
  return [...byStation.values()].sort((a, b) => b.sessions - a.sessions);
}

export function TerminalUse({ from, to, district }: { from: string; to: string; district: string | null }) {
  const { t } = useTranslation();
  const use = useResource(
    () => get<DeviceUseRow[]>("/api/devices/use", { from, to: dayBefore(to) }),
    [from, to],
  );
  return (
    <Card
      size="small"
      style={{ marginTop: 16 }}
      data-testid="terminal-use"
      title={<h2 style={{ margin: 0, fontSize: 16 }}>{t("admin.stationPerformance.terminals")}</h2>}
    >
      <p className="lg-admin-period-text">{t("admin.stationPerformance.terminalsHint")}</p>
      <ErrorAlert error={use.error} retry={use.reload} />
      <Table<Totals>
        size="small"
        rowKey="stationId"
        loading={use.loading}
        pagination={false}
        scroll={{ x: true }}
        dataSource={totalsByStation(use.data ?? [], district)}
        locale={{ emptyText: t("admin.stationPerformance.terminalsEmpty") }}
        columns={[
          { title: t("admin.stationPerformance.station"), dataIndex: "stationName", fixed: "left" },
          { title: t("admin.stationPerformance.district"), dataIndex: "districtName" },
          ...FIGURES.map((figure) => ({
            title: t(`admin.stationPerformance.${figure}`),
            dataIndex: figure,
            align: "right" as const,
          })),
        ]}
      />
    </Card>
  );
}

/** What the overview shows of it (总览): the period's sign-ins, applications and slips in the scope. */
const SUMMARY = ["sessions", "applications", "slipsPrinted"] as const;

export function TerminalUseSummary({
  from,
  to,
  district,
}: {
  from: string;
  to: string;
  district: string | null;
}) {
  const { t } = useTranslation();
  const use = useResource(
    () => get<DeviceUseRow[]>("/api/devices/use", { from, to: dayBefore(to) }),
    [from, to],
  );
  const search = usePeriodSearch();
  const stations = totalsByStation(use.data ?? [], district);
  const sum = (figure: (typeof SUMMARY)[number]) => stations.reduce((n, s) => n + s[figure], 0);
  return (
    <Card
      size="small"
      loading={use.loading && !use.data}
      data-testid="overview-terminal-use"
      title={<h2>{t("admin.stationPerformance.terminals")}</h2>}
      extra={
        <Link to={`../station-performance${search}`} relative="path">
          {t("admin.overview.terminalsByStation")}
        </Link>
      }
    >
      <ErrorAlert error={use.error} retry={use.reload} />
      <Row gutter={16}>
        {SUMMARY.map((figure) => (
          <Col span={8} key={figure}>
            <Statistic title={t(`admin.stationPerformance.${figure}`)} value={sum(figure)} />
          </Col>
        ))}
      </Row>
      <p className="lg-admin-period-text" style={{ margin: "8px 0 0" }}>
        {t("admin.overview.terminalStations", { count: stations.length })}
      </p>
    </Card>
  );
}
