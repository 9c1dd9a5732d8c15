/**
 * 早市派工: the system proposes offers for the district's gigs starting soon, staff review each
 * with its score and reasons, then send them as invitations the workers accept or decline.
 */
import { Alert, Button, Card, Empty, Form, InputNumber, Result, Space, Table, Tag } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { post } from "../../shared/api.ts";
import { distance } from "../../shared/format.ts";
import { useAction } from "../../shared/useResource.ts";
import { PageTitle } from "../parts.tsx";
import type { DispatchOffer, DispatchPreview } from "../types.ts";

interface Values {
  startingWithinHours: number;
  maxKm: number;
}

export default function Dispatch() {
  const { t } = useTranslation();
  const [preview, setPreview] = useState<DispatchPreview | null>(null);
  const [sent, setSent] = useState<number | null>(null);
  const propose = useAction((values: Values) => post<DispatchPreview>("/api/dispatches/preview", values));
  const send = useAction((id: string) => post<{ invitations: number }>(`/api/dispatches/${id}/send`));

  const runPreview = async (values: Values) => {
    setSent(null);
    const result = await propose.run(values);
    if (result) setPreview(result.value);
  };
  const runSend = async () => {
    if (!preview) return;
    const result = await send.run(preview.dispatchId);
    if (result) {
      setSent(result.value.invitations);
      setPreview(null);
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
          <Form.Item label={t("station.dispatch.window")} name="startingWithinHours">
            <InputNumber min={1} max={72} />
          </Form.Item>
          <Form.Item label={t("station.dispatch.maxKm")} name="maxKm">
            <InputNumber min={0.5} max={50} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={propose.busy}>
            {t("station.dispatch.preview")}
          </Button>
        </Form>
      </Card>
      {(propose.error || send.error) && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={propose.error ?? send.error}
          style={{ marginBottom: 16 }}
        />
      )}
      {sent !== null && (
        <Card>
          <Result status="success" title={t("station.dispatch.sent", { count: sent })} />
        </Card>
      )}
      {!preview && sent === null && !propose.error && (
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
            <Button
              type="primary"
              size="large"
              onClick={() => void runSend()}
              loading={send.busy}
              disabled={preview.offers.length === 0}
            >
              {t("station.dispatch.send")}
            </Button>
          }
        >
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
