/** Today at the counter: services and registrations so far, complaints waiting, the common tasks. */
import { Button, Card, Col, Empty, List, Row, Spin } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { get } from "../../shared/api.ts";
import type { Complaint, StationServices } from "../../shared/api-types.ts";
import { ErrorAlert } from "../../shared/ErrorAlert.tsx";
import { dateTime } from "../../shared/format.ts";
import { useResource } from "../../shared/useResource.ts";
import { PageTitle } from "../parts.tsx";

function Figure({
  label,
  value,
  alert,
  testId,
}: {
  label: string;
  value: number | undefined;
  alert?: boolean;
  testId: string;
}) {
  return (
    <Card>
      <div className="lg-station-figure-label">{label}</div>
      <div className={`lg-station-figure${alert && value ? " is-alert" : ""}`} data-testid={testId}>
        {value ?? "–"}
      </div>
    </Card>
  );
}

export default function Home() {
  const { t } = useTranslation();
  const services = useResource(() => get<StationServices>("/api/stations/mine/service-records"), []);
  const complaints = useResource(() => get<Complaint[]>("/api/complaints"), []);
  const waiting = complaints.data?.filter((c) => c.status === "open" || c.status === "in_progress");
  const today = services.data?.today;

  return (
    <>
      <PageTitle
        title={`${t("station.home.title")}${services.data ? ` · ${services.data.stationName}` : ""}`}
      />
      <ErrorAlert error={services.error} retry={services.reload} />
      <ErrorAlert error={complaints.error} retry={complaints.reload} />
      <Row gutter={16} style={{ marginBottom: 16 }}>
        <Col span={6}>
          <Figure label={t("station.home.servicesToday")} value={today?.total} testId="services-today" />
        </Col>
        <Col span={6}>
          <Figure
            label={t("station.home.registeredToday")}
            value={today ? (today.byKind.registration ?? 0) : undefined}
            testId="registered-today"
          />
        </Col>
        <Col span={6}>
          <Figure label={t("station.home.openComplaints")} value={waiting?.length} testId="open-complaints" />
        </Col>
        <Col span={6}>
          <Figure
            label={t("station.home.overdueComplaints")}
            value={waiting?.filter((c) => c.overdue).length}
            alert
            testId="overdue-complaints"
          />
        </Col>
      </Row>
      <Card title={<h2>{t("station.home.quick")}</h2>} style={{ marginBottom: 16 }}>
        <div className="lg-station-quick">
          <Link to="walk-in">
            <Button type="primary" size="large">
              {t("station.menu.walkIn")}
            </Button>
          </Link>
          <Link to="post">
            <Button size="large">{t("station.menu.post")}</Button>
          </Link>
          <Link to="dispatch">
            <Button size="large">{t("station.menu.dispatch")}</Button>
          </Link>
          <Link to="complaints">
            <Button size="large">{t("station.menu.complaints")}</Button>
          </Link>
        </div>
      </Card>
      <Card title={<h2>{t("station.home.recent")}</h2>}>
        {services.loading && !services.data ? (
          <Spin />
        ) : services.data && services.data.items.length > 0 ? (
          <List
            dataSource={services.data.items.slice(0, 8)}
            renderItem={(item) => (
              <List.Item>
                <span>
                  <strong>{t(`station.services.kinds.${item.kind}`)}</strong> ·{" "}
                  {item.personName ?? t("station.services.anonymous")} · {item.note}
                </span>
                <span>{dateTime(item.createdAt)}</span>
              </List.Item>
            )}
          />
        ) : (
          <Empty description={t("station.home.none")} />
        )}
      </Card>
    </>
  );
}
