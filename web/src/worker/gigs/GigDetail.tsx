/** One gig in full, and one big button: 报名. Signed-out visitors are sent to sign in and brought back. */
import { Button, Result, Tag } from "antd-mobile";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router-dom";
import { get, post } from "../../shared/api.ts";
import type { Gig } from "../../shared/api-types.ts";
import { payLabel, timeRange } from "../../shared/format.ts";
import { requirementLine } from "../../shared/gigs/requirements.ts";
import { PageLoading } from "../../shared/PageLoading.tsx";
import { categoryName, useReference } from "../../shared/reference.ts";
import { signInPath, useSession } from "../../shared/session.tsx";
import { useAction, useResource } from "../../shared/useResource.ts";
import { ErrorLine, PageHeader } from "../parts.tsx";
import { EmployerTrust } from "./GigCard.tsx";

export default function GigDetail() {
  const { t } = useTranslation();
  const { gigId = "" } = useParams();
  const navigate = useNavigate();
  const { me } = useSession();
  const reference = useReference();
  const gig = useResource(() => get<Gig>(`/api/gigs/${gigId}`), [gigId]);
  const apply = useAction(() => post(`/api/gigs/${gigId}/applications`, {}));
  const [applied, setApplied] = useState(false);

  if (gig.loading && !gig.data) return <PageLoading />;
  if (!gig.data)
    return (
      <>
        <PageHeader title={t("gig.title")} back />
        <ErrorLine message={gig.error} />
      </>
    );
  const g = gig.data;

  async function onApply() {
    if (!me) {
      navigate(signInPath("/worker", `/worker/gigs/${gigId}`));
      return;
    }
    if (await apply.run()) setApplied(true);
  }

  if (applied)
    return (
      <>
        <PageHeader title={t("gig.title")} back />
        <Result status="success" title={t("gig.appliedTitle")} description={t("gig.appliedHint")} />
        <div className="lg-bottom-action">
          <Link to="/worker/work">
            <Button block size="large" color="primary">
              {t("gig.toMyWork")}
            </Button>
          </Link>
        </div>
      </>
    );

  return (
    <>
      <PageHeader title={t("gig.title")} back />
      <article className="lg-detail">
        <h2>{g.title}</h2>
        <p className="lg-gig-pay">{payLabel(g.pay.fen, g.pay.unit)}</p>
        <div className="lg-gig-tags">
          {g.settlement === "same_day" && <Tag color="danger">{t("gig.sameDay")}</Tag>}
          <EmployerTrust gig={g} />
        </div>
        <dl>
          <dt>{t("gig.employer")}</dt>
          <dd>{g.employer.name}</dd>
          <dt>{t("gig.category")}</dt>
          <dd>{categoryName(reference.data, g.category.code, g.category.nameZh)}</dd>
          <dt>{t("gig.time")}</dt>
          <dd>{timeRange(g.startsAt, g.endsAt)}</dd>
          <dt>{t("gig.place")}</dt>
          <dd>
            {g.district.name} {g.address}
          </dd>
          <dt>{t("gig.headcount")}</dt>
          <dd>{t("gig.headcountValue", { filled: g.filledCount, total: g.headcount })}</dd>
          <dt>{t("gig.settlement")}</dt>
          <dd>{t(`settlement.${g.settlement}`)}</dd>
          <dt>{t("requirement.title")}</dt>
          <dd>{requirementLine(t, g)}</dd>
          {g.requirements && (
            <>
              <dt>{t("gig.requirements")}</dt>
              <dd>{g.requirements}</dd>
            </>
          )}
        </dl>
        {g.description && <p className="lg-gig-line">{g.description}</p>}
      </article>
      <p className="lg-notice">{t("gig.noFees")}</p>
      <ErrorLine message={apply.error} />
      <div className="lg-bottom-action">
        <Button
          block
          size="large"
          color="primary"
          loading={apply.busy}
          disabled={g.status !== "open"}
          onClick={() => void onApply()}
        >
          {g.status === "open" ? t("gig.apply") : t("gig.notOpen")}
        </Button>
      </div>
    </>
  );
}
