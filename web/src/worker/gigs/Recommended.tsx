/** 为你推荐: the matcher's top gigs for this worker, each with the reasons it was picked. */
import { Tag } from "antd-mobile";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { get } from "../../shared/api.ts";
import type { GigRecommendation } from "../../shared/api-types.ts";
import { distance, payLabel, timeRange } from "../../shared/format.ts";
import { useResource } from "../../shared/useResource.ts";

const SHOWN = 3;

export function Recommended() {
  const { t } = useTranslation();
  const recommended = useResource(
    () => get<GigRecommendation[]>("/api/workers/me/recommendations", { k: SHOWN }),
    [],
  );
  // Recommendations are a bonus above the list: when there are none, or they fail, the list stands alone.
  if (!recommended.data?.length) return null;
  return (
    <section aria-labelledby="lg-recommended">
      <h2 id="lg-recommended" className="lg-section-title">
        {t("gigs.recommended")}
      </h2>
      {recommended.data.map((gig) => (
        <Link
          key={gig.gigId}
          className="lg-gig-card lg-gig-card-recommended"
          to={`/worker/gigs/${gig.gigId}`}
        >
          <div className="lg-gig-card-top">
            <h3 className="lg-gig-card-title">{gig.title}</h3>
            <span className="lg-gig-pay">{payLabel(gig.payFen, gig.payUnit)}</span>
          </div>
          <p className="lg-gig-line">
            {gig.address} · <strong>{distance(gig.distanceKm * 1000)}</strong>
          </p>
          <p className="lg-gig-line">{timeRange(gig.startsAt, gig.endsAt)}</p>
          <div className="lg-gig-tags">
            {gig.reasons.map((reason) => (
              <Tag key={reason} color="success" fill="outline">
                {reason}
              </Tag>
            ))}
          </div>
        </Link>
      ))}
      <h2 className="lg-section-title">{t("gigs.all")}</h2>
    </section>
  );
}
