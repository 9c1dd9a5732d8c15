/** 记录付款: the employer records pay made outside the platform; the worker then confirms or disputes it. */
import { Form, InputNumber, Modal, Select } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { messageOf, post } from "../../shared/api.ts";
import type { Booking, Payment } from "../../shared/api-types.ts";
import { ErrorAlert } from "../../shared/ErrorAlert.tsx";
import "../../shared/gigs/locales.ts";

const METHODS: Payment["method"][] = ["wechat", "alipay", "cash", "bank_transfer", "other"];

interface Props {
  booking: Booking;
  suggestedFen: number | null;
  onClose: () => void;
  onDone: () => Promise<void>;
}

export function PaymentModal({ booking, suggestedFen, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ yuan: number; method: Payment["method"] }>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function record() {
    const values = await form.validateFields();
    setBusy(true);
    setError(null);
    try {
      await post(`/api/bookings/${booking.id}/payments`, {
        amountFen: Math.round(values.yuan * 100),
        method: values.method,
        paidAt: new Date().toISOString(),
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
      title={t("employer.crew.paymentTitle", { name: booking.workerName })}
      okText={t("employer.crew.recordPayment")}
      cancelText={t("common.cancel")}
      confirmLoading={busy}
      onOk={() => void record()}
      onCancel={onClose}
    >
      <p>{t("employer.crew.paymentHint")}</p>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ yuan: suggestedFen === null ? undefined : suggestedFen / 100, method: "wechat" }}
      >
        <Form.Item
          label={t("employer.crew.amount")}
          name="yuan"
          rules={[{ required: true, type: "number", min: 0.01, message: t("gigForm.payRule") }]}
        >
          <InputNumber min={0.01} precision={2} prefix="¥" style={{ width: 200 }} />
        </Form.Item>
        <Form.Item label={t("employer.crew.method")} name="method">
          <Select options={METHODS.map((m) => ({ value: m, label: t(`paymentMethod.${m}`) }))} />
        </Form.Item>
      </Form>
      <ErrorAlert error={error} />
    </Modal>
  );
}
