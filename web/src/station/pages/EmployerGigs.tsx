/**
 * An employer on the phone asks "has anyone applied?": the station sees the employer's gigs in its
 * district with the answers each awaits, and reads out who applied (names, age, record; numbers
 * stay masked — the employer gets them on hiring). Each list of names opened is audited.
 */
import { Alert, Button, Card, Empty, Table, Tag } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { get } from "../../shared/api.ts";
import type { Applicant, MyGig } from "../../shared/api-types.ts";
import { ErrorAlert } from "../../shared/ErrorAlert.tsx";
import { dateTime, payLabel } from "../../shared/format.ts";
import { useResource } from "../../shared/useResource.ts";

function Applicants({ gig }: { gig: MyGig }) {
  const { t } = useTranslation();
  const list = useResource(() => get<Applicant[]>(`/api/gigs/${gig.id}/applications`), [gig.id]);
  return (
    <div data-testid="employer-applicants" style={{ width: "100%" }}>
      <ErrorAlert error={list.error} retry={list.reload} />
      {list.data && list.data.length === 0 && <Empty description={t("station.post.noApplicants")} />}
      {list.data && list.data.length > 0 && (
        <Table<Applicant>
          rowKey="id"
          size="middle"
          pagination={false}
          dataSource={list.data}
          caption={t("station.post.applicantsOf", { title: gig.title })}
          columns={[
            { title: t("station.post.name"), dataIndex: "name" },
            { title: t("station.post.age"), dataIndex: "age", render: (age: number | null) => age ?? "—" },
            {
              title: t("station.post.rating"),
              key: "record",
              render: (_: unknown, a) =>
                `${a.ratingAverage ?? "—"} · ${t("station.post.record", { done: a.completedCount, noShow: a.noShowCount })}`,
            },
            { title: t("station.dispatch.phone"), dataIndex: "phone" },
            {
              title: t("station.dispatch.progress.statusTitle"),
              key: "status",
              render: (_: unknown, a) => (
                <Tag>
                  {t(`station.post.kind.${a.kind}`)} · {t(`station.post.status.${a.status}`, a.status)}
                </Tag>
              ),
            },
          ]}
        />
      )}
    </div>
  );
}

export function EmployerGigs({ employerId }: { employerId: string }) {
  const { t } = useTranslation();
  const gigs = useResource(() => get<MyGig[]>(`/api/stations/employers/${employerId}/gigs`), [employerId]);
  const [open, setOpen] = useState<string | null>(null);
  return (
    <Card title={<h2 style={{ margin: 0 }}>{t("station.post.gigs")}</h2>} style={{ marginBottom: 16 }}>
      <ErrorAlert error={gigs.error} retry={gigs.reload} />
      {gigs.data && gigs.data.length === 0 && <Empty description={t("station.post.noGigs")} />}
      {gigs.data && gigs.data.length > 0 && (
        <>
          <Alert type="info" showIcon style={{ marginBottom: 12 }} message={t("station.post.namesAudited")} />
          <ul className="lg-station-employer-gigs">
            {gigs.data.map((gig) => (
              <li key={gig.id}>
                <div className="lg-station-employer-gig">
                  <div>
                    <h3>{gig.title}</h3>
                    <p>
                      {dateTime(gig.startsAt)} · {payLabel(gig.pay.fen, gig.pay.unit)} ·{" "}
                      {t("station.post.awaiting", {
                        applications: gig.pendingApplications,
                        invitations: gig.pendingInvitations,
                      })}
                    </p>
                  </div>
                  <Button
                    size="large"
                    aria-expanded={open === gig.id}
                    onClick={() => setOpen(open === gig.id ? null : gig.id)}
                  >
                    {open === gig.id ? t("station.post.hideApplicants") : t("station.post.showApplicants")}
                  </Button>
                </div>
                {open === gig.id && <Applicants gig={gig} />}
              </li>
            ))}
          </ul>
        </>
      )}
    </Card>
  );
}
