/** Sign-in for the city and district bureaus' staff (username and password). */
import { Alert, Button, Card, Form, Input } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Navigate, useLocation, useNavigate } from "react-router-dom";
import { messageOf, post } from "../shared/api.ts";
import { ADMIN_BASE, isAdmin, useAdmin } from "./session.tsx";

export default function SignIn() {
  const { t } = useTranslation();
  const { me, refresh } = useAdmin();
  const navigate = useNavigate();
  const location = useLocation();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const next = new URLSearchParams(location.search).get("next");
  const target =
    next?.startsWith(ADMIN_BASE) && !next.startsWith(`${ADMIN_BASE}/sign-in`) ? next : ADMIN_BASE;

  if (isAdmin(me)) return <Navigate to={target} replace />;

  const submit = async (values: { username: string; password: string }) => {
    setBusy(true);
    setError(null);
    try {
      await post("/api/auth/sign-in/password", values);
      const signedIn = await refresh();
      if (isAdmin(signedIn)) navigate(target, { replace: true });
      else setError(t("admin.signIn.notAdmin"));
    } catch (caught) {
      setError(messageOf(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="lg-admin-sign-in">
      <Card className="lg-admin-sign-in-card">
        <h1>{t("admin.signIn.title")}</h1>
        <p>{t("admin.signIn.subtitle")}</p>
        {error && <Alert type="error" title={error} showIcon role="alert" style={{ marginBottom: 16 }} />}
        <Form layout="vertical" onFinish={submit} requiredMark={false}>
          <Form.Item label={t("admin.signIn.username")} name="username" rules={[{ required: true }]}>
            <Input autoComplete="username" size="large" />
          </Form.Item>
          <Form.Item label={t("admin.signIn.password")} name="password" rules={[{ required: true }]}>
            <Input.Password autoComplete="current-password" size="large" />
          </Form.Item>
          <Button type="primary" htmlType="submit" size="large" block loading={busy}>
            {t("admin.signIn.submit")}
          </Button>
        </Form>
      </Card>
    </main>
  );
}
