/** 我的岗位: every gig with how full it is and who is waiting for an answer. */
import { Badge, Button, Card, Empty, Progress, Table, Tag } from "antd";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router-dom";
import { useLiveRefresh } from "../../notifications/NotificationsProvider.tsx";
import { get, itemsOf } from "../../shared/api.ts";
import type { MyGig } from "../../shared/api-types.ts";
import { ErrorAlert } from "../../shared/ErrorAlert.tsx";
import { payLabel, timeRange } from "../../shared/format.ts";
import { categoryName, useReference } from "../../shared/reference.ts";
import { useResource } from "../../shared/useResource.ts";
import { TAG } from "../tagColours.ts";

const STATUS_COLOUR = {
  open: TAG.info,
  filled: TAG.good,
  cancelled: TAG.neutral,
  closed: TAG.neutral,
} as const;

const GIG_NEWS = ["new_applicant", "worker_confirmed", "worker_cancelled", "worker_no_show"] as const;

export default function MyGigs() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const reference = useReference();
  const gigs = useResource(async () => itemsOf(await get<MyGig[]>("/api/employers/me/gigs")), []);
  // The waiting counts and how full each gig is change with these: the list follows by itself.
  useLiveRefresh(GIG_NEWS, gigs.reload);

  return (
    <Card
      title={<h1>{t("employer.gigs.title")}</h1>}
      extra={
        <Button type="primary" onClick={() => navigate("/employer/gigs/new")}>
          {t("employer.menu.post")}
        </Button>
      }
    >
      <ErrorAlert error={gigs.error} />
      <Table<MyGig>
        rowKey="id"
        loading={gigs.loading}
        dataSource={gigs.data ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{
          emptyText: (
            <Empty description={t("employer.gigs.empty")}>
              <Button type="primary" onClick={() => navigate("/employer/gigs/new")}>
                {t("employer.gigs.postFirst")}
              </Button>
            </Empty>
          ),
        }}
        columns={[
          {
            title: t("employer.gigs.gig"),
            key: "title",
            render: (_, gig) => (
              <>
                <Link to={`/employer/gigs/${gig.id}`}>{gig.title}</Link>
                <div className="lg-muted">
                  {categoryName(reference.data, gig.category.code, gig.category.nameZh)} · {gig.district.name}
                </div>
              </>
            ),
          },
          {
            title: t("employer.gigs.time"),
            key: "time",
            render: (_, gig) => timeRange(gig.startsAt, gig.endsAt),
          },
          {
            title: t("employer.gigs.pay"),
            key: "pay",
            render: (_, gig) => payLabel(gig.pay.fen, gig.pay.unit),
          },
          {
            title: t("employer.gigs.fill"),
            key: "fill",
            render: (_, gig) => (
              <div style={{ minWidth: 140 }}>
                <Progress
                  percent={Math.round((gig.filledCount / gig.headcount) * 100)}
                  size="small"
                  format={() => `${gig.filledCount}/${gig.headcount}`}
                  aria-label={t("employer.gigs.fillLabel", { filled: gig.filledCount, total: gig.headcount })}
                />
              </div>
            ),
          },
          {
            title: t("employer.gigs.waiting"),
            key: "waiting",
            render: (_, gig) =>
              gig.pendingApplications > 0 ? (
                <Badge
                  count={gig.pendingApplications}
                  color="#c4161c"
                  title={t("employer.gigs.waitingTitle", { count: gig.pendingApplications })}
                />
              ) : (
                <span className="lg-muted">0</span>
              ),
          },
          {
            title: t("employer.gigs.status"),
            key: "status",
            render: (_, gig) => <Tag color={STATUS_COLOUR[gig.status]}>{t(`gigStatus.${gig.status}`)}</Tag>,
          },
          {
            title: t("employer.gigs.actions"),
            key: "actions",
            render: (_, gig) => <Link to={`/employer/gigs/${gig.id}`}>{t("employer.gigs.manage")}</Link>,
          },
        ]}
      />
    </Card>
  );
}
