/** Small pieces every console page uses: the title with its hint, and the server's error. */
import { Alert, Button } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

export function PageTitle({ title, hint, extra }: { title: string; hint?: string; extra?: ReactNode }) {
  return (
    <header className="lg-station-title">
      <div style={{ display: "flex", justifyContent: "space-between", alignItems: "center", gap: 16 }}>
        <h1>{title}</h1>
        {extra}
      </div>
      {hint && <p className="lg-station-hint">{hint}</p>}
    </header>
  );
}

export function LoadError({ error, retry }: { error: string; retry?: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={error}
      style={{ marginBottom: 16 }}
      action={retry && <Button onClick={retry}>{t("common.retry")}</Button>}
    />
  );
}
