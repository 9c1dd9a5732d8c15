/**
 * Username-and-password sign-in for the staff faces (station console, monitoring platform).
 * Each face says who may enter, where to go next, and its texts and styles.
 */
import { Button, Card, Form, Input } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Navigate, useNavigate } from "react-router-dom";
import { messageOf, post } from "./api.ts";
import type { Me } from "./api-types.ts";
import { ErrorAlert } from "./ErrorAlert.tsx";

export interface StaffSignInProps {
  me: Me | null;
  refresh: () => Promise<Me | null>;
  /** Who this face is for. */
  allowed: (me: Me | null) => boolean;
  /** Where to go once signed in. */
  target: string;
  /** i18n prefix holding title, subtitle, username, password, submit and the refusal. */
  texts: "admin.signIn" | "station.signIn";
  refusal: string;
  /** Class name prefix of the face's stylesheet. */
  className: string;
}

export function StaffSignIn({ me, refresh, allowed, target, texts, refusal, className }: StaffSignInProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (allowed(me)) return <Navigate to={target} replace />;

  const submit = async (values: { username: string; password: string }) => {
    setBusy(true);
    setError(null);
    try {
      await post("/api/auth/sign-in/password", values);
      const signedIn = await refresh();
      if (allowed(signedIn)) navigate(target, { replace: true });
      else setError(t(refusal));
    } catch (caught) {
      setError(messageOf(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className={className}>
      <Card className={`${className}-card`}>
        <h1>{t(`${texts}.title`)}</h1>
        <p>{t(`${texts}.subtitle`)}</p>
        <ErrorAlert error={error} />
        <Form layout="vertical" onFinish={submit} requiredMark={false}>
          <Form.Item label={t(`${texts}.username`)} name="username" rules={[{ required: true }]}>
            <Input autoComplete="username" size="large" />
          </Form.Item>
          <Form.Item label={t(`${texts}.password`)} name="password" rules={[{ required: true }]}>
            <Input.Password autoComplete="current-password" size="large" />
          </Form.Item>
          <Button type="primary" htmlType="submit" size="large" block loading={busy}>
            {t(`${texts}.submit`)}
          </Button>
        </Form>
      </Card>
    </main>
  );
}
