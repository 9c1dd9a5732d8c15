/** 评价零工: stars and a few tags after the shift; ratings feed reliability and the favourite pool. */
import { Checkbox, Form, Input, Modal, Rate } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { get, itemsOf, messageOf, post } from "../../shared/api.ts";
import type { Booking, RatingTag } from "../../shared/api-types.ts";
import { ErrorAlert } from "../../shared/ErrorAlert.tsx";
import { useResource } from "../../shared/useResource.ts";

interface Props {
  booking: Booking;
  onClose: () => void;
  onDone: () => Promise<void>;
}

export function RatingModal({ booking, onClose, onDone }: Props) {
  const { t, i18n } = useTranslation();
  const tags = useResource(async () => itemsOf(await get<RatingTag[]>("/api/ratings/tags")), []);
  const [form] = Form.useForm<{ tags: string[]; comment: string }>();
  const [stars, setStars] = useState(5);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const forWorkers = (tags.data ?? []).filter((tag) => tag.direction === "employer_to_worker");

  async function send() {
    const values = await form.validateFields();
    setBusy(true);
    setError(null);
    try {
      await post(`/api/bookings/${booking.id}/ratings`, {
        stars,
        tags: values.tags ?? [],
        comment: values.comment?.trim() ?? "",
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
      title={t("employer.crew.rateTitle", { name: booking.workerName })}
      okText={t("employer.crew.sendRating")}
      cancelText={t("common.cancel")}
      confirmLoading={busy}
      onOk={() => void send()}
      onCancel={onClose}
    >
      <Form form={form} layout="vertical" initialValues={{ tags: [], comment: "" }}>
        {/* Not a named field: antd would hang form ARIA attributes on the star list, which axe rejects. */}
        <Form.Item label={t("rating.stars")}>
          <Rate value={stars} onChange={setStars} allowClear={false} />
        </Form.Item>
        {forWorkers.length > 0 && (
          <Form.Item label={t("rating.tags")} name="tags">
            <Checkbox.Group
              options={forWorkers.map((tag) => ({
                value: tag.code,
                label: i18n.language === "en" ? tag.nameEn : tag.nameZh,
              }))}
            />
          </Form.Item>
        )}
        <Form.Item label={t("rating.comment")} name="comment">
          <Input.TextArea rows={2} maxLength={300} />
        </Form.Item>
      </Form>
      <ErrorAlert error={error} />
    </Modal>
  );
}
