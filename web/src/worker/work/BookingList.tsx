/** The worker's booked shifts: the live ones first, each with its next step. */
import { ActionSheet, Button, DotLoading, Tag } from "antd-mobile";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { post } from "../../shared/api.ts";
import type { Booking, BookingStatus } from "../../shared/api-types.ts";
import { WORKER_CANCEL_REASONS } from "../../shared/choices.ts";
import { payLabel, timeRange } from "../../shared/format.ts";
import { useAction } from "../../shared/useResource.ts";
import { EmptyState, ErrorLine } from "../parts.tsx";
import { CallEmployerButton, NavigateButton } from "./NavigateButton.tsx";

const LIVE: BookingStatus[] = ["checked_in", "confirmed", "booked", "checked_out"];

function byNextStep(a: Booking, b: Booking): number {
  const rank = (booking: Booking) => {
    const index = LIVE.indexOf(booking.status);
    return index === -1 ? LIVE.length : index;
  };
  return rank(a) - rank(b) || a.gig.startsAt.localeCompare(b.gig.startsAt);
}

export function BookingList({
  bookings,
  onChanged,
}: {
  bookings: Booking[] | undefined;
  onChanged: () => Promise<void>;
}) {
  const { t } = useTranslation();
  if (!bookings)
    return (
      <p className="lg-page-loading" role="status">
        <DotLoading color="primary" /> {t("common.loading")}
      </p>
    );
  if (bookings.length === 0)
    return (
      <EmptyState
        title={t("work.empty.shifts")}
        hint={t("work.emptyHint.shifts")}
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
      {[...bookings].sort(byNextStep).map((booking) => (
        <BookingCard key={booking.id} booking={booking} onChanged={onChanged} />
      ))}
    </div>
  );
}

function BookingCard({ booking, onChanged }: { booking: Booking; onChanged: () => Promise<void> }) {
  const { t } = useTranslation();
  const [choosingReason, setChoosingReason] = useState(false);
  const act = useAction(async (verb: "confirm" | "cancel", reasonCode?: string) => {
    await post(`/api/bookings/${booking.id}/${verb}`, verb === "cancel" ? { reasonCode, note: "" } : {});
    await onChanged();
  });
  const { gig, status } = booking;
  const canCancel = status === "booked" || status === "confirmed";
  return (
    <section className="lg-gig-card" aria-label={gig.title}>
      <div className="lg-gig-card-top">
        <h2 className="lg-gig-card-title">{gig.title}</h2>
        <span className="lg-gig-pay">{payLabel(gig.payFen, gig.payUnit)}</span>
      </div>
      <p className="lg-gig-line">{booking.employerName}</p>
      <p className="lg-gig-line">{timeRange(gig.startsAt, gig.endsAt)}</p>
      <p className="lg-gig-line">{gig.address}</p>
      <div className="lg-gig-tags">
        <Tag color={status === "cancelled" || status === "no_show" ? "default" : "success"}>
          {t(`bookingStatus.${status}`)}
        </Tag>
      </div>
      {status === "booked" && <p className="lg-notice">{t("work.confirmHint")}</p>}
      <ErrorLine message={act.error} />
      <div className="lg-row-actions">
        {canCancel && (
          <Button size="large" loading={act.busy} onClick={() => setChoosingReason(true)}>
            {t("work.cancel")}
          </Button>
        )}
        {status === "booked" && (
          <Button size="large" color="primary" loading={act.busy} onClick={() => void act.run("confirm")}>
            {t("work.confirm")}
          </Button>
        )}
        {(status === "booked" || status === "confirmed" || status === "checked_in") && (
          <NavigateButton lat={gig.lat} lng={gig.lng} name={`${gig.title} · ${gig.address}`} />
        )}
        <CallEmployerButton phone={booking.employerPhone} />
        {(status === "confirmed" || status === "checked_in") && (
          <Link to={`/worker/shifts/${booking.id}`} className="lg-link-button">
            {status === "confirmed" ? t("work.toCheckIn") : t("work.toCheckOut")}
          </Link>
        )}
        {(status === "checked_out" || status === "completed") && (
          <Link to="/worker/earnings" className="lg-link-button">
            {t("work.toEarnings")}
          </Link>
        )}
      </div>
      <ActionSheet
        visible={choosingReason}
        onClose={() => setChoosingReason(false)}
        extra={t("work.cancelWhy")}
        cancelText={t("work.keep")}
        actions={WORKER_CANCEL_REASONS.map((code) => ({
          key: code,
          text: t(`cancelReason.${code}`),
          onClick: () => {
            setChoosingReason(false);
            void act.run("cancel", code);
          },
        }))}
      />
    </section>
  );
}
