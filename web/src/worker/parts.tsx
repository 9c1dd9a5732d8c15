/** Small pieces every worker screen uses: a header, an error line, an empty state with a next step. */
import { LeftOutlined } from "@ant-design/icons";
import { ErrorBlock } from "antd-mobile";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router-dom";

/** The screen's title, with a real back button when there is somewhere to go back to. */
export function PageHeader({ title, back, right }: { title: string; back?: boolean; right?: ReactNode }) {
  const navigate = useNavigate();
  const { t } = useTranslation();
  return (
    <header className="lg-worker-header">
      <div className="lg-worker-header-side">
        {back && (
          <button type="button" className="lg-back" onClick={() => navigate(-1)}>
            <LeftOutlined aria-hidden="true" /> {t("common.back")}
          </button>
        )}
      </div>
      <h1 className="lg-worker-title">{title}</h1>
      <div className="lg-worker-header-side lg-worker-header-right">{right}</div>
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
