/** 消息提醒方式: the app always; a text message or a call that reads it out, if she wants. */
import "../../notifications/locales.ts";
import { List, Selector, Switch, Toast } from "antd-mobile";
import { useTranslation } from "react-i18next";
import { useChannels } from "../../notifications/useChannels.ts";
import { ErrorLine, PageHeader } from "../parts.tsx";
import "../../notifications/settings.locales.ts";

export default function MessageSettings() {
  const { t } = useTranslation();
  const { value, error, busy, change } = useChannels();
  const save = async (patch: Parameters<typeof change>[0]) => {
    if (await change(patch)) Toast.show({ content: t("notifications.channels.saved") });
  };
  return (
    <>
      <PageHeader title={t("notifications.channels.title")} back />
      <p className="lg-worker-section">{t("notifications.channels.hint")}</p>
      <ErrorLine message={error} />
      {value && (
        <>
          <List>
            <List.Item extra={t("notifications.channels.always")}>
              {t("notifications.channels.app")}
            </List.Item>
            <List.Item
              extra={
                <Switch
                  checked={value.sms}
                  loading={busy}
                  onChange={(sms) => void save({ sms })}
                  aria-label={t("notifications.channels.sms")}
                />
              }
            >
              {t("notifications.channels.sms")}
            </List.Item>
            <List.Item
              description={t("notifications.channels.voiceHint")}
              extra={
                <Switch
                  checked={value.voice}
                  loading={busy}
                  onChange={(voice) => void save({ voice })}
                  aria-label={t("notifications.channels.voice")}
                />
              }
            >
              {t("notifications.channels.voice")}
            </List.Item>
          </List>
          <fieldset className="lg-fieldset lg-worker-section">
            <legend>{t("notifications.channels.lang")}</legend>
            <Selector
              columns={2}
              value={[value.lang]}
              onChange={(v) => v[0] && void save({ lang: v[0] })}
              options={[
                { label: "中文", value: "zh-CN" as const },
                { label: "English", value: "en" as const },
              ]}
            />
          </fieldset>
        </>
      )}
    </>
  );
}
