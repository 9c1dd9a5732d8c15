/** One gig in the list: what, how much a day, where and how far, when, and who is hiring. */
import { Tag } from "antd-mobile";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import type { GigSummary, Reference } from "../../shared/api-types.ts";
import { distance, payLabel, timeRange } from "../../shared/format.ts";
import { categoryName } from "../../shared/reference.ts";

export function EmployerTrust({ gig }: { gig: GigSummary }) {
  const { t } = useTranslation();
  if (!gig.employer) return null;
  return (
    <>
      {gig.employer.verified ? (
        <Tag color="success" fill="outline">
          {t("gig.verified")}
        </Tag>
      ) : (
        <Tag fill="outline">{t("gig.unverified")}</Tag>
      )}
      {gig.employer.ratingAverage !== null && gig.employer.ratingCount > 0 && (
        <Tag color="warning" fill="outline">
          {t("gig.rating", {
            rating: gig.employer.ratingAverage.toFixed(1),
            count: gig.employer.ratingCount,
          })}
        </Tag>
      )}
    </>
  );
}

export function GigCard({ gig, reference }: { gig: GigSummary; reference: Reference | undefined }) {
  const { t } = useTranslation();
  return (
    <Link className="lg-gig-card" to={`/worker/gigs/${gig.id}`}>
      <div className="lg-gig-card-top">
        <h2 className="lg-gig-card-title">{gig.title}</h2>
        <span className="lg-gig-pay">{payLabel(gig.pay.fen, gig.pay.unit)}</span>
      </div>
      <p className="lg-gig-line">
        {gig.district.name} · {gig.address}
        {gig.distanceM !== undefined && <strong> · {distance(gig.distanceM)}</strong>}
      </p>
      <p className="lg-gig-line">{timeRange(gig.startsAt, gig.endsAt)}</p>
      <div className="lg-gig-tags">
        <Tag color="primary" fill="outline">
          {categoryName(reference, gig.category.code, gig.category.nameZh)}
        </Tag>
        {gig.settlement === "same_day" && <Tag color="danger">{t("gig.sameDay")}</Tag>}
        <EmployerTrust gig={gig} />
        <Tag fill="outline">{t("gig.left", { count: gig.openPlaces })}</Tag>
      </div>
    </Link>
  );
}
