/**
 * 谁看过个人信息: per staff member, how often they saw personal data in the audit page's dates and
 * of how many people; "看明细" narrows the log below to that person's views.
 */
import { Card, Table, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { PersonalViewsQuery, PersonalViewsRow } from "../../shared/api-types.ts";
import { ErrorAlert } from "../../shared/ErrorAlert.tsx";
import { useResource } from "../../shared/useResource.ts";
import { recordTime } from "../format.ts";
import { administration } from "./api.ts";
import { NarrowLink, StaffName } from "./parts.tsx";

export function PersonalViews(props: {
  dates: PersonalViewsQuery;
  onDetails: (actorUserId: string) => void;
}) {
  const { t } = useTranslation();
  const { from, to } = props.dates;
  const report = useResource(() => administration.personalViews({ from, to }), [from, to]);
  return (
    <Card size="small" style={{ marginBottom: 16 }} title={<h2>{t("admin.audit.views.title")}</h2>}>
      <Typography.Paragraph type="secondary">{t("admin.audit.views.hint")}</Typography.Paragraph>
      <ErrorAlert error={report.error} retry={() => void report.reload()} />
      <Table<PersonalViewsRow>
        size="small"
        rowKey={(row) => row.actorUserId ?? "none"}
        loading={report.loading}
        dataSource={report.data ?? []}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        locale={{ emptyText: <Typography.Text>{t("admin.audit.views.empty")}</Typography.Text> }}
        columns={[
          {
            title: t("admin.audit.views.staff"),
            key: "staff",
            render: (_, row) => <StaffName name={row.actorName} role={row.actorRole} />,
          },
          { title: t("admin.audit.views.count"), dataIndex: "views", align: "right" },
          { title: t("admin.audit.views.people"), dataIndex: "people", align: "right" },
          {
            title: t("admin.audit.views.lastAt"),
            dataIndex: "lastAt",
            render: (at: string) => recordTime(at, true),
          },
          {
            title: "",
            key: "details",
            render: (_, row) =>
              row.actorUserId && (
                <NarrowLink
                  label={t("admin.audit.views.details")}
                  onClick={() => props.onDetails(row.actorUserId as string)}
                />
              ),
          },
        ]}
      />
    </Card>
  );
}
