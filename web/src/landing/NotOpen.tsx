/** Any address the app does not know: say so plainly and offer the way home. */
import { useTranslation } from "react-i18next";
import "./landing.css";

export default function NotOpen() {
  const { t } = useTranslation();
  return (
    <main className="lg-landing lg-not-open">
      <h1>{t("notOpen.title")}</h1>
      <p>{t("notOpen.text")}</p>
      {/* The front door is its own page (web/landing.html): a full load, not a route of this app. */}
      <a className="lg-choice lg-choice-worker" href="/">
        <span className="lg-choice-title">{t("notOpen.home")}</span>
      </a>
    </main>
  );
}
