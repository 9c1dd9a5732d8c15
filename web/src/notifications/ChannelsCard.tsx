/** The portal's 消息提醒方式 (antd): the app always; SMS and a call that reads it out if chosen. */
import "./locales.ts";
import { Card, Form, message, Radio, Switch } from "antd";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../shared/ErrorAlert.tsx";
import { useChannels } from "./useChannels.ts";
import "./settings.locales.ts";

export default function ChannelsCard() {
  const { t } = useTranslation();
  const [toast, holder] = message.useMessage();
  const { value, error, busy, change } = useChannels();
  const save = async (patch: Parameters<typeof change>[0]) => {
    if (await change(patch)) void toast.success(t("notifications.channels.saved"));
  };
  return (
    <Card
      title={<h1>{t("notifications.channels.title")}</h1>}
      loading={!value && !error}
      style={{ maxWidth: 720 }}
    >
      {holder}
      <p>{t("notifications.channels.hint")}</p>
      <ErrorAlert error={error} />
      {value && (
        <Form layout="horizontal" labelCol={{ span: 8 }} wrapperCol={{ span: 16 }}>
          <Form.Item label={t("notifications.channels.app")}>{t("notifications.channels.always")}</Form.Item>
          <Form.Item label={t("notifications.channels.sms")} htmlFor="lg-channel-sms">
            <Switch
              id="lg-channel-sms"
              checked={value.sms}
              loading={busy}
              onChange={(sms) => void save({ sms })}
            />
          </Form.Item>
          <Form.Item
            label={t("notifications.channels.voice")}
            htmlFor="lg-channel-voice"
            extra={t("notifications.channels.voiceHint")}
          >
            <Switch
              id="lg-channel-voice"
              checked={value.voice}
              loading={busy}
              onChange={(voice) => void save({ voice })}
            />
          </Form.Item>
          <Form.Item label={t("notifications.channels.lang")}>
            <Radio.Group
              value={value.lang}
              onChange={(event) => void save({ lang: event.target.value })}
              options={[
                { label: "中文", value: "zh-CN" },
                { label: "English", value: "en" },
              ]}
            />
          </Form.Item>
        </Form>
      )}
    </Card>
  );
}
