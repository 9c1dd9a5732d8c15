/**
 * 工钱: per shift, where the money is — hours approved, paid by the employer, receipt confirmed.
 * The worker confirms a payment they received or disputes one they did not.
 */
import { Button, DotLoading, Steps, Tag } from "antd-mobile";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { get } from "../../shared/api.ts";
import "../complaints/locales.ts";
import type { Earnings, PayStatus } from "../../shared/api-types.ts";
import { dateTime, hours, yuan } from "../../shared/format.ts";
import { useResource } from "../../shared/useResource.ts";
import { EmptyState, ErrorLine, PageHeader } from "../parts.tsx";
import { PaymentActions } from "./PaymentActions.tsx";

type Entry = Earnings["items"][number];

/** How many of the three steps (hours approved, paid, confirmed) the pay has passed. */
const STEPS_DONE: Record<PayStatus, number> = {
  awaiting_approval: 0,
  approved: 1,
  paid: 2,
  confirmed: 3,
  disputed: 2,
};

export default function EarningsScreen() {
  const { t } = useTranslation();
  const earnings = useResource(() => get<Earnings>("/api/workers/me/earnings"), []);
  const items = earnings.data?.items;

  return (
    <>
      <PageHeader title={t("earnings.title")} />
      <ErrorLine message={earnings.error} />
      {earnings.loading && !earnings.data && (
        <p className="lg-page-loading" role="status">
          <DotLoading color="primary" /> {t("common.loading")}
        </p>
      )}
      {earnings.data && items && items.length > 0 && (
        <p className="lg-notice">
          {t("earnings.total", { amount: yuan(earnings.data.totals.confirmedFen) })}
          {earnings.data.totals.outstandingFen > 0 &&
            ` · ${t("earnings.outstanding", { amount: yuan(earnings.data.totals.outstandingFen) })}`}
        </p>
      )}
      {items?.length === 0 && (
        <EmptyState
          title={t("earnings.emptyTitle")}
          hint={t("earnings.emptyHint")}
          action={
            <Link to="/worker">
              <Button color="primary" size="large">
                {t("work.findGigs")}
              </Button>
            </Link>
          }
        />
      )}
      {items?.map((entry) => (
        <EarningsCard key={entry.bookingId} entry={entry} onChanged={earnings.reload} />
      ))}
    </>
  );
}

function EarningsCard({ entry, onChanged }: { entry: Entry; onChanged: () => Promise<void> }) {
  const { t } = useTranslation();
  const payment = entry.payments.at(-1);
  const stage = STEPS_DONE[entry.status];
  const minutes = entry.timesheet?.approvedMinutes ?? entry.timesheet?.measuredMinutes;
  return (
    <section className="lg-gig-card" aria-label={entry.gig.title}>
      <div className="lg-gig-card-top">
        <h2 className="lg-gig-card-title">{entry.gig.title}</h2>
        {/* The pay due, the very figure the employer sees; what was paid is on the tags below. */}
        <span className="lg-gig-pay">{entry.amountDueFen !== null ? yuan(entry.amountDueFen) : "—"}</span>
      </div>
      <p className="lg-gig-line">
        {entry.employerName} · {dateTime(entry.gig.startsAt)}
        {minutes != null && ` · ${hours(minutes)}`}
      </p>
      <Steps current={Math.min(stage, 2)} className="lg-pay-steps">
        <Steps.Step title={t("earnings.stage.approved")} status={stage >= 1 ? "finish" : "process"} />
        <Steps.Step title={t("earnings.stage.paid")} status={stage >= 2 ? "finish" : "wait"} />
        <Steps.Step title={t("earnings.stage.confirmed")} status={stage >= 3 ? "finish" : "wait"} />
      </Steps>
      {entry.status === "disputed" && <p className="lg-notice">{t("earnings.disputedHint")}</p>}
      {payment && (
        <div className="lg-gig-tags">
          <Tag
            color={
              payment.status === "disputed"
                ? "danger"
                : payment.status === "confirmed"
                  ? "success"
                  : "warning"
            }
          >
            {t(`paymentStatus.${payment.status}`)}
          </Tag>
          <Tag fill="outline">{t(`paymentMethod.${payment.method}`)}</Tag>
          <Tag fill="outline">{t("earnings.paidAmount", { amount: yuan(payment.amountFen) })}</Tag>
        </div>
      )}
      {payment?.status === "recorded" && <PaymentActions paymentId={payment.id} onChanged={onChanged} />}
      {entry.status !== "confirmed" && (
        <Link to={`/worker/complaints/new/${entry.bookingId}`} className="lg-complain-link">
          {t("complaint.file")}
        </Link>
      )}
    </section>
  );
}
