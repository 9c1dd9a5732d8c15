/** 评价: shifts still waiting for the worker's rating of the employer, and what employers said of them. */
import { Button, DotLoading, Rate } from "antd-mobile";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { get } from "../../shared/api.ts";
import type { MyRatings } from "../../shared/api-types.ts";
import { dateTime } from "../../shared/format.ts";
import { useResource } from "../../shared/useResource.ts";
import { EmptyState, ErrorLine, PageHeader } from "../parts.tsx";

export default function Ratings() {
  const { t } = useTranslation();
  const mine = useResource(() => get<MyRatings>("/api/me/ratings"), []);
  const toRate = mine.data?.toRate ?? [];
  const loading = mine.loading && !mine.data;

  return (
    <>
      <PageHeader title={t("ratings.title")} back />
      <ErrorLine message={mine.error} />
      {loading && (
        <p className="lg-page-loading" role="status">
          <DotLoading color="primary" /> {t("common.loading")}
        </p>
      )}
      <h2 className="lg-section-title">{t("ratings.toGive")}</h2>
      {!loading && toRate.length === 0 && (
        <p className="lg-worker-section lg-gig-line">{t("ratings.noneToGive")}</p>
      )}
      {toRate.map((shift) => (
        <section key={shift.bookingId} className="lg-gig-card" aria-label={shift.gigTitle}>
          <h3 className="lg-gig-card-title">{shift.gigTitle}</h3>
          <p className="lg-gig-line">
            {shift.otherPartyName} · {dateTime(shift.endsAt)}
          </p>
          <div className="lg-row-actions">
            <Link className="lg-link-button" to={`/worker/ratings/${shift.bookingId}`}>
              {t("ratings.give")}
            </Link>
          </div>
        </section>
      ))}
      <h2 className="lg-section-title">{t("ratings.received")}</h2>
      {mine.data?.received.length === 0 && (
        <EmptyState
          title={t("ratings.noneReceived")}
          hint={t("ratings.noneReceivedHint")}
          action={
            <Link to="/worker">
              <Button color="primary" size="large">
                {t("work.findGigs")}
              </Button>
            </Link>
          }
        />
      )}
      {mine.data?.received.map((rating) => (
        <section
          key={rating.id}
          className="lg-gig-card"
          aria-label={rating.gigTitle ?? t("ratings.received")}
        >
          <Rate readOnly value={rating.stars} aria-label={t("ratings.starsValue", { stars: rating.stars })} />
          {rating.gigTitle && <p className="lg-gig-line">{rating.gigTitle}</p>}
          {rating.comment && <p className="lg-gig-line">“{rating.comment}”</p>}
          <p className="lg-gig-line">{dateTime(rating.createdAt)}</p>
        </section>
      ))}
    </>
  );
}
