/** 我的: profile, ratings, 大字模式, language, sign out — the settings an older user looks for in one place. */
import { Button, List, Switch } from "antd-mobile";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router-dom";
import { switchLanguage } from "../../shared/i18n.ts";
import "../../notifications/locales.ts";
import "../../shared/privacy/locales.ts";
import { useSession } from "../../shared/session.tsx";
import { setLargeText, useLargeTextValue } from "../largeText.ts";
import { PageHeader } from "../parts.tsx";
import "../../notifications/settings.locales.ts";

export default function MePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { me, signOut } = useSession();
  const large = useLargeTextValue();
  return (
    <>
      <PageHeader title={t("me.title")} />
      <p className="lg-worker-section lg-me-name">{me?.displayName || t("me.noName")}</p>
      <List>
        <List.Item onClick={() => navigate("/worker/profile")} arrowIcon>
          {t("me.profile")}
        </List.Item>
        <List.Item onClick={() => navigate("/worker/job-alerts")} arrowIcon>
          {t("notifications.alerts.title")}
        </List.Item>
        <List.Item onClick={() => navigate("/worker/notifications/settings")} arrowIcon>
          {t("notifications.channels.title")}
        </List.Item>
        <List.Item onClick={() => navigate("/worker/ratings")} arrowIcon>
          {t("me.ratings")}
        </List.Item>
        <List.Item onClick={() => navigate("/worker/complaints")} arrowIcon>
          {t("me.complaints")}
        </List.Item>
        <List.Item onClick={() => navigate("/worker/my-data")} arrowIcon>
          {t("privacy.myData")}
        </List.Item>
        <List.Item
          extra={<Switch checked={large} onChange={setLargeText} aria-label={t("me.largeText")} />}
          description={t("me.largeTextHint")}
        >
          {t("me.largeText")}
        </List.Item>
        <List.Item onClick={switchLanguage} extra={t("language.other")} arrowIcon>
          {t("me.language")}
        </List.Item>
      </List>
      <div className="lg-bottom-action">
        <Button block size="large" onClick={() => void signOut()}>
          {t("common.signOut")}
        </Button>
      </div>
    </>
  );
}
