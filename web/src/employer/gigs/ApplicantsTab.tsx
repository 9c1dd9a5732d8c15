/** Who applied or was invited: enough to choose (rating, reliability, distance), phone masked until booked. */
import { App, Button, Empty, Space, Table, Tag } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useLiveRefresh } from "../../notifications/NotificationsProvider.tsx";
import { useNewItems } from "../../notifications/useNewItems.ts";
import { get, itemsOf, messageOf, post } from "../../shared/api.ts";
import type { Applicant } from "../../shared/api-types.ts";
import { ErrorAlert } from "../../shared/ErrorAlert.tsx";
import { distance } from "../../shared/format.ts";
import { categoryName, useReference } from "../../shared/reference.ts";
import { useResource } from "../../shared/useResource.ts";

/** Share of finished shifts among those that were due: what employers ask first about a stranger. */
export function reliability(
  a: Pick<Applicant, "completedCount" | "noShowCount" | "lateCancelCount">,
): string | null {
  const due = a.completedCount + a.noShowCount + a.lateCancelCount;
  return due === 0 ? null : `${Math.round((a.completedCount / due) * 100)}%`;
}

/** Notifications after which the applicants shown are out of date. */
const APPLICANT_NEWS = ["new_applicant", "worker_confirmed", "worker_cancelled"] as const;

export function ApplicantsTab({ gigId, onChanged }: { gigId: string; onChanged: () => Promise<void> }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const reference = useReference();
  const applicants = useResource(
    async () => itemsOf(await get<Applicant[]>(`/api/gigs/${gigId}/applications`)),
    [gigId],
  );
  useLiveRefresh(APPLICANT_NEWS, applicants.reload);
  const fresh = useNewItems(applicants.data?.map((a) => a.id));
  const [busyId, setBusyId] = useState<string | null>(null);

  async function decide(applicant: Applicant, verb: "accept" | "reject") {
    setBusyId(applicant.id);
    try {
      await post(`/api/applications/${applicant.id}/${verb}`, {});
      void message.success(
        verb === "accept"
          ? t("employer.applicants.accepted", { name: applicant.name })
          : t("employer.applicants.rejected"),
      );
      await Promise.all([applicants.reload(), onChanged()]);
    } catch (caught) {
      void message.error(messageOf(caught));
    } finally {
      setBusyId(null);
    }
  }

  return (
    <>
      <ErrorAlert error={applicants.error} />
      <Table<Applicant>
        rowKey="id"
        loading={applicants.loading}
        dataSource={applicants.data ?? []}
        pagination={false}
        locale={{ emptyText: <Empty description={t("employer.applicants.empty")} /> }}
        columns={[
          {
            title: t("employer.applicants.worker"),
            key: "name",
            render: (_, a) => (
              <>
                <strong>{a.name}</strong>
                {fresh.has(a.id) && (
                  <Tag color="red" className="lg-new-tag" data-testid="new-applicant">
                    {t("employer.applicants.new")}
                  </Tag>
                )}
                {a.age !== null && (
                  <span className="lg-muted"> · {t("employer.applicants.age", { age: a.age })}</span>
                )}
                <div className="lg-muted">{a.phone}</div>
              </>
            ),
          },
          {
            title: t("employer.applicants.skills"),
            key: "skills",
            render: (_, a) => (
              <>
                {a.categoryCodes.map((code) => (
                  <Tag key={code}>{categoryName(reference.data, code)}</Tag>
                ))}
                <div className="lg-muted">{t("employer.applicants.years", { years: a.experienceYears })}</div>
              </>
            ),
          },
          {
            title: t("employer.applicants.rating"),
            key: "rating",
            render: (_, a) =>
              a.ratingAverage === null
                ? t("employer.applicants.noRating")
                : `★${a.ratingAverage.toFixed(1)} (${a.ratingCount})`,
          },
          {
            title: t("employer.applicants.reliability"),
            key: "reliability",
            render: (_, a) =>
              reliability(a) === null
                ? t("employer.applicants.newWorker")
                : t("employer.applicants.reliabilityValue", {
                    share: reliability(a),
                    done: a.completedCount,
                    noShow: a.noShowCount,
                  }),
          },
          {
            title: t("employer.applicants.distance"),
            key: "distance",
            render: (_, a) => distance(a.distanceM) || "—",
          },
          {
            title: t("employer.applicants.status"),
            key: "status",
            render: (_, a) => <Tag>{t(`employer.applicationStatus.${a.kind}.${a.status}`)}</Tag>,
          },
          {
            title: t("employer.gigs.actions"),
            key: "actions",
            render: (_, a) =>
              a.status === "pending" && a.kind === "application" ? (
                <Space>
                  <Button type="primary" loading={busyId === a.id} onClick={() => void decide(a, "accept")}>
                    {t("employer.applicants.accept")}
                  </Button>
                  <Button danger disabled={busyId === a.id} onClick={() => void decide(a, "reject")}>
                    {t("employer.applicants.reject")}
                  </Button>
                </Space>
              ) : null,
          },
        ]}
      />
    </>
  );
}
