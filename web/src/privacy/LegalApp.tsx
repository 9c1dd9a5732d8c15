/**
 * /legal/terms and /legal/privacy: the latest 用户协议 and 隐私政策, public, in the worker app's
 * plain large type (most readers come from the worker app's sign-in). Other addresses under /legal
 * are the worker app's not-found page.
 */
import { useTranslation } from "react-i18next";
import { Navigate, Route, Routes, useParams } from "react-router-dom";
import { get } from "../shared/api.ts";
import type { LegalDocument } from "../shared/api-types.ts";
import { PageLoading } from "../shared/PageLoading.tsx";
import { LegalText } from "../shared/privacy/LegalText.tsx";
import "../shared/privacy/locales.ts";
import "../shared/privacy/privacy.css";
import { useResource } from "../shared/useResource.ts";
import NotFound from "../worker/NotFound.tsx";
import { ErrorLine, PageHeader } from "../worker/parts.tsx";
import "../worker/worker.css";

function LegalDocumentPage({ kind }: { kind: "terms" | "privacy" }) {
  const { t, i18n } = useTranslation();
  const page = useResource(() => get<LegalDocument>(`/api/legal/${kind}`), [kind, i18n.language]);
  return (
    <div className="lg-worker">
      <PageHeader title={page.data?.title ?? t(`privacy.${kind}`)} back={window.history.length > 1} />
      <main className="lg-worker-section lg-legal-page">
        {page.loading && !page.data && <PageLoading />}
        <ErrorLine message={page.error} />
        {page.data && (
          <>
            <p className="lg-legal-meta">
              {t("privacy.version", { version: page.data.version, date: page.data.publishedAt.slice(0, 10) })}
            </p>
            <LegalText document={page.data} />
          </>
        )}
      </main>
    </div>
  );
}

function ByKind() {
  const { kind } = useParams();
  if (kind === "terms" || kind === "privacy") return <LegalDocumentPage kind={kind} />;
  return <NotFound />;
}

export default function LegalApp() {
  return (
    <Routes>
      <Route index element={<Navigate to="privacy" replace />} />
      <Route path=":kind" element={<ByKind />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
