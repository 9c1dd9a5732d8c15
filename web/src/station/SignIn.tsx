/** Sign-in for station staff (username and password). */
import { Alert, Button, Card, Form, Input } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Navigate, useLocation, useNavigate } from "react-router-dom";
import { messageOf, post } from "../shared/api.ts";
import { nextPath, useSession } from "../shared/session.tsx";

export default function SignIn() {
  const { t } = useTranslation();
  const { me, base, refresh } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const target = nextPath(location.search, base, base);

  if (me?.role === "station_staff") return <Navigate to={target} replace />;

  const submit = async (values: { username: string; password: string }) => {
    setBusy(true);
    setError(null);
    try {
      await post("/api/auth/sign-in/password", values);
      const signedIn = await refresh();
      if (signedIn?.role === "station_staff") navigate(target, { replace: true });
      else setError(t("station.signIn.notStaff"));
    } catch (caught) {
      setError(messageOf(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="lg-station-sign-in">
      <Card className="lg-station-sign-in-card">
        <h1>{t("station.signIn.title")}</h1>
        <p>{t("station.signIn.subtitle")}</p>
        {error && <Alert type="error" title={error} showIcon role="alert" style={{ marginBottom: 16 }} />}
        <Form layout="vertical" onFinish={submit} requiredMark={false}>
          <Form.Item label={t("station.signIn.username")} name="username" rules={[{ required: true }]}>
            <Input autoComplete="username" size="large" />
          </Form.Item>
          <Form.Item label={t("station.signIn.password")} name="password" rules={[{ required: true }]}>
            <Input.Password autoComplete="current-password" size="large" />
          </Form.Item>
          <Button type="primary" htmlType="submit" size="large" block loading={busy}>
            {t("station.signIn.submit")}
          </Button>
        </Form>
      </Card>
    </main>
  );
}
