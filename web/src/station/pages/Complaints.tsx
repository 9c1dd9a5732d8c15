/** 投诉处理: the district's complaints, due soonest first; take one, then close it with its outcome. */

import {
  Alert,
  Button,
  Card,
  Checkbox,
  Descriptions,
  Drawer,
  Form,
  Input,
  InputNumber,
  Radio,
  Select,
  Space,
  Table,
  Tag,
} from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { get, post } from "../../shared/api.ts";
import type { Complaint, ComplaintDetail } from "../../shared/api-types.ts";
import { COMPLAINT_KINDS, COMPLAINT_STATUSES } from "../../shared/choices.ts";
import { ErrorAlert } from "../../shared/ErrorAlert.tsx";
import { dateTime, yuan } from "../../shared/format.ts";
import { useAction, useResource } from "../../shared/useResource.ts";
import { PageTitle } from "../parts.tsx";
import { FollowUpLog, Inspection } from "./ComplaintHandling.tsx";

const STATUS_COLOURS = {
  open: "red",
  in_progress: "blue",
  referred: "purple",
  resolved: "green",
  rejected: "default",
} as const;

function StatusTag({ complaint }: { complaint: Complaint }) {
  const { t } = useTranslation();
  return (
    <Space size={4} wrap>
      <Tag color={STATUS_COLOURS[complaint.status]}>
        {t(`station.complaints.statuses.${complaint.status}`)}
      </Tag>
      {complaint.overdue && <Tag color="volcano">{t("station.complaints.overdue")}</Tag>}
      {complaint.escalationLevel > 0 && <Tag color="magenta">{t("station.complaints.escalated")}</Tag>}
      {complaint.filedOnBehalf && <Tag>{t("station.complaints.onBehalf")}</Tag>}
    </Space>
  );
}

interface ResolveValues {
  outcome: "resolved" | "rejected";
  resolution: string;
  recoveredYuan?: number;
}

function ComplaintDrawer({
  id,
  onClose,
  onChanged,
}: {
  id: string;
  onClose: () => void;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const detail = useResource(() => get<ComplaintDetail>(`/api/complaints/${id}`), [id]);
  const [shown, setShown] = useState<ComplaintDetail | null>(null);
  const assign = useAction(() => post<ComplaintDetail>(`/api/complaints/${id}/assign`));
  const resolve = useAction((values: ResolveValues) =>
    post<ComplaintDetail>(`/api/complaints/${id}/resolve`, {
      outcome: values.outcome,
      resolution: values.resolution,
      recoveredFen: values.recoveredYuan === undefined ? undefined : Math.round(values.recoveredYuan * 100),
    }),
  );
  const c = shown ?? detail.data;
  const done = async (result: { value: ComplaintDetail } | null) => {
    if (!result) return;
    setShown(result.value);
    onChanged();
  };

  return (
    <Drawer
      open
      width={640}
      title={t("station.complaints.detail")}
      onClose={onClose}
      rootClassName="lg-station-portal"
    >
      <ErrorAlert error={detail.error} retry={detail.reload} />
      <ErrorAlert error={assign.error ?? resolve.error} />
      {c && (
        <section
          // biome-ignore lint/a11y/noNoninteractiveTabindex: the drawer's scrolling text must be reachable by keyboard once no form is left in it
          tabIndex={0}
          aria-label={t("station.complaints.detail")}
          className="lg-station-drawer-content"
        >
          {c.employerOpenArrears && c.employerOpenArrears.count > 0 && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 16 }}
              title={t("station.complaints.arrearsFlag", {
                count: c.employerOpenArrears.count,
                amount: yuan(c.employerOpenArrears.amountFen),
              })}
            />
          )}
          <Descriptions column={1} bordered size="middle">
            <Descriptions.Item label={t("station.complaints.kind")}>
              {t(`station.complaints.kinds.${c.kind}`)}
            </Descriptions.Item>
            <Descriptions.Item label={t("station.complaints.status")}>
              <StatusTag complaint={c} />
            </Descriptions.Item>
            <Descriptions.Item label={t("station.complaints.complainant")}>
              {c.complainantName}
            </Descriptions.Item>
            <Descriptions.Item label={t("station.complaints.phone")}>
              {c.complainantPhone ?? "—"}
            </Descriptions.Item>
            <Descriptions.Item label={t("station.complaints.employer")}>
              {c.employerName ?? "—"}
            </Descriptions.Item>
            <Descriptions.Item label={t("station.complaints.gig")}>{c.gigTitle ?? "—"}</Descriptions.Item>
            {c.amountFen !== null && (
              <Descriptions.Item label={t("station.complaints.amount")}>
                {yuan(c.amountFen)}
              </Descriptions.Item>
            )}
            <Descriptions.Item label={t("station.complaints.description")}>{c.description}</Descriptions.Item>
            {c.consentNote && (
              <Descriptions.Item label={t("station.complaints.consent")}>{c.consentNote}</Descriptions.Item>
            )}
            <Descriptions.Item label={t("station.complaints.filedAt")}>
              {dateTime(c.createdAt)}
            </Descriptions.Item>
            <Descriptions.Item label={t("station.complaints.due")}>{dateTime(c.dueAt)}</Descriptions.Item>
            <Descriptions.Item label={t("station.complaints.handler")}>
              {c.assignedToName ?? "—"}
            </Descriptions.Item>
            {c.resolution && (
              <Descriptions.Item label={t("station.complaints.resolution")}>{c.resolution}</Descriptions.Item>
            )}
            {c.recoveredFen !== null && (
              <Descriptions.Item label={t("station.complaints.recoveredShown")}>
                {yuan(c.recoveredFen)}
              </Descriptions.Item>
            )}
          </Descriptions>
          <p className="lg-station-hint" style={{ marginTop: 8 }}>
            {t("station.complaints.personalNote")}
          </p>
          {(c.status === "open" || (c.status === "in_progress" && !c.mine)) && (
            <Button
              type="primary"
              size="large"
              loading={assign.busy}
              onClick={async () => done(await assign.run())}
            >
              {t("station.complaints.assign")}
            </Button>
          )}
          <FollowUpLog complaint={c} done={done} />
          <Inspection complaint={c} done={done} />
          {(c.status === "in_progress" || c.status === "referred") && c.mine && (
            <Card
              style={{ marginTop: 16 }}
              title={<h2 style={{ margin: 0 }}>{t("station.complaints.resolve")}</h2>}
            >
              <Form<ResolveValues>
                layout="vertical"
                size="large"
                initialValues={{
                  outcome: "resolved",
                  recoveredYuan: c.amountFen === null ? undefined : c.amountFen / 100,
                }}
                onFinish={async (values) => done(await resolve.run(values))}
              >
                <Form.Item label={t("station.complaints.outcome")} name="outcome">
                  <Radio.Group>
                    <Radio value="resolved">{t("station.complaints.resolved")}</Radio>
                    <Radio value="rejected">{t("station.complaints.rejected")}</Radio>
                  </Radio.Group>
                </Form.Item>
                <Form.Item
                  label={t("station.complaints.resolution")}
                  name="resolution"
                  rules={[
                    {
                      required: true,
                      min: 2,
                      message: t("station.required", { field: t("station.complaints.resolution") }),
                    },
                  ]}
                >
                  <Input.TextArea rows={3} maxLength={1000} />
                </Form.Item>
                {c.kind === "wage_arrears" && (
                  <Form.Item label={t("station.complaints.recovered")} name="recoveredYuan">
                    <InputNumber min={0} max={1_000_000} style={{ width: 200 }} />
                  </Form.Item>
                )}
                <Button type="primary" htmlType="submit" loading={resolve.busy}>
                  {t("station.complaints.submit")}
                </Button>
              </Form>
            </Card>
          )}
        </section>
      )}
    </Drawer>
  );
}

export default function Complaints() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<string>("");
  const [kind, setKind] = useState<string>("");
  const [overdue, setOverdue] = useState(false);
  const [openId, setOpenId] = useState<string | null>(null);
  const list = useResource(
    () => get<Complaint[]>("/api/complaints", { status, kind, overdue }),
    [status, kind, overdue],
  );

  return (
    <>
      <PageTitle title={t("station.complaints.title")} />
      <Card style={{ marginBottom: 16 }}>
        <Space size="large" wrap>
          <span>
            {t("station.complaints.status")}{" "}
            <Select
              style={{ width: 160 }}
              value={status}
              onChange={setStatus}
              aria-label={t("station.complaints.status")}
              options={[
                { value: "", label: t("station.complaints.all") },
                ...COMPLAINT_STATUSES.map((s) => ({
                  value: s,
                  label: t(`station.complaints.statuses.${s}`),
                })),
              ]}
            />
          </span>
          <span>
            {t("station.complaints.kind")}{" "}
            <Select
              style={{ width: 160 }}
              value={kind}
              onChange={setKind}
              aria-label={t("station.complaints.kind")}
              options={[
                { value: "", label: t("station.complaints.all") },
                ...COMPLAINT_KINDS.map((k) => ({ value: k, label: t(`station.complaints.kinds.${k}`) })),
              ]}
            />
          </span>
          <Checkbox checked={overdue} onChange={(e) => setOverdue(e.target.checked)}>
            {t("station.complaints.overdueOnly")}
          </Checkbox>
        </Space>
      </Card>
      <ErrorAlert error={list.error} retry={list.reload} />
      <Card>
        <Table<Complaint>
          rowKey="id"
          loading={list.loading}
          dataSource={list.data ?? []}
          locale={{ emptyText: t("station.complaints.empty") }}
          pagination={{ pageSize: 15, hideOnSinglePage: true }}
          columns={[
            {
              title: t("station.complaints.kind"),
              dataIndex: "kind",
              render: (k: string) => t(`station.complaints.kinds.${k}`),
            },
            {
              title: t("station.complaints.status"),
              key: "status",
              render: (_, c) => <StatusTag complaint={c} />,
            },
            { title: t("station.complaints.complainant"), dataIndex: "complainantName" },
            { title: t("station.complaints.employer"), dataIndex: "employerName" },
            {
              title: t("station.complaints.amount"),
              dataIndex: "amountFen",
              render: (fen: number | null) => (fen === null ? "—" : yuan(fen)),
            },
            { title: t("station.complaints.due"), dataIndex: "dueAt", render: (d: string) => dateTime(d) },
            {
              title: t("station.complaints.handler"),
              dataIndex: "assignedToName",
              render: (n: string | null) => n ?? "—",
            },
            {
              title: "",
              key: "open",
              render: (_, c) => (
                <Button
                  onClick={() => setOpenId(c.id)}
                  aria-label={`${t("station.complaints.open")} ${c.complainantName}`}
                >
                  {t("station.complaints.open")}
                </Button>
              ),
            },
          ]}
        />
      </Card>
      {openId && (
        <ComplaintDrawer id={openId} onClose={() => setOpenId(null)} onChanged={() => void list.reload()} />
      )}
    </>
  );
}
