/**
 * 投诉: a worker reports unpaid wages (欠薪) or another problem with a shift. The station of the
 * gig's district handles it within the city's deadline; she follows it under 我的 → 我的投诉.
 */
import { Button, Input, Selector, TextArea } from "antd-mobile";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate, useParams } from "react-router-dom";
import { post } from "../../shared/api.ts";
import "./locales.ts";
import { COMPLAINT_KINDS } from "../../shared/choices.ts";
import { useAction } from "../../shared/useResource.ts";
import { Field } from "../Field.tsx";
import { ErrorLine, PageHeader } from "../parts.tsx";

type Kind = (typeof COMPLAINT_KINDS)[number];

export default function ComplaintForm() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { bookingId } = useParams();
  const [kind, setKind] = useState<Kind>("wage_arrears");
  const [amount, setAmount] = useState("");
  const [description, setDescription] = useState("");
  const send = useAction((body: unknown) => post("/api/complaints", body));
  const tooShort = description.trim().length < 4;

  async function submit() {
    const body = {
      kind,
      bookingId,
      description: description.trim(),
      ...(kind === "wage_arrears" && Number(amount) > 0
        ? { amountFen: Math.round(Number(amount) * 100) }
        : {}),
    };
    if (await send.run(body)) navigate("/worker/complaints", { replace: true });
  }

  return (
    <div className="lg-worker">
      <PageHeader title={t("complaint.title")} back />
      <p className="lg-notice">{t("complaint.hint")}</p>
      <form
        className="lg-worker-section"
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <fieldset className="lg-fieldset">
          <legend>{t("complaint.kindLabel")}</legend>
          <Selector
            columns={2}
            value={[kind]}
            onChange={(value) => value[0] && setKind(value[0])}
            options={COMPLAINT_KINDS.map((k) => ({ label: t(`complaint.kind.${k}`), value: k }))}
          />
        </fieldset>
        {kind === "wage_arrears" && (
          <Field label={t("complaint.amount")}>
            {(id) => (
              <Input id={id} type="number" inputMode="decimal" min={0} value={amount} onChange={setAmount} />
            )}
          </Field>
        )}
        <Field label={t("complaint.description")}>
          {(id) => (
            <TextArea
              id={id}
              value={description}
              onChange={setDescription}
              maxLength={500}
              rows={4}
              placeholder={t("complaint.descriptionPlaceholder")}
            />
          )}
        </Field>
        <ErrorLine message={send.error} />
        <Button block size="large" color="danger" type="submit" disabled={tooShort} loading={send.busy}>
          {t("complaint.submit")}
        </Button>
      </form>
    </div>
  );
}
