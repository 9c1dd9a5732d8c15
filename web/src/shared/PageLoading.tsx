/** Shown while a screen's code or data arrives; plain HTML so it costs no library. */
import { useTranslation } from "react-i18next";

export function PageLoading() {
  const { t } = useTranslation();
  return (
    <div className="lg-page-loading" role="status" aria-live="polite">
      <span className="lg-spinner" aria-hidden="true" />
      {t("common.loading")}
    </div>
  );
}
