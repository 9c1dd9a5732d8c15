/**
 * 早市派工: the system proposes offers for the district's gigs starting soon, staff review each
 * with its score and reasons, then send them as invitations the workers accept or decline.
 */
import { Alert, Button, Card, Empty, Form, InputNumber, Popconfirm, Space, Table, Tag } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router-dom";
import { post } from "../../shared/api.ts";
import type { DispatchOffer, DispatchPreview, DispatchSent } from "../../shared/api-types.ts";
import { ErrorAlert } from "../../shared/ErrorAlert.tsx";
import { distance } from "../../shared/format.ts";
import { useAction } from "../../shared/useResource.ts";
import { PageTitle } from "../parts.tsx";
import { DispatchProgressCard } from "./DispatchProgress.tsx";

/** The server's longest window (DispatchPreviewBody.startingWithinHours). */
const MAX_WINDOW_HOURS = 168;

interface Values {
  startingWithinHours: number;
  maxKm: number;
}

export default function Dispatch() {
  const { t } = useTranslation();
  const [preview, setPreview] = useState<DispatchPreview | null>(null);
  const [sent, setSent] = useState<DispatchSent | null>(null);
  // The dispatch being followed stays in the address, so a reload or a second counter finds it.
  const [search, setSearch] = useSearchParams();
  const following = search.get("d");
  const propose = useAction((values: Values) => post<DispatchPreview>("/api/dispatches/preview", values));
  const send = useAction((id: string) => post<DispatchSent>(`/api/dispatches/${id}/send`));

  const runPreview = async (values: Values) => {
    setSent(null);
    const result = await propose.run(values);
    if (result) setPreview(result.value);
  };
  const runSend = async () => {
    if (!preview) return;
    const result = await send.run(preview.dispatchId);
    if (result) {
      setSent(result.value);
      setPreview(null);
      setSearch({ d: result.value.dispatchId });
    }
  };
  const titles = new Map(preview?.offers.map((o) => [o.gigId, o.gigTitle]));

  return (
    <>
      <PageTitle title={t("station.dispatch.title")} hint={t("station.dispatch.hint")} />
      <Card style={{ marginBottom: 16 }}>
        <Form
          layout="inline"
          size="large"
          onFinish={runPreview}
          initialValues={{ startingWithinHours: 24, maxKm: 10 }}
        >
          <Form.Item
            label={t("station.dispatch.window")}
            name="startingWithinHours"
            rules={[
              {
                required: true,
                type: "integer",
                min: 1,
                max: MAX_WINDOW_HOURS,
                message: t("station.dispatch.windowRange"),
              },
            ]}
          >
            {/* No min/max here: the field would silently clamp what staff typed; the rule says so instead. */}
            <InputNumber precision={0} />
          </Form.Item>
          <Form.Item label={t("station.dispatch.maxKm")} name="maxKm">
            <InputNumber min={0.5} max={50} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={propose.busy}>
            {t("station.dispatch.preview")}
          </Button>
        </Form>
      </Card>
      <ErrorAlert error={propose.error ?? send.error} />
      {sent !== null && (
        <Alert
          type="success"
          showIcon
          style={{ fontSize: 16 }}
          message={t("station.dispatch.sent", { count: sent.invitations })}
          description={
            [
              sent.alreadyApproached > 0 &&
                t("station.dispatch.notSentApproached", { count: sent.alreadyApproached }),
              sent.gigClosed > 0 && t("station.dispatch.notSentClosed", { count: sent.gigClosed }),
            ]
              .filter(Boolean)
              .join("；") || undefined
          }
        />
      )}
      {following && !preview && (
        <div style={{ marginTop: 16 }}>
          <DispatchProgressCard dispatchId={following} />
        </div>
      )}
      {!preview && sent === null && !following && !propose.error && (
        <Card>
          <Empty description={t("station.dispatch.empty")} />
        </Card>
      )}
      {preview && (
        <Card
          title={
            <h2 style={{ margin: 0 }}>
              {t("station.dispatch.offers", { count: preview.offers.length })} ·{" "}
              {t("station.dispatch.totalScore", { score: preview.totalScore.toFixed(1) })}
            </h2>
          }
          extra={
            <Popconfirm
              title={t("station.dispatch.confirmSend", { count: preview.offers.length })}
              okText={t("station.dispatch.confirmOk")}
              cancelText={t("station.dispatch.confirmCancel")}
              onConfirm={() => runSend()}
              disabled={preview.offers.length === 0}
            >
              <Button type="primary" size="large" loading={send.busy} disabled={preview.offers.length === 0}>
                {t("station.dispatch.send")}
              </Button>
            </Popconfirm>
          }
        >
          {preview.alreadyApproached > 0 && (
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 12 }}
              message={t("station.dispatch.leftOut", { count: preview.alreadyApproached })}
            />
          )}
          <Table<DispatchOffer>
            rowKey={(o) => `${o.gigId}:${o.workerId}`}
            dataSource={preview.offers}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            columns={[
              {
                title: t("station.dispatch.gig"),
                dataIndex: "gigTitle",
                render: (title: string, o) => (
                  <Space direction="vertical" size={0}>
                    <span>{title}</span>
                    <Link to={`../slip/${o.gigId}`} relative="path">
                      {t("station.dispatch.slip")}
                    </Link>
                  </Space>
                ),
              },
              { title: t("station.dispatch.worker"), dataIndex: "workerName" },
              { title: t("station.dispatch.phone"), dataIndex: "phone" },
              {
                title: t("station.dispatch.distance"),
                dataIndex: "distanceKm",
                render: (km: number) => distance(km * 1000),
              },
              { title: t("station.dispatch.score"), dataIndex: "score", render: (s: number) => s.toFixed(2) },
              {
                title: t("station.dispatch.reasons"),
                dataIndex: "reasons",
                render: (reasons: string[]) => (
                  <ul className="lg-station-reasons">
                    {reasons.map((r) => (
                      <li key={r}>{r}</li>
                    ))}
                  </ul>
                ),
              },
            ]}
          />
          {preview.unfilled.length > 0 && (
            <>
              <h2 style={{ marginTop: 16 }}>{t("station.dispatch.unfilled")}</h2>
              <Space wrap>
                {preview.unfilled.map((u) => (
                  <Tag key={u.gigId} color="orange" style={{ fontSize: 15, padding: "4px 8px" }}>
                    {titles.get(u.gigId) ?? u.gigId.slice(0, 8)} ·{" "}
                    {t("station.dispatch.placesLeft", { count: u.placesLeft })}
                  </Tag>
                ))}
              </Space>
            </>
          )}
        </Card>
      )}
    </>
  );
}
