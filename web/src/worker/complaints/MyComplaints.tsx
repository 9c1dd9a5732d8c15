/** 我的投诉: what she reported, who is handling it, by when, and how it ended. */
import { DotLoading, Tag } from "antd-mobile";
import { useTranslation } from "react-i18next";
import { get } from "../../shared/api.ts";
import "./locales.ts";
import type { Complaint } from "../../shared/api-types.ts";
import { dateTime, yuan } from "../../shared/format.ts";
import { useResource } from "../../shared/useResource.ts";
import { EmptyState, ErrorLine, PageHeader } from "../parts.tsx";

const STATUS_COLOR = {
  open: "warning",
  in_progress: "primary",
  referred: "primary",
  resolved: "success",
  rejected: "default",
} as const;

export default function MyComplaints() {
  const { t } = useTranslation();
  const list = useResource(() => get<Complaint[]>("/api/workers/me/complaints"), []);
  return (
    <>
      <PageHeader title={t("complaint.mine")} back />
      <ErrorLine message={list.error} />
      {list.loading && !list.data && (
        <p className="lg-page-loading" role="status">
          <DotLoading color="primary" /> {t("common.loading")}
        </p>
      )}
      {list.data?.length === 0 && (
        <EmptyState title={t("complaint.emptyTitle")} hint={t("complaint.emptyHint")} />
      )}
      {list.data?.map((c) => (
        <section key={c.id} className="lg-gig-card" aria-label={t(`complaint.kind.${c.kind}`)}>
          <div className="lg-gig-card-top">
            <h2 className="lg-gig-card-title">{t(`complaint.kind.${c.kind}`)}</h2>
            <Tag color={STATUS_COLOR[c.status]}>{t(`complaint.status.${c.status}`)}</Tag>
          </div>
          <p className="lg-gig-line">
            {[c.gigTitle, c.employerName].filter(Boolean).join(" · ")}
            {c.amountFen !== null && ` · ${yuan(c.amountFen)}`}
          </p>
          <p className="lg-gig-line">{c.description}</p>
          {c.inspectionCaseNo && (
            <p className="lg-gig-line">
              {t("complaint.inspection", {
                caseNumber: c.inspectionCaseNo,
                status: t(`complaint.inspectionStatus.${c.inspectionStatus ?? "submitted"}`),
              })}
            </p>
          )}
          <p className="lg-gig-line">
            {c.resolution ??
              t(c.overdue ? "complaint.overdue" : "complaint.dueBy", { at: dateTime(c.dueAt) })}
          </p>
        </section>
      ))}
    </>
  );
}
