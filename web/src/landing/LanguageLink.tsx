/** A text button that switches between 中文 and English; it names the language it switches to. */
import { useTranslation } from "react-i18next";
import { switchLanguage } from "../shared/i18n.ts";

export function LanguageLink({ className = "lg-language-link" }: { className?: string }) {
  const { t } = useTranslation();
  return (
    <button type="button" className={className} onClick={switchLanguage} lang={t("language.otherCode")}>
      {t("language.other")}
    </button>
  );
}
