/** Any address the app does not know: say so plainly and offer the way home. */
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import "./landing.css";

export default function NotOpen() {
  const { t } = useTranslation();
  return (
    <main className="lg-landing lg-not-open">
      <h1>{t("notOpen.title")}</h1>
      <p>{t("notOpen.text")}</p>
      <Link className="lg-choice lg-choice-worker" to="/">
        <span className="lg-choice-title">{t("notOpen.home")}</span>
      </Link>
    </main>
  );
}
