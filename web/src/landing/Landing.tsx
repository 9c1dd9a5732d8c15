/** The front door: a visitor says whether they want work or need workers. Plain HTML, so it loads at once. */
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { LanguageLink } from "./LanguageLink.tsx";
import "./landing.css";

export default function Landing() {
  const { t } = useTranslation();
  return (
    <div className="lg-landing">
      <header className="lg-landing-top">
        <span className="lg-landing-brand">{t("landing.brand")}</span>
        <LanguageLink />
      </header>
      <main>
        <h1>{t("landing.title")}</h1>
        <p className="lg-landing-sub">{t("landing.subtitle")}</p>
        <div className="lg-landing-choices">
          <Link className="lg-choice lg-choice-worker" to="/worker">
            <span className="lg-choice-title">{t("landing.worker")}</span>
            <span className="lg-choice-text">{t("landing.workerText")}</span>
          </Link>
          <Link className="lg-choice lg-choice-employer" to="/employer">
            <span className="lg-choice-title">{t("landing.employer")}</span>
            <span className="lg-choice-text">{t("landing.employerText")}</span>
          </Link>
        </div>
        <p className="lg-landing-promise">{t("landing.promise")}</p>
      </main>
      <footer className="lg-landing-staff">
        <span>{t("landing.staff")}</span>
        <a href="/station">{t("landing.station")}</a>
        <a href="/admin">{t("landing.monitoring")}</a>
      </footer>
    </div>
  );
}
