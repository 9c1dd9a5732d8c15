/** 我的数据 in the employer portal: download a copy of everything held about us, or close the account. */
import { Button, Card, Input, Result, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../shared/ErrorAlert.tsx";
import { LegalLinks } from "../shared/privacy/LegalLinks.tsx";
import "../shared/privacy/locales.ts";
import "../shared/privacy/privacy.css";
import { MY_DATA_JSON, MY_DATA_XLSX, useCloseAccount } from "./useCloseAccount.ts";

export default function EmployerMyData() {
  const { t } = useTranslation();
  const closing = useCloseAccount();
  if (closing.closed) return <Result status="success" title={t("privacy.closed")} />;
  return (
    <>
      <Card title={<h1 className="lg-card-title">{t("privacy.myData")}</h1>}>
        <Typography.Paragraph>{t("privacy.myDataHint")}</Typography.Paragraph>
        <div className="lg-my-data-buttons">
          <Button type="primary" size="large" href={MY_DATA_XLSX} download>
            {t("privacy.downloadXlsx")}
          </Button>
          <Button size="large" href={MY_DATA_JSON} download="my-data.json">
            {t("privacy.downloadJson")}
          </Button>
        </div>
        <Typography.Paragraph style={{ marginTop: 12 }}>
          <LegalLinks text="《用户协议》 · 《隐私政策》" />
        </Typography.Paragraph>
      </Card>
      <Card title={<h2 className="lg-card-title">{t("privacy.close")}</h2>} style={{ marginTop: 16 }}>
        <Typography.Paragraph>{t("privacy.closeHint")}</Typography.Paragraph>
        <label htmlFor="close-confirmation">{t("privacy.closeConfirmLabel")}</label>
        <Input
          id="close-confirmation"
          size="large"
          style={{ maxWidth: 240, display: "block", margin: "8px 0" }}
          value={closing.confirmation}
          onChange={(event) => closing.setConfirmation(event.target.value)}
        />
        <ErrorAlert error={closing.error} />
        <Button
          danger
          size="large"
          loading={closing.busy}
          disabled={closing.confirmation.trim() === ""}
          onClick={() => void closing.close()}
        >
          {t("privacy.closeSubmit")}
        </Button>
      </Card>
    </>
  );
}
