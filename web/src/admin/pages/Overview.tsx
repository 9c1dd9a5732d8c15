/** 总览: the key figures with 环比 and 同比, today's live counts, the daily trend and the stations' work. */
import { Card, Col, Row, Table } from "antd";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import type {
  ComplaintsPage as Complaints,
  Figure,
  OverviewPage,
  QualityPage as Quality,
  WagesPage as Wages,
} from "../../shared/api-types.ts";
import { ErrorAlert } from "../../shared/ErrorAlert.tsx";
import { Chart } from "../charts/Chart.tsx";
import { ExportButtons } from "../ExportButtons.tsx";
import { FigureCard } from "../FigureCard.tsx";
import { formatValue } from "../format.ts";
import { PageTitle } from "../PageTitle.tsx";
import { useLiveFigures, usePage } from "../usePage.ts";
import { weightedMedianPay } from "../wages.ts";
import { TerminalUseSummary } from "./TerminalUse.tsx";

const LIVE_FIGURES = [
  "gigsPosted",
  "vacanciesPosted",
  "applications",
  "bookings",
  "completedShifts",
] as const;
const TREND_SERIES = ["vacancies", "applications", "bookings", "completedShifts", "newWorkers"] as const;

export default function Overview() {
  const { t } = useTranslation();
  const overview = usePage<OverviewPage>("overview");
  const quality = usePage<Quality>("quality");
  const wages = usePage<Wages>("wages");
  const complaints = usePage<Complaints>("complaints");
  const f = overview.data?.figures;

  const complaintsOpened: Figure | undefined = quality.data?.figures.complaintsOpened;
  const trend = useMemo(() => {
    const days = overview.data?.trend ?? [];
    return {
      tooltip: { trigger: "axis" },
      legend: { top: 0 },
      grid: { left: 48, right: 16, top: 40, bottom: 32 },
      xAxis: { type: "category", data: days.map((d) => d.day.slice(5)) },
      yAxis: { type: "value" },
      series: TREND_SERIES.map((key) => ({
        type: "line",
        name: t(`admin.figures.${key === "vacancies" ? "vacanciesPosted" : key}`),
        smooth: true,
        showSymbol: days.length < 40,
        data: days.map((d) => d[key]),
      })),
    };
  }, [overview.data, t]);

  return (
    <>
      <PageTitle title={t("admin.overview.title")} head={overview.data} extra={<ExportButtons />} />
      <ErrorAlert error={overview.error} />
      <LiveStrip />
      <Row gutter={[16, 16]} className="lg-admin-figures">
        <Col xs={12} md={8} xl={6} xxl={4}>
          <FigureCard
            title={t("admin.figures.registeredWorkers")}
            figure={f?.registeredWorkers}
            drill="seekers"
          />
        </Col>
        <Col xs={12} md={8} xl={6} xxl={4}>
          <FigureCard title={t("admin.figures.activeWorkers")} figure={f?.activeWorkers} drill="seekers" />
        </Col>
        <Col xs={12} md={8} xl={6} xxl={4}>
          <FigureCard title={t("admin.figures.employers")} figure={f?.employers} drill="vacancies" />
        </Col>
        <Col xs={12} md={8} xl={6} xxl={4}>
          <FigureCard
            title={t("admin.figures.validVacancies")}
            figure={f?.validVacancies}
            drill="vacancies"
            testId="figure-validVacancies"
          />
        </Col>
        <Col xs={12} md={8} xl={6} xxl={4}>
          <FigureCard title={t("admin.figures.validSeekers")} figure={f?.validSeekers} drill="seekers" />
        </Col>
        <Col xs={12} md={8} xl={6} xxl={4}>
          <FigureCard
            title={t("admin.figures.jobsToSeekersRatio")}
            figure={f?.jobsToSeekersRatio}
            kind="ratio"
            drill="vacancies"
            testId="figure-ratio"
          />
        </Col>
        <Col xs={12} md={8} xl={6} xxl={4}>
          <FigureCard
            title={t("admin.figures.fillRate")}
            figure={f?.fillRate}
            kind="rate"
            drill="vacancies"
          />
        </Col>
        <Col xs={12} md={8} xl={6} xxl={4}>
          <FigureCard
            title={t("admin.figures.noShowRate")}
            figure={quality.data?.figures.noShowRate}
            kind="rate"
            drill="vacancies"
          />
        </Col>
        <Col xs={12} md={8} xl={6} xxl={4}>
          <FigureCard
            title={t("admin.figures.medianDailyPay")}
            figure={wages.data && weightedMedianPay(wages.data.byCategory)}
            kind="fen"
            drill="vacancies"
            note={t("admin.figures.medianDailyPayNote")}
          />
        </Col>
        <Col xs={12} md={8} xl={6} xxl={4}>
          <FigureCard
            title={t("admin.figures.complaintsOpened")}
            figure={complaintsOpened}
            drill="complaints"
            note={
              complaints.data && (
                <span className="lg-admin-overdue">
                  {t("admin.figures.overdue", { count: complaints.data.overdue })}
                </span>
              )
            }
          />
        </Col>
        <Col xs={12} md={8} xl={6} xxl={4}>
          <FigureCard title={t("admin.figures.bookings")} figure={f?.bookings} drill="vacancies" />
        </Col>
        <Col xs={12} md={8} xl={6} xxl={4}>
          <FigureCard
            title={t("admin.figures.completedShifts")}
            figure={f?.completedShifts}
            drill="vacancies"
          />
        </Col>
      </Row>
      <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
        <Col xs={24} xl={16}>
          <Card title={<h2>{t("admin.overview.trend")}</h2>} size="small">
            <Chart option={trend} label={t("admin.overview.trend")} height={340} />
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          {overview.data && (
            <div style={{ marginBottom: 16 }}>
              <TerminalUseSummary
                from={overview.data.period.from}
                to={overview.data.period.to}
                district={overview.data.scope.district}
              />
            </div>
          )}
          <Card title={<h2>{t("admin.overview.stations")}</h2>} size="small">
            <Table
              size="small"
              rowKey="stationId"
              pagination={{ pageSize: 7, size: "small" }}
              dataSource={[...(overview.data?.stations ?? [])].sort((a, b) => b.services - a.services)}
              columns={[
                { title: t("admin.overview.station"), dataIndex: "name" },
                { title: t("admin.overview.services"), dataIndex: "services", align: "right" },
              ]}
            />
          </Card>
        </Col>
      </Row>
    </>
  );
}

/** Today's counts as the stream pushes them (实时). */
function LiveStrip() {
  const { t } = useTranslation();
  const live = useLiveFigures();
  if (!live.figures) return null;
  return (
    <Card size="small" className="lg-admin-live-strip" data-testid="live-strip">
      <span className="lg-admin-live-title">
        <span className="lg-admin-live-dot on" aria-hidden="true" />
        {t("admin.live.today")} {live.figures.day}
      </span>
      {LIVE_FIGURES.map((key) => (
        <span key={key} className="lg-admin-live-figure" data-testid={`live-${key}`}>
          {t(`admin.figures.${key}`)} <strong>{formatValue(live.figures?.figures[key], "count")}</strong>
        </span>
      ))}
    </Card>
  );
}
