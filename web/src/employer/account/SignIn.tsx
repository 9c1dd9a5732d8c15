/** Employer sign-in by phone and code; a new employer goes on to fill in who they are. */
import { Alert, Button, Card, Checkbox, Form, Input } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useLocation, useNavigate } from "react-router-dom";
import { LanguageLink } from "../../landing/LanguageLink.tsx";
import { ErrorAlert } from "../../shared/ErrorAlert.tsx";
import { ConsentDocuments } from "../../shared/privacy/ConsentDocuments.tsx";
import { LegalLinks } from "../../shared/privacy/LegalLinks.tsx";
import { nextPath, useSession } from "../../shared/session.tsx";
import { PHONE_PATTERN, useSignIn } from "../../shared/useSignIn.ts";

export default function SignIn() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const { refresh } = useSession();
  const flow = useSignIn("employer");
  const [phone, setPhone] = useState("");
  const [form] = Form.useForm<{ code: string; agreed?: boolean }>();

  async function submit(values: { code: string; agreed?: boolean }, accepted = values.agreed === true) {
    if (!(await flow.signIn(phone, values.code, accepted))) return;
    const me = await refresh();
    const next = nextPath(location.search, "/employer", "/employer");
    navigate(me?.employer ? next : "/employer/profile?first=1", { replace: true });
  }

  return (
    <main className="lg-signin-page">
      <Card
        className="lg-signin-card"
        title={<h1>{t("signIn.employerTitle")}</h1>}
        extra={<LanguageLink className="lg-employer-lang" />}
      >
        <p className="lg-signin-hint">{t("signIn.employerHint")}</p>
        <Form form={form} layout="vertical" onFinish={(values) => void submit(values)} requiredMark={false}>
          <Form.Item
            label={t("signIn.phone")}
            name="phone"
            rules={[{ pattern: PHONE_PATTERN, message: t("signIn.phoneInvalid") }]}
          >
            <Input
              size="large"
              inputMode="numeric"
              autoComplete="tel"
              maxLength={11}
              placeholder={t("signIn.phonePlaceholder")}
              onChange={(event) => setPhone(event.target.value)}
            />
          </Form.Item>
          <Button
            block
            size="large"
            type={flow.codeSent ? "default" : "primary"}
            disabled={!PHONE_PATTERN.test(phone) || flow.busy || flow.resendIn > 0}
            onClick={() => void flow.sendCode(phone)}
          >
            {flow.resendIn > 0
              ? t("signIn.resendIn", { seconds: flow.resendIn })
              : flow.codeSent
                ? t("signIn.resend")
                : t("signIn.getCode")}
          </Button>
          {flow.demoCode && (
            <Alert
              style={{ marginTop: 12 }}
              type="warning"
              title={t("signIn.demoCode", { code: flow.demoCode })}
            />
          )}
          {flow.codeSent && (
            <>
              <Form.Item
                label={t("signIn.code")}
                name="code"
                style={{ marginTop: 16 }}
                rules={[{ required: true, message: t("signIn.codePlaceholder") }]}
              >
                <Input
                  size="large"
                  inputMode="numeric"
                  autoComplete="one-time-code"
                  maxLength={6}
                  placeholder={t("signIn.codePlaceholder")}
                />
              </Form.Item>
              <Form.Item name="agreed" valuePropName="checked" className="lg-consent-check">
                <Checkbox>
                  <LegalLinks text={t("privacy.agree")} />
                </Checkbox>
              </Form.Item>
              <Button block size="large" type="primary" htmlType="submit" loading={flow.busy}>
                {t("signIn.submit")}
              </Button>
            </>
          )}
          <ErrorAlert error={flow.error} />
          {flow.documentsToAccept && (
            <ConsentDocuments
              documents={flow.documentsToAccept}
              action={
                <Button
                  block
                  size="large"
                  type="primary"
                  loading={flow.busy}
                  onClick={() => void submit(form.getFieldsValue(), true)}
                >
                  {t("privacy.accept")}
                </Button>
              }
            />
          )}
        </Form>
      </Card>
    </main>
  );
}
