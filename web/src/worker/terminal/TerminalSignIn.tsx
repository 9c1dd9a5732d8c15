/**
 * 扫码登录: she scanned the QR code on a station's self-service terminal with her phone; this page
 * (opened by that code, after her own sign-in if needed) says which station's terminal asks and
 * signs the terminal in when she confirms.
 */
import "./locales.ts";
import { Button, Result } from "antd-mobile";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router-dom";
import { post } from "../../shared/api.ts";
import type { QrSignInView } from "../../shared/api-types.ts";
import { useAction, useResource } from "../../shared/useResource.ts";
import { ErrorLine, PageHeader } from "../parts.tsx";

export default function TerminalSignIn() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const id = params.get("i") ?? "";
  const secret = params.get("s") ?? "";
  const complete = /^[0-9a-f-]{36}$/.test(id) && secret.length >= 16;
  const asking = useResource(
    () =>
      complete
        ? post<QrSignInView>(`/api/terminal-sign-ins/${id}/look`, { secret })
        : Promise.reject(new Error(t("terminalSignIn.missing"))),
    [id, secret],
  );
  const confirm = useAction(() => post(`/api/terminal-sign-ins/${id}/confirm`, { secret }));
  const [outcome, setOutcome] = useState<"done" | "cancelled" | null>(null);

  return (
    <>
      <PageHeader title={t("terminalSignIn.title")} />
      <ErrorLine message={asking.error ?? confirm.error} />
      {outcome && (
        <Result status={outcome === "done" ? "success" : "info"} title={t(`terminalSignIn.${outcome}`)} />
      )}
      {!outcome && asking.data && (
        <section className="lg-detail" aria-label={t("terminalSignIn.title")}>
          <h2>{t("terminalSignIn.ask", { station: asking.data.stationName })}</h2>
          <p className="lg-gig-line">{t("terminalSignIn.hint")}</p>
          <div className="lg-big-action">
            <Button
              block
              size="large"
              color="primary"
              loading={confirm.busy}
              onClick={async () => {
                if (await confirm.run()) setOutcome("done");
              }}
            >
              {t("terminalSignIn.confirm")}
            </Button>
            <Button block size="large" fill="none" onClick={() => setOutcome("cancelled")}>
              {t("terminalSignIn.notMe")}
            </Button>
          </div>
        </section>
      )}
    </>
  );
}
