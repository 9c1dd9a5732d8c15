/** The documents to accept, shown at sign-in when the server asks (first sign-in or a new version). */
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { LegalDocument } from "../api-types.ts";
import { LegalText } from "./LegalText.tsx";
import "./locales.ts";
import "./privacy.css";

export function ConsentDocuments({ documents, action }: { documents: LegalDocument[]; action: ReactNode }) {
  const { t } = useTranslation();
  return (
    <section className="lg-consent" aria-labelledby="lg-consent-title" data-testid="consent-documents">
      <h2 id="lg-consent-title">{t("privacy.askTitle")}</h2>
      <p>{t("privacy.askHint")}</p>
      {documents.map((document) => (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard
        <article key={document.kind} className="lg-consent-document" tabIndex={0} aria-label={document.title}>
          <h3>
            {document.title}
            <small>
              {t("privacy.version", { version: document.version, date: document.publishedAt.slice(0, 10) })}
            </small>
          </h3>
          <LegalText document={document} />
        </article>
      ))}
      {action}
    </section>
  );
}
