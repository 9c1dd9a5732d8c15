/**
 * 核对工时: the hours measured between check-in and check-out, approved as they are or corrected
 * with a note the worker will see (they may dispute within the window).
 */
import { Checkbox, Form, Input, InputNumber, Modal } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { messageOf, post } from "../../shared/api.ts";
import type { Booking } from "../../shared/api-types.ts";
import { ErrorAlert } from "../../shared/ErrorAlert.tsx";
import { clock, hours } from "../../shared/format.ts";

/** As the server measures it: from check-in, or the start if the worker came early, to check-out. */
export function measuredMinutes(booking: Booking): number | null {
  if (!booking.checkedInAt || !booking.checkedOutAt) return null;
  const from = Math.max(Date.parse(booking.gig.startsAt), Date.parse(booking.checkedInAt));
  return Math.max(0, Math.floor((Date.parse(booking.checkedOutAt) - from) / 60_000));
}

interface Props {
  booking: Booking;
  onClose: () => void;
  onDone: () => Promise<void>;
}

export function TimesheetModal({ booking, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const measured = measuredMinutes(booking) ?? 0;
  // Hours are shown to a tenth; only a change from that shown figure counts as a correction.
  const shownHours = Math.round((measured / 60) * 10) / 10;
  const [form] = Form.useForm<{ hours: number; note: string; sentHomeEarly: boolean }>();
  const chosen = Form.useWatch("hours", form);
  const corrected = chosen !== undefined && chosen !== shownHours;
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function approve() {
    const values = await form.validateFields();
    setBusy(true);
    setError(null);
    try {
      await post(`/api/bookings/${booking.id}/timesheet/approve`, {
        ...(corrected ? { approvedMinutes: Math.round(values.hours * 60), correctionNote: values.note } : {}),
        ...(values.sentHomeEarly ? { sentHomeEarly: true } : {}),
      });
      await onDone();
      onClose();
    } catch (caught) {
      setError(messageOf(caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      open
      title={t("employer.crew.timesheetTitle", { name: booking.workerName })}
      okText={corrected ? t("employer.crew.approveCorrected") : t("employer.crew.approve")}
      cancelText={t("common.cancel")}
      confirmLoading={busy}
      onOk={() => void approve()}
      onCancel={onClose}
    >
      <p>
        {t("employer.crew.measured", {
          from: booking.checkedInAt ? clock(booking.checkedInAt) : "—",
          to: booking.checkedOutAt ? clock(booking.checkedOutAt) : "—",
          hours: hours(measured),
        })}
      </p>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ hours: shownHours, note: "", sentHomeEarly: false }}
      >
        <Form.Item
          label={t("employer.crew.approvedHours")}
          name="hours"
          rules={[
            { required: true, type: "number", min: 0, max: 24 * 7, message: t("employer.crew.hoursRule") },
          ]}
        >
          <InputNumber min={0} step={0.5} precision={1} style={{ width: 160 }} />
        </Form.Item>
        {corrected && (
          <Form.Item
            label={t("employer.crew.correctionNote")}
            name="note"
            rules={[{ required: true, min: 2, message: t("employer.crew.correctionNoteRule") }]}
          >
            <Input.TextArea rows={2} maxLength={300} />
          </Form.Item>
        )}
        <Form.Item name="sentHomeEarly" valuePropName="checked" extra={t("employer.crew.sentHomeEarlyHint")}>
          <Checkbox>{t("employer.crew.sentHomeEarly")}</Checkbox>
        </Form.Item>
      </Form>
      <ErrorAlert error={error} />
    </Modal>
  );
}
