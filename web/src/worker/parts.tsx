/** Small pieces every worker screen uses: a header, an error line, an empty state with a next step. */
import { ErrorBlock, NavBar } from "antd-mobile";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router-dom";

export function PageHeader({ title, back, right }: { title: string; back?: boolean; right?: ReactNode }) {
  const navigate = useNavigate();
  const { t } = useTranslation();
  return (
    <header className="lg-worker-header">
      <NavBar
        backIcon={back ? undefined : false}
        back={back ? t("common.back") : null}
        onBack={() => navigate(-1)}
        right={right}
      >
        <h1 className="lg-worker-title">{title}</h1>
      </NavBar>
    </header>
  );
}

export function ErrorLine({ message }: { message: string | null | undefined }) {
  if (!message) return null;
  return (
    <p className="lg-error-line" role="alert">
      {message}
    </p>
  );
}

/** An empty list says what to do next, with the button that does it. */
export function EmptyState({ title, hint, action }: { title: string; hint: string; action?: ReactNode }) {
  return (
    <div className="lg-empty">
      <ErrorBlock status="empty" title={title} description={hint} fullPage={false}>
        {action}
      </ErrorBlock>
    </div>
  );
}
