/** 投诉与欠薪: wage arrears and other complaints opened and resolved, overdue ones, by kind. */
import { Card, Col, Row, Statistic, Table } from "antd";
import { useTranslation } from "react-i18next";
import type { ComplaintsPage } from "../../shared/api-types.ts";
import { ErrorAlert } from "../../shared/ErrorAlert.tsx";
import { FigureCard } from "../FigureCard.tsx";
import { formatValue } from "../format.ts";
import { PageTitle } from "../PageTitle.tsx";
import { usePage } from "../usePage.ts";

type KindRow = ComplaintsPage["byKind"][number];

export default function Complaints() {
  const { t } = useTranslation();
  const page = usePage<ComplaintsPage>("complaints");
  const data = page.data;
  return (
    <>
      <PageTitle title={t("admin.complaints.title")} head={data} />
      <ErrorAlert error={page.error} />
      <Row gutter={[16, 16]}>
        <Col xs={12} xl={6}>
          <FigureCard
            title={t("admin.complaints.wageOpened")}
            figure={data?.wageArrears.opened}
            drill="complaints"
          />
        </Col>
        <Col xs={12} xl={6}>
          <FigureCard
            title={t("admin.complaints.wageResolved")}
            figure={data?.wageArrears.resolved}
            drill="complaints"
          />
        </Col>
        <Col xs={12} xl={6}>
          <FigureCard
            title={t("admin.complaints.otherOpened")}
            figure={data?.others.opened}
            drill="complaints"
          />
        </Col>
        <Col xs={12} xl={6}>
          <FigureCard
            title={t("admin.complaints.otherResolved")}
            figure={data?.others.resolved}
            drill="complaints"
          />
        </Col>
        <Col xs={12} xl={6}>
          <Card size="small">
            <Statistic
              title={t("admin.complaints.overdue")}
              value={data?.overdue ?? "—"}
              styles={{ content: { color: "#a8071a" } }}
            />
          </Card>
        </Col>
        <Col xs={12} xl={6}>
          <Card size="small">
            <Statistic
              title={t("admin.complaints.openArrears")}
              value={formatValue(data?.openArrearsFen, "fen")}
            />
          </Card>
        </Col>
      </Row>
      <Card size="small" style={{ marginTop: 16 }}>
        <Table<KindRow>
          size="small"
          rowKey="kind"
          pagination={false}
          dataSource={data?.byKind ?? []}
          columns={[
            {
              title: t("admin.complaints.kind"),
              dataIndex: "kind",
              render: (k: string) => t(`admin.complaints.kinds.${k}`),
            },
            { title: t("admin.complaints.opened"), dataIndex: "opened", align: "right" },
            { title: t("admin.complaints.resolved"), dataIndex: "resolved", align: "right" },
            { title: t("admin.complaints.overdue"), dataIndex: "overdue", align: "right" },
            {
              title: t("admin.complaints.openArrears"),
              dataIndex: "arrearsFen",
              align: "right",
              render: (v: number) => formatValue(v, "fen"),
            },
          ]}
        />
      </Card>
    </>
  );
}
