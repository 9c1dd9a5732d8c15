/**
 * 派工进展: after a dispatch is sent, where each invitation stands — followed live, so an answer
 * in the worker's app or a call logged at the next counter shows here at once. Women who have no
 * app are phoned: the call card shows her number and what to say, and staff record her answer.
 */
import { Alert, Badge, Button, Card, Modal, Space, Table, Tag } from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { get, post } from "../../shared/api.ts";
import type { CallCard, DispatchProgress, DispatchProgressOffer } from "../../shared/api-types.ts";
import { ErrorAlert } from "../../shared/ErrorAlert.tsx";
import { dateTime } from "../../shared/format.ts";
import { useAction } from "../../shared/useResource.ts";

const STATUS_COLOUR: Record<DispatchProgressOffer["status"], string> = {
  invited: "processing",
  accepted: "success",
  declined: "default",
  expired: "warning",
  not_sent: "default",
};

/** The dispatch's progress from its event stream; the browser reconnects by itself. */
function useProgress(dispatchId: string) {
  const [progress, setProgress] = useState<DispatchProgress | null>(null);
  const [connected, setConnected] = useState(false);
  useEffect(() => {
    const source = new EventSource(`/api/dispatches/${dispatchId}/stream`, { withCredentials: true });
    source.onopen = () => setConnected(true);
    source.onerror = () => setConnected(false);
    source.addEventListener("progress", (event) => {
      setProgress(JSON.parse((event as MessageEvent<string>).data) as DispatchProgress);
      setConnected(true);
    });
    return () => source.close();
  }, [dispatchId]);
  return { progress, setProgress, connected };
}

export function DispatchProgressCard({ dispatchId }: { dispatchId: string }) {
  const { t } = useTranslation();
  const { progress, setProgress, connected } = useProgress(dispatchId);
  const [calling, setCalling] = useState<DispatchProgressOffer | null>(null);
  const [card, setCard] = useState<CallCard | null>(null);
  const openCard = useAction((offer: DispatchProgressOffer) =>
    get<CallCard>(`/api/dispatches/${dispatchId}/offers/${offer.offerId}/call-card`),
  );
  const answer = useAction(
    async (offer: DispatchProgressOffer, outcome: "accepted" | "declined" | "noAnswer") => {
      if (outcome === "noAnswer")
        return setProgress(
          await post<DispatchProgress>(
            `/api/dispatches/${dispatchId}/offers/${offer.offerId}/unanswered-calls`,
          ),
        );
      const act = outcome === "accepted" ? "accept" : "decline";
      const consentNote = t(
        outcome === "accepted"
          ? "station.dispatch.progress.consentAccept"
          : "station.dispatch.progress.consentDecline",
      );
      await post(`/api/stations/workers/${offer.workerId}/applications/${offer.applicationId}/${act}`, {
        consentNote,
      });
      setProgress(await get<DispatchProgress>(`/api/dispatches/${dispatchId}`));
    },
  );

  const call = async (offer: DispatchProgressOffer) => {
    setCalling(offer);
    setCard(null);
    const result = await openCard.run(offer);
    if (result) setCard(result.value);
  };
  const close = () => {
    setCalling(null);
    setCard(null);
    answer.setError(null);
  };
  const record = async (outcome: "accepted" | "declined" | "noAnswer") => {
    if (!calling) return;
    if (await answer.run(calling, outcome)) close();
  };

  return (
    <Card
      data-testid="dispatch-progress"
      title={<h2 style={{ margin: 0 }}>{t("station.dispatch.progress.title")}</h2>}
      extra={
        <Badge
          status={connected ? "processing" : "warning"}
          text={connected ? t("station.dispatch.progress.live") : t("station.dispatch.progress.reconnecting")}
        />
      }
    >
      {progress && (
        <>
          <Space wrap style={{ marginBottom: 12 }} aria-live="polite" data-testid="dispatch-counts">
            {(["invited", "accepted", "declined", "expired", "not_sent"] as const)
              .filter((s) => s === "invited" || s === "accepted" || progress.counts[s] > 0)
              .map((s) => (
                <Tag key={s} color={STATUS_COLOUR[s]} style={{ fontSize: 16, padding: "4px 10px" }}>
                  {t(`station.dispatch.progress.counts.${s}`, { count: progress.counts[s] })}
                </Tag>
              ))}
          </Space>
          <Table<DispatchProgressOffer>
            rowKey="offerId"
            dataSource={progress.offers}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            columns={[
              { title: t("station.dispatch.gig"), dataIndex: "gigTitle" },
              {
                title: t("station.dispatch.progress.time"),
                dataIndex: "startsAt",
                render: (at: string) => dateTime(at),
              },
              { title: t("station.dispatch.worker"), dataIndex: "workerName" },
              { title: t("station.dispatch.phone"), dataIndex: "phone" },
              {
                title: t("station.dispatch.progress.channelTitle"),
                dataIndex: "channel",
                render: (channel: DispatchProgressOffer["channel"]) =>
                  channel && (
                    <Tag color={channel === "call" ? "orange" : undefined}>
                      {t(`station.dispatch.progress.channel.${channel}`)}
                    </Tag>
                  ),
              },
              {
                title: t("station.dispatch.progress.statusTitle"),
                dataIndex: "status",
                render: (status: DispatchProgressOffer["status"], o) => (
                  <Space direction="vertical" size={0}>
                    <Tag color={STATUS_COLOUR[status]}>{t(`station.dispatch.progress.status.${status}`)}</Tag>
                    {o.unansweredCalls > 0 && (
                      <span>{t("station.dispatch.progress.calls", { count: o.unansweredCalls })}</span>
                    )}
                  </Space>
                ),
              },
              {
                title: "",
                key: "call",
                render: (_: unknown, o) =>
                  o.status === "invited" && (
                    <Button type={o.channel === "call" ? "primary" : "default"} onClick={() => call(o)}>
                      {t("station.dispatch.progress.call")}
                    </Button>
                  ),
              },
            ]}
          />
        </>
      )}
      <Modal
        open={calling !== null}
        title={calling && t("station.dispatch.progress.callTitle", { name: calling.workerName })}
        onCancel={close}
        footer={
          <Space wrap>
            <Button onClick={close}>{t("station.dispatch.progress.close")}</Button>
            <Button onClick={() => record("noAnswer")} loading={answer.busy} disabled={!card}>
              {t("station.dispatch.progress.noAnswer")}
            </Button>
            <Button onClick={() => record("declined")} loading={answer.busy} disabled={!card}>
              {t("station.dispatch.progress.declined")}
            </Button>
            <Button type="primary" onClick={() => record("accepted")} loading={answer.busy} disabled={!card}>
              {t("station.dispatch.progress.accepted")}
            </Button>
          </Space>
        }
      >
        <ErrorAlert error={openCard.error ?? answer.error} />
        {card && (
          <>
            <p className="lg-station-call-phone" data-testid="call-phone">
              <a href={`tel:${card.phone ?? ""}`}>{card.phone}</a>
            </p>
            <Alert type="info" message={t("station.dispatch.progress.script")} description={card.script} />
          </>
        )}
      </Modal>
    </Card>
  );
}
