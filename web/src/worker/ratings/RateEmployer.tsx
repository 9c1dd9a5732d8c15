/** Rate the employer after a shift: stars, a few tags, a sentence. Honest ratings protect the next worker. */
import { Button, Rate, Result, Selector, TextArea } from "antd-mobile";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router-dom";
import { get, itemsOf, post } from "../../shared/api.ts";
import type { Booking, RatingTag } from "../../shared/api-types.ts";
import { useAction, useResource } from "../../shared/useResource.ts";
import { Field } from "../Field.tsx";
import { ErrorLine, PageHeader } from "../parts.tsx";

export default function RateEmployer() {
  const { t, i18n } = useTranslation();
  const { bookingId = "" } = useParams();
  const booking = useResource(() => get<Booking>(`/api/bookings/${bookingId}`), [bookingId]);
  const tags = useResource(async () => itemsOf(await get<RatingTag[]>("/api/ratings/tags")), []);
  const [stars, setStars] = useState(5);
  const [chosen, setChosen] = useState<string[]>([]);
  const [comment, setComment] = useState("");
  const [sent, setSent] = useState(false);
  const send = useAction(() =>
    post(`/api/bookings/${bookingId}/ratings`, { stars, tags: chosen, comment: comment.trim() }),
  );
  const forEmployers = (tags.data ?? []).filter((tag) => tag.direction === "worker_to_employer");

  if (sent)
    return (
      <>
        <PageHeader title={t("ratings.rateTitle")} back />
        <Result status="success" title={t("ratings.thanks")} />
        <div className="lg-bottom-action">
          <Link to="/worker/ratings" className="lg-text-link">
            {t("ratings.backToRatings")}
          </Link>
        </div>
      </>
    );

  return (
    <>
      <PageHeader title={t("ratings.rateTitle")} back />
      <ErrorLine message={booking.error ?? tags.error} />
      <form
        className="lg-worker-section"
        onSubmit={(event) => {
          event.preventDefault();
          void send.run().then((done) => done && setSent(true));
        }}
      >
        {booking.data && (
          <p className="lg-gig-line">
            {booking.data.employerName} · {booking.data.gig.title}
          </p>
        )}
        <fieldset className="lg-fieldset">
          <legend>{t("rating.stars")}</legend>
          <Rate className="lg-rate" value={stars} onChange={setStars} allowClear={false} />
        </fieldset>
        {forEmployers.length > 0 && (
          <fieldset className="lg-fieldset">
            <legend>{t("rating.tags")}</legend>
            <Selector
              multiple
              columns={2}
              value={chosen}
              onChange={setChosen}
              options={forEmployers.map((tag) => ({
                value: tag.code,
                label: i18n.language === "en" ? tag.nameEn : tag.nameZh,
              }))}
            />
          </fieldset>
        )}
        <Field label={t("rating.comment")}>
          {(id) => <TextArea id={id} value={comment} onChange={setComment} maxLength={300} rows={3} />}
        </Field>
        <ErrorLine message={send.error} />
        <Button block size="large" color="primary" type="submit" loading={send.busy}>
          {t("ratings.send")}
        </Button>
      </form>
    </>
  );
}
