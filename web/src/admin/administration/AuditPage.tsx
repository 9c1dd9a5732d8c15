/**
 * 审计日志: who did what, and who saw whose personal data; searched by action, personal data
 * only and dates (Beijing days), newest first, a page at a time.
 */
import "./administration.css";
import { AutoComplete, Button, Card, Checkbox, DatePicker, Form, Space, Table, Tag, Typography } from "antd";
import type { Dayjs } from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { AuditQuery, AuditRow } from "../../shared/api-types.ts";
import { ErrorAlert } from "../../shared/ErrorAlert.tsx";
import { useResource } from "../../shared/useResource.ts";
import { recordTime } from "../format.ts";
import { PageTitle } from "../PageTitle.tsx";
import { administration } from "./api.ts";
import { PersonalViews } from "./PersonalViews.tsx";
import { AdministrationTheme, NarrowLink, StaffName } from "./parts.tsx";

const PAGE_SIZE = 50;

/** Actions the server writes, offered as suggestions; any other code may be typed. */
const KNOWN_ACTIONS = [
  "station.created",
  "station.updated",
  "station.deactivated",
  "staff.created",
  "staff.updated",
  "staff.disabled",
  "staff.enabled",
  "staff.password_reset",
  "category.created",
  "category.updated",
  "city_settings.updated",
  "worker.contact_viewed",
  "complaint.view",
  "complaint.assign",
  "complaint.resolve",
  "employer.verified",
  "employer.rejected",
  "station.register_worker",
  "station.service_record",
  "station.print_slip",
  "monitoring.drilldown",
  "account.signed_in",
  "notification.dead_letter_retried",
  "job_alert.created_for_worker",
  "job_alert.stopped_for_worker",
];

interface Filters {
  action?: string;
  personalDataOnly?: boolean;
  dates?: [Dayjs | null, Dayjs | null] | null;
}

/** A Beijing calendar day's start (or the next day's start, for the end of a range) as UTC. */
function dayBound(day: Dayjs | null | undefined, end: boolean): string | undefined {
  if (!day) return undefined;
  const start = new Date(`${day.format("YYYY-MM-DD")}T00:00:00+08:00`);
  return new Date(start.getTime() + (end ? 86_400_000 - 1 : 0)).toISOString();
}

export default function AuditPage() {
  const { t } = useTranslation();
  const [query, setQuery] = useState<AuditQuery>({});
  const [offset, setOffset] = useState(0);
  const page = useResource(
    () => administration.audit({ ...query, offset, limit: PAGE_SIZE }),
    [query, offset],
  );
  const actionLabel = (action: string) => t(`admin.audit.actions.${action}`, { defaultValue: action });

  /** Narrows the log to one staff member (actorUserId) or one person seen (subjectId), or widens it again. */
  const narrow = (key: "actorUserId" | "subjectId", id: string | undefined) => {
    setOffset(0);
    setQuery({ ...query, [key]: id });
  };
  const search = (values: Filters) => {
    setOffset(0);
    setQuery({
      actorUserId: query.actorUserId,
      subjectId: query.subjectId,
      action: values.action?.trim() || undefined,
      personalDataOnly: values.personalDataOnly || undefined,
      from: dayBound(values.dates?.[0], false),
      to: dayBound(values.dates?.[1], true),
    });
  };

  return (
    <AdministrationTheme>
      <PageTitle title={t("admin.menu.audit")} />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Form<Filters> layout="inline" onFinish={search} className="lg-admin-audit-filters">
          <Form.Item name="action" label={t("admin.audit.action")}>
            <AutoComplete
              allowClear
              style={{ width: 240 }}
              placeholder={t("admin.audit.anyAction")}
              options={KNOWN_ACTIONS.map((a) => ({ value: a, label: `${actionLabel(a)} (${a})` }))}
              showSearch={{
                filterOption: (input, option) =>
                  String(option?.label ?? "")
                    .toLowerCase()
                    .includes(input.toLowerCase()),
              }}
            />
          </Form.Item>
          <Form.Item name="dates" label={t("admin.audit.dates")}>
            <DatePicker.RangePicker allowEmpty={[true, true]} />
          </Form.Item>
          <Form.Item name="personalDataOnly" valuePropName="checked">
            <Checkbox>{t("admin.audit.personalDataOnly")}</Checkbox>
          </Form.Item>
          {query.actorUserId && (
            <Form.Item>
              <Tag closable onClose={() => narrow("actorUserId", undefined)}>
                {t("admin.audit.onlyActor")}
              </Tag>
            </Form.Item>
          )}
          {query.subjectId && (
            <Form.Item>
              <Tag closable onClose={() => narrow("subjectId", undefined)}>
                {t("admin.audit.onlySubject", { id: query.subjectId })}
              </Tag>
            </Form.Item>
          )}
          <Form.Item>
            <Button type="primary" htmlType="submit">
              {t("admin.audit.search")}
            </Button>
          </Form.Item>
        </Form>
      </Card>
      <PersonalViews
        dates={{ from: query.from, to: query.to }}
        onDetails={(actorUserId) => {
          setOffset(0);
          setQuery({ ...query, actorUserId, personalDataOnly: true });
        }}
      />
      <ErrorAlert error={page.error} retry={() => void page.reload()} />
      <Card size="small">
        <Table<AuditRow>
          size="small"
          rowKey="id"
          loading={page.loading}
          dataSource={page.data?.items ?? []}
          pagination={false}
          locale={{ emptyText: t("admin.audit.empty") }}
          expandable={{
            rowExpandable: (row) => row.detail !== null,
            expandedRowRender: (row) => (
              <pre className="lg-admin-audit-detail">{JSON.stringify(row.detail, null, 2)}</pre>
            ),
          }}
          columns={[
            {
              title: t("admin.audit.at"),
              dataIndex: "at",
              render: (at: string) => recordTime(at, true),
              width: 170,
            },
            {
              title: t("admin.audit.actor"),
              key: "actor",
              render: (_, row) => (
                <StaffName name={row.actorName} role={row.actorRole}>
                  {row.actorUserId && row.actorUserId !== query.actorUserId && (
                    <NarrowLink
                      label={t("admin.audit.narrowActor")}
                      onClick={() => narrow("actorUserId", row.actorUserId ?? undefined)}
                    />
                  )}
                </StaffName>
              ),
            },
            {
              title: t("admin.audit.action"),
              dataIndex: "action",
              render: (action: string, row) => (
                <Space size={4} wrap>
                  {actionLabel(action)}
                  {row.personalData && <Tag color="red">{t("admin.audit.personalData")}</Tag>}
                </Space>
              ),
            },
            {
              title: t("admin.audit.subject"),
              key: "subject",
              render: (_, row) => (
                <Typography.Text type="secondary" className="lg-admin-audit-subject">
                  {row.subjectType}
                  {row.subjectId ? ` · ${row.subjectId}` : ""}
                  {row.subjectId && row.subjectId !== query.subjectId && (
                    <NarrowLink
                      label={t("admin.audit.narrowSubject")}
                      onClick={() => narrow("subjectId", row.subjectId ?? undefined)}
                    />
                  )}
                </Typography.Text>
              ),
            },
            { title: t("admin.audit.ip"), dataIndex: "ip", render: (ip: string | null) => ip ?? "—" },
          ]}
        />
        <Space style={{ marginTop: 12 }}>
          <Button
            disabled={offset === 0 || page.loading}
            onClick={() => setOffset(Math.max(0, offset - PAGE_SIZE))}
          >
            {t("admin.audit.previous")}
          </Button>
          <Button
            disabled={page.data?.nextOffset == null || page.loading}
            onClick={() => setOffset(page.data?.nextOffset ?? offset)}
          >
            {t("admin.audit.next")}
          </Button>
          {(page.data?.items.length ?? 0) > 0 && (
            <Typography.Text type="secondary">
              {t("admin.audit.showing", { from: offset + 1, to: offset + (page.data?.items.length ?? 0) })}
            </Typography.Text>
          )}
        </Space>
      </Card>
    </AdministrationTheme>
  );
}
