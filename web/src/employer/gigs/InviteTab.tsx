/** 推荐零工: workers the matcher finds for this gig, with its reasons; one click sends an invitation. */
import { Alert, App, Button, Empty, Table, Tag } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { get, messageOf, post } from "../../shared/api.ts";
import type { WorkerRecommendation } from "../../shared/api-types.ts";
import { ErrorAlert } from "../../shared/ErrorAlert.tsx";
import { distance } from "../../shared/format.ts";
import { useResource } from "../../shared/useResource.ts";
import { TAG } from "../tagColours.ts";

export function InviteTab({ gigId, open }: { gigId: string; open: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const workers = useResource(
    () => get<WorkerRecommendation[]>(`/api/gigs/${gigId}/recommended-workers`, { k: 20 }),
    [gigId],
  );
  const [invited, setInvited] = useState<Set<string>>(new Set());
  const [busyId, setBusyId] = useState<string | null>(null);

  async function invite(worker: WorkerRecommendation) {
    setBusyId(worker.workerId);
    try {
      await post(`/api/gigs/${gigId}/invitations`, { workerId: worker.workerId });
      setInvited((current) => new Set(current).add(worker.workerId));
      void message.success(t("employer.invite.sent", { name: worker.name }));
    } catch (caught) {
      void message.error(messageOf(caught));
    } finally {
      setBusyId(null);
    }
  }

  return (
    <>
      {!open && <Alert type="info" title={t("employer.invite.closed")} style={{ marginBottom: 12 }} />}
      <ErrorAlert error={workers.error} />
      <Table<WorkerRecommendation>
        rowKey="workerId"
        loading={workers.loading}
        dataSource={workers.data ?? []}
        pagination={false}
        locale={{ emptyText: <Empty description={t("employer.invite.empty")} /> }}
        columns={[
          {
            title: t("employer.applicants.worker"),
            key: "name",
            render: (_, w) => (
              <>
                <strong>{w.name}</strong>
                <div className="lg-muted">{w.phone}</div>
              </>
            ),
          },
          {
            title: t("employer.applicants.distance"),
            key: "distance",
            render: (_, w) => distance(w.distanceKm * 1000),
          },
          {
            title: t("employer.invite.why"),
            key: "reasons",
            render: (_, w) => w.reasons.map((reason) => <Tag key={reason}>{reason}</Tag>),
          },
          {
            title: t("employer.gigs.actions"),
            key: "invite",
            render: (_, w) =>
              invited.has(w.workerId) ? (
                <Tag color={TAG.good}>{t("employer.invite.invited")}</Tag>
              ) : (
                <Button disabled={!open} loading={busyId === w.workerId} onClick={() => void invite(w)}>
                  {t("employer.invite.invite")}
                </Button>
              ),
          },
        ]}
      />
    </>
  );
}
