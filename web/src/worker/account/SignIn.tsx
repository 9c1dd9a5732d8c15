/** Worker sign-in: phone number, a code by SMS, done. A first-timer goes on to fill in a profile. */
import { Button, Checkbox, Input } from "antd-mobile";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useLocation, useNavigate } from "react-router-dom";
import { ConsentDocuments } from "../../shared/privacy/ConsentDocuments.tsx";
import { LegalLinks } from "../../shared/privacy/LegalLinks.tsx";
import { nextPath, useSession } from "../../shared/session.tsx";
import { PHONE_PATTERN, useSignIn } from "../../shared/useSignIn.ts";
import { Field } from "../Field.tsx";
import { ErrorLine, PageHeader } from "../parts.tsx";

export default function SignIn() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const { refresh } = useSession();
  const flow = useSignIn("worker");
  const [phone, setPhone] = useState("");
  const [code, setCode] = useState("");
  const [agreed, setAgreed] = useState(false);
  const phoneValid = PHONE_PATTERN.test(phone);

  async function submit(accepted: boolean) {
    if (!(await flow.signIn(phone, code, accepted))) return;
    const me = await refresh();
    const next = nextPath(location.search, "/worker", "/worker");
    if (me?.hasWorkerProfile) navigate(next, { replace: true });
    else navigate(`/worker/profile?first=1&next=${encodeURIComponent(next)}`, { replace: true });
  }

  return (
    <div className="lg-worker">
      <PageHeader title={t("signIn.workerTitle")} back />
      <form
        className="lg-worker-section"
        onSubmit={(event) => {
          event.preventDefault();
          void submit(agreed);
        }}
      >
        <p className="lg-gig-line">{t("signIn.workerHint")}</p>
        <Field label={t("signIn.phone")}>
          {(id) => (
            <Input
              id={id}
              type="tel"
              inputMode="numeric"
              autoComplete="tel"
              maxLength={11}
              value={phone}
              onChange={setPhone}
              placeholder={t("signIn.phonePlaceholder")}
            />
          )}
        </Field>
        <Button
          block
          size="large"
          color="primary"
          fill={flow.codeSent ? "outline" : "solid"}
          disabled={!phoneValid || flow.busy || flow.resendIn > 0}
          onClick={() => void flow.sendCode(phone)}
        >
          {flow.resendIn > 0
            ? t("signIn.resendIn", { seconds: flow.resendIn })
            : flow.codeSent
              ? t("signIn.resend")
              : t("signIn.getCode")}
        </Button>
        {flow.demoCode && (
          <p className="lg-demo-code" data-testid="demo-code">
            {t("signIn.demoCode", { code: flow.demoCode })}
          </p>
        )}
        {flow.codeSent && (
          <>
            <Field label={t("signIn.code")}>
              {(id) => (
                <Input
                  id={id}
                  inputMode="numeric"
                  autoComplete="one-time-code"
                  maxLength={6}
                  value={code}
                  onChange={setCode}
                  placeholder={t("signIn.codePlaceholder")}
                />
              )}
            </Field>
            <Checkbox className="lg-consent-check" checked={agreed} onChange={setAgreed}>
              <LegalLinks text={t("privacy.agree")} />
            </Checkbox>
            <Button
              block
              size="large"
              color="primary"
              type="submit"
              loading={flow.busy}
              disabled={code.length < 4}
            >
              {t("signIn.submit")}
            </Button>
          </>
        )}
        <ErrorLine message={flow.error} />
        {flow.documentsToAccept && (
          <ConsentDocuments
            documents={flow.documentsToAccept}
            action={
              <Button
                block
                size="large"
                color="primary"
                loading={flow.busy}
                onClick={() => void submit(true)}
              >
                {t("privacy.accept")}
              </Button>
            }
          />
        )}
      </form>
    </div>
  );
}
