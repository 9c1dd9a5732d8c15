/**
 * Working a complaint in its drawer: the follow-up log (跟进记录: calls, visits, mediation, pay
 * recovered) and the hand-off to 劳动保障监察 with its case number and progress.
 */
import { Button, Card, Form, Input, InputNumber, Select, Space, Tag, Timeline } from "antd";
import { useTranslation } from "react-i18next";
import { post } from "../../shared/api.ts";
import type { ComplaintDetail } from "../../shared/api-types.ts";
import { ErrorAlert } from "../../shared/ErrorAlert.tsx";
import { dateTime, yuan } from "../../shared/format.ts";
import { useAction } from "../../shared/useResource.ts";

type Done = (result: { value: ComplaintDetail } | null) => Promise<void>;

const FOLLOW_UP_KINDS = ["call", "visit", "mediation", "note"] as const;
const INSPECTION_STEPS = ["submitted", "accepted", "concluded"] as const;

interface FollowUpValues {
  kind: (typeof FOLLOW_UP_KINDS)[number];
  note: string;
  recoveredYuan?: number;
}

export function FollowUpLog({ complaint: c, done }: { complaint: ComplaintDetail; done: Done }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<FollowUpValues>();
  const add = useAction((values: FollowUpValues) =>
    post<ComplaintDetail>(`/api/complaints/${c.id}/follow-ups`, {
      kind: values.kind,
      note: values.note,
      recoveredFen: values.recoveredYuan ? Math.round(values.recoveredYuan * 100) : undefined,
    }),
  );
  const open = c.status === "in_progress" || c.status === "referred";
  return (
    <Card title={<h2 style={{ margin: 0 }}>{t("station.followUps.title")}</h2>} style={{ marginTop: 16 }}>
      {c.followUps.length === 0 ? (
        <p className="lg-station-hint">{t("station.followUps.empty")}</p>
      ) : (
        <Timeline
          items={c.followUps.map((f) => ({
            key: f.id,
            color: f.kind === "escalation" ? "red" : f.recoveredFen ? "green" : "blue",
            children: (
              <div>
                <strong>{t(`station.followUps.kinds.${f.kind}`)}</strong> · {dateTime(f.at)} ·{" "}
                {f.staffName ?? t("station.followUps.system")}
                <div>{f.note}</div>
                {f.recoveredFen !== null && (
                  <div>{t("station.followUps.recoveredLine", { amount: yuan(f.recoveredFen) })}</div>
                )}
              </div>
            ),
          }))}
        />
      )}
      {open && (
        <Form<FollowUpValues>
          name="follow_up"
          form={form}
          layout="vertical"
          style={{ marginTop: 16 }}
          initialValues={{ kind: "call" }}
          onFinish={async (values) => {
            const result = await add.run(values);
            if (result) form.resetFields();
            await done(result);
          }}
        >
          <ErrorAlert error={add.error} />
          <Form.Item label={t("station.followUps.kind")} name="kind">
            <Select
              style={{ width: 200 }}
              options={FOLLOW_UP_KINDS.map((k) => ({ value: k, label: t(`station.followUps.kinds.${k}`) }))}
            />
          </Form.Item>
          <Form.Item
            label={t("station.followUps.note")}
            name="note"
            rules={[
              {
                required: true,
                min: 2,
                message: t("station.required", { field: t("station.followUps.note") }),
              },
            ]}
          >
            <Input.TextArea rows={2} maxLength={1000} />
          </Form.Item>
          {c.kind === "wage_arrears" && (
            <Form.Item label={t("station.followUps.recovered")} name="recoveredYuan">
              <InputNumber min={0.01} max={1_000_000} style={{ width: 200 }} />
            </Form.Item>
          )}
          <Button htmlType="submit" loading={add.busy}>
            {t("station.followUps.add")}
          </Button>
        </Form>
      )}
    </Card>
  );
}

interface ReferValues {
  caseNumber: string;
  note: string;
}

interface InspectionValues {
  caseNumber?: string;
  note: string;
}

/** 移交劳动保障监察, then the brigade's progress: 已移交 → 已立案 → 已结案. */
export function Inspection({ complaint: c, done }: { complaint: ComplaintDetail; done: Done }) {
  const { t } = useTranslation();
  const refer = useAction((values: ReferValues) =>
    post<ComplaintDetail>(`/api/complaints/${c.id}/referral`, values),
  );
  const next =
    c.inspectionStatus === "submitted" ? "accepted" : c.inspectionStatus === "accepted" ? "concluded" : null;
  const update = useAction((values: InspectionValues) =>
    post<ComplaintDetail>(`/api/complaints/${c.id}/inspection`, {
      status: next,
      note: values.note,
      caseNumber: values.caseNumber || undefined,
    }),
  );
  const required = (field: string) => [
    { required: true, min: 2, message: t("station.required", { field: t(field) }) },
  ];
  if (c.status === "in_progress" && c.mine) {
    return (
      <Card title={<h2 style={{ margin: 0 }}>{t("station.inspection.refer")}</h2>} style={{ marginTop: 16 }}>
        <p className="lg-station-hint">{t("station.inspection.referHint")}</p>
        <ErrorAlert error={refer.error} />
        <Form<ReferValues>
          name="referral"
          layout="vertical"
          onFinish={async (values) => done(await refer.run(values))}
        >
          <Form.Item
            label={t("station.inspection.caseNumber")}
            name="caseNumber"
            rules={required("station.inspection.caseNumber")}
          >
            <Input maxLength={40} placeholder="镇人社监〔2030〕12号" />
          </Form.Item>
          <Form.Item
            label={t("station.inspection.note")}
            name="note"
            rules={required("station.inspection.note")}
          >
            <Input.TextArea rows={2} maxLength={1000} />
          </Form.Item>
          <Button htmlType="submit" loading={refer.busy}>
            {t("station.inspection.referSubmit")}
          </Button>
        </Form>
      </Card>
    );
  }
  if (!c.inspectionStatus) return null;
  return (
    <Card title={<h2 style={{ margin: 0 }}>{t("station.inspection.title")}</h2>} style={{ marginTop: 16 }}>
      <p>
        {t("station.inspection.caseNumber")}：<strong>{c.inspectionCaseNo}</strong>
      </p>
      <Space size={4} wrap style={{ marginBottom: 16 }}>
        {INSPECTION_STEPS.map((step, i) => (
          <Tag
            key={step}
            color={i <= INSPECTION_STEPS.indexOf(c.inspectionStatus ?? "submitted") ? "purple" : undefined}
          >
            {i + 1}. {t(`station.inspection.steps.${step}`)}
          </Tag>
        ))}
      </Space>
      {next && c.status === "referred" && (
        <>
          <ErrorAlert error={update.error} />
          <Form<InspectionValues>
            name="inspection"
            layout="vertical"
            onFinish={async (values) => done(await update.run(values))}
          >
            <Form.Item
              label={t("station.inspection.note")}
              name="note"
              rules={required("station.inspection.note")}
            >
              <Input.TextArea rows={2} maxLength={1000} />
            </Form.Item>
            <Button htmlType="submit" loading={update.busy}>
              {t(`station.inspection.mark.${next}`)}
            </Button>
          </Form>
        </>
      )}
    </Card>
  );
}
