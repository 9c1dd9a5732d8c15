/** Applications and invitations as cards; a pending one carries its one or two actions. */
import { Button, DotLoading, Tag } from "antd-mobile";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { post } from "../../shared/api.ts";
import type { WorkerApplication } from "../../shared/api-types.ts";
import { payLabel, timeRange } from "../../shared/format.ts";
import { useAction } from "../../shared/useResource.ts";
import { EmptyState, ErrorLine } from "../parts.tsx";

interface Props {
  applications: WorkerApplication[] | undefined;
  kind: "application" | "invitation";
  /** Those that arrived while the screen was open: marked 新. */
  fresh?: ReadonlySet<string>;
  onChanged: () => Promise<void>;
}

export function ApplicationList({ applications, kind, fresh, onChanged }: Props) {
  const { t } = useTranslation();
  if (!applications)
    return (
      <p className="lg-page-loading" role="status">
        <DotLoading color="primary" /> {t("common.loading")}
      </p>
    );
  if (applications.length === 0)
    return (
      <EmptyState
        title={t(`work.empty.${kind}`)}
        hint={t(`work.emptyHint.${kind}`)}
        action={
          <Link to="/worker">
            <Button color="primary" size="large">
              {t("work.findGigs")}
            </Button>
          </Link>
        }
      />
    );
  return (
    <div>
      {applications.map((application) => (
        <ApplicationCard
          key={application.id}
          application={application}
          isNew={fresh?.has(application.id) ?? false}
          onChanged={onChanged}
        />
      ))}
    </div>
  );
}

function ApplicationCard({
  application,
  isNew,
  onChanged,
}: {
  application: WorkerApplication;
  isNew: boolean;
  onChanged: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const act = useAction(async (verb: "accept" | "decline" | "withdraw") => {
    await post(`/api/applications/${application.id}/${verb}`, {});
    await onChanged();
  });
  const { gig } = application;
  const pending = application.status === "pending";
  return (
    <section className="lg-gig-card" aria-label={gig.title}>
      <div className="lg-gig-card-top">
        <h2 className="lg-gig-card-title">
          <Link to={`/worker/gigs/${gig.id}`}>{gig.title}</Link>
        </h2>
        <span className="lg-gig-pay">{payLabel(gig.payFen, gig.payUnit)}</span>
      </div>
      <p className="lg-gig-line">{application.employerName}</p>
      <p className="lg-gig-line">{timeRange(gig.startsAt, gig.endsAt)}</p>
      <p className="lg-gig-line">{gig.address}</p>
      <div className="lg-gig-tags">
        {isNew && (
          <Tag color="danger" data-testid="new-item">
            {t("work.new")}
          </Tag>
        )}
        <Tag color={pending ? "warning" : application.status === "accepted" ? "success" : "default"}>
          {t(`applicationStatus.${application.kind}.${application.status}`)}
        </Tag>
      </div>
      {application.message && <p className="lg-gig-line">“{application.message}”</p>}
      <ErrorLine message={act.error} />
      {pending && application.kind === "invitation" && (
        <div className="lg-row-actions">
          <Button size="large" loading={act.busy} onClick={() => void act.run("decline")}>
            {t("work.decline")}
          </Button>
          <Button size="large" color="primary" loading={act.busy} onClick={() => void act.run("accept")}>
            {t("work.accept")}
          </Button>
        </div>
      )}
      {pending && application.kind === "application" && (
        <div className="lg-row-actions">
          <Button size="large" loading={act.busy} onClick={() => void act.run("withdraw")}>
            {t("work.withdraw")}
          </Button>
        </div>
      )}
    </section>
  );
}
