/** 我的数据 in the worker app: download a copy of everything held about me, or close the account. */
import { Button, Input } from "antd-mobile";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import "../shared/privacy/locales.ts";
import "../shared/privacy/privacy.css";
import { ErrorLine, PageHeader } from "../worker/parts.tsx";
import { MY_DATA_JSON, MY_DATA_XLSX, useCloseAccount } from "./useCloseAccount.ts";

export default function WorkerMyData() {
  const { t } = useTranslation();
  const closing = useCloseAccount();
  if (closing.closed)
    return (
      <>
        <PageHeader title={t("privacy.close")} />
        <p className="lg-worker-section" role="status">
          {t("privacy.closed")}
        </p>
        <div className="lg-bottom-action">
          <Link to="/worker">{t("notOpen.home")}</Link>
        </div>
      </>
    );
  return (
    <>
      <PageHeader title={t("privacy.myData")} back />
      <section className="lg-worker-section lg-my-data" aria-labelledby="my-data-download">
        <h2 id="my-data-download">{t("privacy.myData")}</h2>
        <p>{t("privacy.myDataHint")}</p>
        <a className="lg-download" href={MY_DATA_XLSX} download>
          {t("privacy.downloadXlsx")}
        </a>
        <a className="lg-download lg-download-secondary" href={MY_DATA_JSON} download="my-data.json">
          {t("privacy.downloadJson")}
        </a>
        <p>
          <Link to="/legal/privacy">{t("privacy.privacy")}</Link> ·{" "}
          <Link to="/legal/terms">{t("privacy.terms")}</Link>
        </p>
      </section>
      <section className="lg-worker-section lg-my-data" aria-labelledby="my-data-close">
        <h2 id="my-data-close">{t("privacy.close")}</h2>
        <p>{t("privacy.closeHint")}</p>
        <label htmlFor="close-confirmation">{t("privacy.closeConfirmLabel")}</label>
        <Input id="close-confirmation" value={closing.confirmation} onChange={closing.setConfirmation} />
        <ErrorLine message={closing.error} />
        <Button
          block
          size="large"
          color="danger"
          fill="outline"
          loading={closing.busy}
          disabled={closing.confirmation.trim() === ""}
          onClick={() => void closing.close()}
        >
          {t("privacy.closeSubmit")}
        </Button>
      </section>
    </>
  );
}
