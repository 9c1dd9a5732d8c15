/**
 * 签退 while the shift is on: a "working since" card, and below it, clear of where the round blue
 * 签到 button was (a second tap on it must not land on 签退), a wide orange button; then a dialog
 * that shows the time worked so far before the shift is closed, since a check-out is final.
 */
import { LogoutOutlined } from "@ant-design/icons";
import { Button, Dialog } from "antd-mobile";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { clock } from "../../shared/format.ts";
import "./shift.locales.ts";

interface Props {
  startsAt: string;
  checkedInAt: string;
  busy: boolean;
  onConfirm: () => void;
}

/** Minutes counted so far: from check-in, or from the start if the worker came early. */
function minutesSoFar(startsAt: string, checkedInAt: string, now: number): number {
  const from = Math.max(Date.parse(startsAt), Date.parse(checkedInAt));
  return Math.max(0, Math.floor((now - from) / 60_000));
}

export function CheckOutPanel({ startsAt, checkedInAt, busy, onConfirm }: Props) {
  const { t } = useTranslation();
  const [askedAt, setAskedAt] = useState<number | null>(null);
  const minutes = askedAt === null ? 0 : minutesSoFar(startsAt, checkedInAt, askedAt);
  const beforeStart = askedAt !== null && askedAt < Date.parse(startsAt);
  const from = clock(Date.parse(checkedInAt) > Date.parse(startsAt) ? checkedInAt : startsAt);

  return (
    <>
      <div className="lg-shift-on">
        <p className="lg-shift-on-title">{t("shift.onShift", { time: clock(checkedInAt) })}</p>
        <p className="lg-gig-line">{t("shift.checkOutHint")}</p>
      </div>
      <Button
        block
        size="large"
        color="warning"
        className="lg-check-out-button"
        loading={busy}
        onClick={() => setAskedAt(Date.now())}
      >
        <LogoutOutlined aria-hidden /> {t("shift.checkOut")}
      </Button>
      <Dialog
        visible={askedAt !== null}
        title={t("shift.checkOutConfirmTitle")}
        content={
          beforeStart
            ? t("shift.checkOutBeforeStart", { time: clock(startsAt) })
            : t("shift.workedSoFar", { h: Math.floor(minutes / 60), m: minutes % 60, from })
        }
        closeOnMaskClick
        onClose={() => setAskedAt(null)}
        actions={[
          [
            { key: "stay", text: t("shift.keepWorking") },
            { key: "out", text: t("shift.checkOutConfirm"), bold: true, danger: true },
          ],
        ]}
        onAction={(action) => {
          setAskedAt(null);
          if (action.key === "out") onConfirm();
        }}
      />
    </>
  );
}
