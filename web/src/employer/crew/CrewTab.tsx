/**
 * 出勤与结算: everyone booked on the gig — who checked in and when (late is flagged), who did not
 * come — and each person's next step: mark a no-show, approve hours, record pay, rate.
 */
import { Button, Empty, Space, Table, Tag } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { get, itemsOf, messageOf, post } from "../../shared/api.ts";
import type {
  Attendance,
  AttendanceEntry,
  Booking,
  MyRatings,
  Payables,
  PayStatus,
} from "../../shared/api-types.ts";
import { ErrorAlert } from "../../shared/ErrorAlert.tsx";
import { clock, hours, yuan } from "../../shared/format.ts";
import { useResource } from "../../shared/useResource.ts";
import { TAG } from "../tagColours.ts";
import { PaymentModal } from "./PaymentModal.tsx";
import { RatingModal } from "./RatingModal.tsx";
import { measuredMinutes, TimesheetModal } from "./TimesheetModal.tsx";

type Dialog = { kind: "timesheet" | "payment" | "rating"; booking: Booking } | null;

type PayLine = Payables["items"][number];

const PAY_COLOUR: Record<PayStatus, string> = {
  awaiting_approval: TAG.neutral,
  approved: TAG.warn,
  paid: TAG.info,
  confirmed: TAG.good,
  disputed: TAG.bad,
};

export function CrewTab({ gigId, onChanged }: { gigId: string; onChanged: () => Promise<void> }) {
  const { t } = useTranslation();
  const bookings = useResource(
    async () => itemsOf(await get<Booking[]>("/api/employers/me/bookings", { gigId })),
    [gigId],
  );
  // Attendance says who is late and who may be marked a no-show, by the city's grace period.
  const attendance = useResource(() => get<Attendance>(`/api/gigs/${gigId}/attendance`), [gigId]);
  const entryOf = (booking: Booking): AttendanceEntry | undefined =>
    attendance.data?.entries.find((entry) => entry.bookingId === booking.id);
  // Payables carry each approved shift's timesheet, amount due and payments.
  const payables = useResource(() => get<Payables>("/api/employers/me/payables"), []);
  const payOf = (booking: Booking): PayLine | undefined =>
    payables.data?.items.find((line) => line.bookingId === booking.id);
  const ratings = useResource(() => get<MyRatings>("/api/me/ratings"), []);
  const rated = new Set(ratings.data?.givenBookingIds ?? []);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [error, setError] = useState<string | null>(null);
  const reload = async () => {
    await Promise.all([
      bookings.reload(),
      attendance.reload(),
      payables.reload(),
      ratings.reload(),
      onChanged(),
    ]);
  };

  async function markNoShow(booking: Booking) {
    setError(null);
    try {
      await post(`/api/bookings/${booking.id}/no-show`, {});
      await reload();
    } catch (caught) {
      setError(messageOf(caught));
    }
  }

  function actions(b: Booking) {
    const pay = payOf(b);
    return (
      <Space wrap>
        {entryOf(b)?.noShowCandidate && (
          <Button danger onClick={() => void markNoShow(b)}>
            {t("employer.crew.noShow")}
          </Button>
        )}
        {b.status === "checked_out" && (
          <Button type="primary" onClick={() => setDialog({ kind: "timesheet", booking: b })}>
            {t("employer.crew.reviewHours")}
          </Button>
        )}
        {pay && pay.outstandingFen > 0 && (
          <Button type="primary" onClick={() => setDialog({ kind: "payment", booking: b })}>
            {t("employer.crew.recordPayment")}
          </Button>
        )}
        {(b.status === "checked_out" || b.status === "completed") && ratings.data && !rated.has(b.id) && (
          <Button onClick={() => setDialog({ kind: "rating", booking: b })}>{t("employer.crew.rate")}</Button>
        )}
      </Space>
    );
  }

  return (
    <>
      <ErrorAlert error={bookings.error ?? attendance.error ?? payables.error ?? error} />
      <Table<Booking>
        rowKey="id"
        loading={bookings.loading}
        dataSource={bookings.data ?? []}
        pagination={false}
        locale={{ emptyText: <Empty description={t("employer.crew.empty")} /> }}
        columns={[
          {
            title: t("employer.applicants.worker"),
            key: "worker",
            render: (_, b) => (
              <>
                <strong>{b.workerName}</strong>
                <div className="lg-muted">{b.workerPhone}</div>
              </>
            ),
          },
          {
            title: t("employer.gigs.status"),
            key: "status",
            render: (_, b) => (
              <Space wrap>
                <Tag color={b.status === "no_show" || b.status === "cancelled" ? TAG.bad : TAG.info}>
                  {t(`bookingStatus.${b.status}`)}
                </Tag>
                {(entryOf(b)?.minutesLate ?? 0) > 0 && (
                  <Tag color={TAG.warn}>
                    {t("employer.crew.lateBy", { minutes: entryOf(b)?.minutesLate })}
                  </Tag>
                )}
                {entryOf(b)?.checkInMethod && (
                  <Tag>{t(`employer.crew.checkInMethod.${entryOf(b)?.checkInMethod}`)}</Tag>
                )}
              </Space>
            ),
          },
          {
            title: t("employer.crew.checkIn"),
            key: "in",
            render: (_, b) => (b.checkedInAt ? clock(b.checkedInAt) : "—"),
          },
          {
            title: t("employer.crew.checkOut"),
            key: "out",
            render: (_, b) => (b.checkedOutAt ? clock(b.checkedOutAt) : "—"),
          },
          {
            title: t("employer.crew.hours"),
            key: "hours",
            render: (_, b) => {
              const approved = payOf(b)?.timesheet?.approvedMinutes;
              const measured = measuredMinutes(b);
              if (approved != null) return t("employer.crew.approvedValue", { hours: hours(approved) });
              return measured === null ? "—" : hours(measured);
            },
          },
          {
            title: t("employer.crew.pay"),
            key: "pay",
            render: (_, b) => {
              const pay = payOf(b);
              if (!pay) return "—";
              return (
                <Space wrap>
                  {pay.amountDueFen !== null && t("employer.crew.due", { amount: yuan(pay.amountDueFen) })}
                  <Tag color={PAY_COLOUR[pay.status]}>{t(`payStatus.${pay.status}`)}</Tag>
                </Space>
              );
            },
          },
          { title: t("employer.gigs.actions"), key: "actions", render: (_, b) => actions(b) },
        ]}
      />
      {dialog?.kind === "timesheet" && (
        <TimesheetModal booking={dialog.booking} onClose={() => setDialog(null)} onDone={reload} />
      )}
      {dialog?.kind === "payment" && (
        <PaymentModal
          booking={dialog.booking}
          suggestedFen={payOf(dialog.booking)?.outstandingFen ?? null}
          onClose={() => setDialog(null)}
          onDone={reload}
        />
      )}
      {dialog?.kind === "rating" && (
        <RatingModal booking={dialog.booking} onClose={() => setDialog(null)} onDone={reload} />
      )}
    </>
  );
}
