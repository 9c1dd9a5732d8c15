/**
 * 为她办理: the counter acting for one worker without a smartphone, with her consent — gigs that
 * suit her, her invitations, her booked work (confirm, cancel, check in with the employer's code,
 * check out, print her slip) and her pay. Every button runs her own command through the station's
 * 代办 routes, which record who did it and how she agreed.
 */

import {
  Alert,
  Button,
  Card,
  Empty,
  Form,
  Input,
  InputNumber,
  List,
  Modal,
  Radio,
  Select,
  Space,
  Tag,
} from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate, useParams } from "react-router-dom";
import { get, post } from "../../shared/api.ts";
import type { GigRecommendation, WorkOfWorker } from "../../shared/api-types.ts";
import { WORKER_CANCEL_REASONS } from "../../shared/choices.ts";
import { ErrorAlert } from "../../shared/ErrorAlert.tsx";
import { payLabel, timeRange, yuan } from "../../shared/format.ts";
import { PageLoading } from "../../shared/PageLoading.tsx";
import { useSession } from "../../shared/session.tsx";
import { useAction, useResource } from "../../shared/useResource.ts";
import { PageTitle } from "../parts.tsx";
import { WalkInAlerts } from "./WalkInAlerts.tsx";

type Work = WorkOfWorker;
type Booking = Work["bookings"][number];

const CHECK_IN_STATES = new Set(["booked", "confirmed"]);
const COMPLAINT_KINDS = ["wage_arrears", "fake_post", "upfront_fee", "abuse", "safety", "other"] as const;

interface ComplaintValues {
  kind: (typeof COMPLAINT_KINDS)[number];
  amountYuan?: number;
  bookingId?: string;
  description: string;
}

export default function WorkerDesk() {
  const { t } = useTranslation();
  const { workerId = "" } = useParams();
  const { base } = useSession();
  const navigate = useNavigate();
  const [consent, setConsent] = useState("inPerson");
  const [codes, setCodes] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState<string | null>(null);
  const [complaintForm] = Form.useForm<ComplaintValues>();
  const complaintKind = Form.useWatch("kind", complaintForm);
  const root = `/api/stations/workers/${workerId}`;
  const work = useResource(() => get<WorkOfWorker>(`${root}/work`), [workerId]);
  const gigs = useResource(() => get<GigRecommendation[]>(`${root}/recommendations`, { k: 10 }), [workerId]);

  const consentNote = t(
    consent === "inPerson" ? "station.desk.consentInPerson" : "station.desk.consentByPhone",
  );
  const act = useAction(async (path: string, body: Record<string, unknown> = {}) => {
    await post(`${root}${path}`, { ...body, consentNote });
    await Promise.all([work.reload(), gigs.reload()]);
  });
  const run = async (path: string, body?: Record<string, unknown>, done = t("station.desk.done")) => {
    setNotice(null);
    if (await act.run(path, body)) setNotice(done);
  };

  if (work.error) return <ErrorAlert error={work.error} retry={() => void work.reload()} />;
  if (!work.data) return <PageLoading />;
  const { worker, applications, bookings, earnings } = work.data;
  const appliedGigs = new Set(applications.filter((a) => a.status === "pending").map((a) => a.gigId));

  const cancel = (booking: Booking) => {
    let reasonCode: string = WORKER_CANCEL_REASONS[0];
    Modal.confirm({
      title: `${t("station.desk.cancel")} · ${booking.gig.title}`,
      content: (
        <Select
          aria-label={t("station.desk.cancelReason")}
          defaultValue={reasonCode}
          style={{ width: "100%" }}
          onChange={(value: string) => {
            reasonCode = value;
          }}
          options={WORKER_CANCEL_REASONS.map((r) => ({ value: r, label: t(`cancelReason.${r}`) }))}
        />
      ),
      onOk: () => run(`/bookings/${booking.id}/cancel`, { reasonCode }),
    });
  };

  const dispute = (paymentId: string) => {
    let reason = "";
    Modal.confirm({
      title: t("station.desk.disputePay"),
      content: (
        <Input.TextArea
          aria-label={t("station.desk.disputeReason")}
          placeholder={t("station.desk.disputeReason")}
          maxLength={500}
          onChange={(e) => {
            reason = e.target.value;
          }}
        />
      ),
      onOk: () => run(`/payments/${paymentId}/dispute`, { reason }),
    });
  };

  const bookingActions = (b: Booking) => {
    const actions = [];
    if (b.status === "booked")
      actions.push(
        <Button key="confirm" type="primary" onClick={() => void run(`/bookings/${b.id}/confirm`)}>
          {t("station.desk.confirm")}
        </Button>,
      );
    if (CHECK_IN_STATES.has(b.status))
      actions.push(
        <Space.Compact key="in">
          <Input
            aria-label={t("station.desk.code")}
            placeholder={t("station.desk.code")}
            title={t("station.desk.codeHint")}
            inputMode="numeric"
            style={{ width: 120 }}
            value={codes[b.id] ?? ""}
            onChange={(e) => setCodes({ ...codes, [b.id]: e.target.value.trim() })}
          />
          <Button
            disabled={!codes[b.id]}
            onClick={() => void run(`/bookings/${b.id}/check-in`, { code: codes[b.id] })}
          >
            {t("station.desk.checkIn")}
          </Button>
        </Space.Compact>,
        <Button key="cancel" onClick={() => cancel(b)}>
          {t("station.desk.cancel")}
        </Button>,
      );
    if (b.status === "checked_in")
      actions.push(
        <Button
          key="out"
          onClick={() =>
            Modal.confirm({
              title: t("station.desk.checkOut"),
              content: t("station.desk.checkOutConfirm"),
              onOk: () => run(`/bookings/${b.id}/check-out`),
            })
          }
        >
          {t("station.desk.checkOut")}
        </Button>,
      );
    actions.push(
      <Button key="slip" onClick={() => navigate(`${base}/slip/${b.gigId}?worker=${workerId}`)}>
        {t("station.desk.slip")}
      </Button>,
    );
    return actions;
  };

  return (
    <>
      <PageTitle
        title={t("station.desk.title", { name: worker.name })}
        extra={<Button onClick={() => navigate(`${base}/workers`)}>{t("station.desk.back")}</Button>}
      />
      <Card className="lg-station-consent">
        <Space direction="vertical">
          <Radio.Group
            aria-label={t("station.desk.consent")}
            value={consent}
            onChange={(e) => setConsent(e.target.value)}
            optionType="button"
            buttonStyle="solid"
            size="large"
            options={[
              { value: "inPerson", label: t("station.desk.consentInPerson") },
              { value: "byPhone", label: t("station.desk.consentByPhone") },
            ]}
          />
          <span className="lg-station-hint">{t("station.desk.consentHint")}</span>
        </Space>
      </Card>
      <ErrorAlert error={act.error} />
      {notice && !act.error && (
        <Alert type="success" showIcon role="status" title={notice} style={{ marginTop: 16 }} />
      )}

      <Card title={<h2 className="lg-station-h2">{t("station.desk.work")}</h2>} style={{ marginTop: 16 }}>
        {bookings.length === 0 ? (
          <Empty description={t("station.desk.workEmpty")} />
        ) : (
          <List
            dataSource={bookings}
            renderItem={(b) => (
              <List.Item actions={bookingActions(b)} data-testid={`booking-${b.id}`}>
                <List.Item.Meta
                  title={
                    <span>
                      {b.gig.title} <Tag color="blue">{t(`bookingStatus.${b.status}`)}</Tag>
                    </span>
                  }
                  description={`${timeRange(b.gig.startsAt, b.gig.endsAt)} · ${b.gig.address} · ${b.employerName}`}
                />
              </List.Item>
            )}
          />
        )}
      </Card>

      <Card title={<h2 className="lg-station-h2">{t("station.desk.offers")}</h2>} style={{ marginTop: 16 }}>
        {applications.length === 0 ? (
          <Empty description={t("station.desk.offersEmpty")} />
        ) : (
          <List
            dataSource={applications}
            renderItem={(a) => (
              <List.Item
                actions={
                  a.kind === "invitation" && a.status === "pending"
                    ? [
                        <Button
                          key="accept"
                          type="primary"
                          onClick={() => void run(`/applications/${a.id}/accept`)}
                        >
                          {t("station.desk.accept")}
                        </Button>,
                        <Button key="decline" onClick={() => void run(`/applications/${a.id}/decline`)}>
                          {t("station.desk.decline")}
                        </Button>,
                      ]
                    : []
                }
              >
                <List.Item.Meta
                  title={
                    <span>
                      {a.gig.title} <Tag>{t(`applicationStatus.${a.kind}.${a.status}`)}</Tag>
                    </span>
                  }
                  description={`${timeRange(a.gig.startsAt, a.gig.endsAt)} · ${payLabel(a.gig.payFen, a.gig.payUnit)} · ${a.employerName}`}
                />
              </List.Item>
            )}
          />
        )}
      </Card>

      <Card
        title={<h2 className="lg-station-h2">{t("station.desk.recommended")}</h2>}
        style={{ marginTop: 16 }}
      >
        {gigs.error && <ErrorAlert error={gigs.error} retry={() => void gigs.reload()} />}
        {!gigs.error && (gigs.data ?? []).length === 0 ? (
          <Empty description={t("station.desk.recommendedEmpty")} />
        ) : (
          <List
            loading={gigs.loading && !gigs.data}
            dataSource={gigs.data ?? []}
            renderItem={(g) => (
              <List.Item
                data-testid={`recommended-${g.gigId}`}
                actions={[
                  <Button
                    key="apply"
                    type="primary"
                    size="large"
                    disabled={appliedGigs.has(g.gigId)}
                    onClick={() => void run("/applications", { gigId: g.gigId }, t("station.desk.applied"))}
                  >
                    {t("station.desk.apply")}
                  </Button>,
                ]}
              >
                <List.Item.Meta
                  title={`${g.title} · ${payLabel(g.payFen, g.payUnit as "day" | "hour" | "piece")}`}
                  description={
                    <>
                      {timeRange(g.startsAt, g.endsAt)} · {g.address} ·{" "}
                      {t("station.desk.places", { count: g.placesLeft })}
                      <ul className="lg-station-reasons">
                        {g.reasons.map((r) => (
                          <li key={r}>{r}</li>
                        ))}
                      </ul>
                    </>
                  }
                />
              </List.Item>
            )}
          />
        )}
      </Card>

      <Card title={<h2 className="lg-station-h2">{t("station.desk.pay")}</h2>} style={{ marginTop: 16 }}>
        {earnings.items.length === 0 ? (
          <Empty description={t("station.desk.payEmpty")} />
        ) : (
          <List
            dataSource={earnings.items}
            renderItem={(line) => (
              <List.Item
                actions={line.payments
                  .filter((p) => p.status === "recorded")
                  .flatMap((p) => [
                    <Button
                      key={`c${p.id}`}
                      type="primary"
                      onClick={() => void run(`/payments/${p.id}/confirm`)}
                    >
                      {t("station.desk.confirmPay", { amount: yuan(p.amountFen) })}
                    </Button>,
                    <Button key={`d${p.id}`} onClick={() => dispute(p.id)}>
                      {t("station.desk.disputePay")}
                    </Button>,
                  ])}
              >
                <List.Item.Meta
                  title={
                    <span>
                      {line.gigTitle} <Tag>{t(`payStatus.${line.status}`)}</Tag>
                    </span>
                  }
                  description={`${line.date} · ${line.employerName} · ${yuan(line.paidFen)}`}
                />
              </List.Item>
            )}
          />
        )}
      </Card>

      <Card
        title={<h2 className="lg-station-h2">{t("station.desk.complaint")}</h2>}
        style={{ marginTop: 16 }}
      >
        <p className="lg-station-hint">{t("station.desk.complaintHint")}</p>
        <Form<ComplaintValues>
          name="complaint_for_her"
          form={complaintForm}
          layout="vertical"
          initialValues={{ kind: "wage_arrears" }}
          onFinish={async (values) => {
            setNotice(null);
            const filed = await act.run("/complaints", {
              kind: values.kind,
              bookingId: values.bookingId,
              description: values.description,
              amountFen:
                values.kind === "wage_arrears" && values.amountYuan
                  ? Math.round(values.amountYuan * 100)
                  : undefined,
            });
            if (filed) {
              complaintForm.resetFields();
              setNotice(t("station.desk.complaintFiled"));
            }
          }}
        >
          <Form.Item label={t("station.desk.complaintKind")} name="kind">
            <Select
              style={{ width: 240 }}
              options={COMPLAINT_KINDS.map((k) => ({ value: k, label: t(`station.complaints.kinds.${k}`) }))}
            />
          </Form.Item>
          <Form.Item
            label={t("station.desk.complaintWork")}
            name="bookingId"
            rules={[
              {
                required: complaintKind === "wage_arrears",
                message: t("station.desk.complaintWorkRequired"),
              },
            ]}
          >
            <Select
              allowClear
              style={{ maxWidth: 480 }}
              options={bookings.map((b) => ({
                value: b.id,
                label: `${b.gig.title} · ${timeRange(b.gig.startsAt, b.gig.endsAt)}`,
              }))}
            />
          </Form.Item>
          {complaintKind === "wage_arrears" && (
            <Form.Item label={t("station.desk.complaintAmount")} name="amountYuan">
              <InputNumber min={0.01} max={1_000_000} style={{ width: 240 }} />
            </Form.Item>
          )}
          <Form.Item
            label={t("station.desk.complaintText")}
            name="description"
            rules={[{ required: true, min: 4, message: t("station.desk.complaintTextRequired") }]}
          >
            <Input.TextArea rows={3} maxLength={1000} />
          </Form.Item>
          <Button htmlType="submit" loading={act.busy}>
            {t("station.desk.fileComplaint")}
          </Button>
        </Form>
      </Card>

      <WalkInAlerts workerId={workerId} />
    </>
  );
}
