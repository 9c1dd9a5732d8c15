/** 确认收到 or 有问题: the worker's answer to a payment the employer recorded. A dispute needs a reason. */
import { ActionSheet, Button } from "antd-mobile";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { post } from "../../shared/api.ts";
import { useAction } from "../../shared/useResource.ts";
import { ErrorLine } from "../parts.tsx";

const DISPUTE_REASONS = ["not_received", "amount_wrong", "other"] as const;

export function PaymentActions({
  paymentId,
  onChanged,
}: {
  paymentId: string;
  onChanged: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const [disputing, setDisputing] = useState(false);
  const act = useAction(async (verb: "confirm" | "dispute", reason?: string) => {
    await post(`/api/payments/${paymentId}/${verb}`, verb === "dispute" ? { reason } : {});
    await onChanged();
  });
  return (
    <>
      <ErrorLine message={act.error} />
      <div className="lg-row-actions">
        <Button size="large" loading={act.busy} onClick={() => setDisputing(true)}>
          {t("earnings.dispute")}
        </Button>
        <Button size="large" color="primary" loading={act.busy} onClick={() => void act.run("confirm")}>
          {t("earnings.confirm")}
        </Button>
      </div>
      <ActionSheet
        visible={disputing}
        onClose={() => setDisputing(false)}
        extra={t("earnings.disputeWhy")}
        cancelText={t("common.cancel")}
        actions={DISPUTE_REASONS.map((code) => ({
          key: code,
          text: t(`earnings.disputeReason.${code}`),
          onClick: () => {
            setDisputing(false);
            void act.run("dispute", t(`earnings.disputeReason.${code}`));
          },
        }))}
      />
    </>
  );
}
