/**
 * Today's shift: one big round blue button. 签到 sends the phone's position; when location is
 * denied, fails, or is too far, the worker types the code the employer shows on site instead.
 * Once checked in, 签退 is a different control in a different place (CheckOutPanel).
 */
import { EnvironmentOutlined } from "@ant-design/icons";
import { Button, Input, Result } from "antd-mobile";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router-dom";
import { get, post } from "../../shared/api.ts";
import "./shift.locales.ts";
import type { Booking } from "../../shared/api-types.ts";
import { clock, timeRange } from "../../shared/format.ts";
import { currentPosition, type Point } from "../../shared/location.ts";
import { PageLoading } from "../../shared/PageLoading.tsx";
import { useAction, useResource } from "../../shared/useResource.ts";
import { Field } from "../Field.tsx";
import { ErrorLine, PageHeader } from "../parts.tsx";
import { CheckOutPanel } from "./CheckOutPanel.tsx";
import { CallEmployerButton, NavigateButton } from "./NavigateButton.tsx";

export default function ShiftScreen() {
  const { t } = useTranslation();
  const { bookingId = "" } = useParams();
  const booking = useResource(() => get<Booking>(`/api/bookings/${bookingId}`), [bookingId]);
  const [needCode, setNeedCode] = useState<string | null>(null);
  const [code, setCode] = useState("");

  const checkIn = useAction(async (body: Point | { code: string }) => {
    await post(`/api/bookings/${bookingId}/check-in`, body);
    await booking.reload();
  });
  const checkOut = useAction(async () => {
    await post(`/api/bookings/${bookingId}/check-out`, {});
    await booking.reload();
  });
  const locating = useAction(() => currentPosition());

  if (booking.loading && !booking.data) return <PageLoading />;
  const b = booking.data;
  if (!b)
    return (
      <>
        <PageHeader title={t("shift.title")} back />
        <ErrorLine message={booking.error ?? t("shift.notFound")} />
      </>
    );

  async function checkInHere() {
    const found = await locating.run();
    if (!found) {
      setNeedCode(t("shift.locationFailed"));
      return;
    }
    if (!(await checkIn.run(found.value))) setNeedCode(t("shift.useCodeInstead"));
  }

  return (
    <>
      <PageHeader title={t("shift.title")} back />
      <section className="lg-detail" aria-label={b.gig.title}>
        <h2>{b.gig.title}</h2>
        <p className="lg-gig-line">{b.employerName}</p>
        <p className="lg-gig-line">{timeRange(b.gig.startsAt, b.gig.endsAt)}</p>
        <p className="lg-gig-line">{b.gig.address}</p>
        {(b.status === "confirmed" || b.status === "checked_in") && (
          <NavigateButton lat={b.gig.lat} lng={b.gig.lng} name={`${b.gig.title} · ${b.gig.address}`} />
        )}
        <CallEmployerButton phone={b.employerPhone} />
        {b.checkedInAt && b.status !== "checked_in" && (
          <p className="lg-gig-line">{t("shift.checkedInAt", { time: clock(b.checkedInAt) })}</p>
        )}
      </section>
      <ErrorLine message={checkIn.error ?? checkOut.error} />
      {b.status === "confirmed" && (
        <div className="lg-big-action">
          <Button
            className="lg-big-button"
            color="primary"
            loading={locating.busy || checkIn.busy}
            onClick={() => void checkInHere()}
          >
            <EnvironmentOutlined aria-hidden className="lg-big-button-icon" />
            {t("shift.checkIn")}
          </Button>
          <p className="lg-gig-line">{t("shift.checkInHint")}</p>
          {needCode !== null && (
            <form
              className="lg-code-form"
              onSubmit={(event) => {
                event.preventDefault();
                void checkIn.run({ code: code.trim() });
              }}
            >
              <p className="lg-notice" role="status">
                {needCode}
              </p>
              <Field label={t("shift.code")}>
                {(id) => (
                  <Input
                    id={id}
                    inputMode="numeric"
                    maxLength={8}
                    value={code}
                    onChange={setCode}
                    placeholder={t("shift.codePlaceholder")}
                  />
                )}
              </Field>
              <Button
                block
                size="large"
                color="primary"
                type="submit"
                disabled={code.trim().length < 4}
                loading={checkIn.busy}
              >
                {t("shift.checkInWithCode")}
              </Button>
            </form>
          )}
          {needCode === null && (
            <Button fill="none" onClick={() => setNeedCode(t("shift.askForCode"))}>
              {t("shift.haveCode")}
            </Button>
          )}
        </div>
      )}
      {b.status === "checked_in" && b.checkedInAt && (
        <CheckOutPanel
          startsAt={b.gig.startsAt}
          checkedInAt={b.checkedInAt}
          busy={checkOut.busy}
          onConfirm={() => void checkOut.run()}
        />
      )}
      {(b.status === "checked_out" || b.status === "completed") && (
        <Result
          status="success"
          title={t("shift.doneTitle")}
          description={b.checkedOutAt ? t("shift.checkedOutAt", { time: clock(b.checkedOutAt) }) : undefined}
        />
      )}
      {b.status === "booked" && <p className="lg-notice">{t("shift.confirmFirst")}</p>}
      <div className="lg-bottom-action">
        <Link to="/worker/work" className="lg-text-link">
          {t("shift.backToWork")}
        </Link>
      </div>
    </>
  );
}
