/** 城市设置 (city admin): the market's rules, each with its unit, bounds and what it changes. */
import "./administration.css";
import { Button, Card, Form, InputNumber, message, Skeleton } from "antd";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import type { CitySettings } from "../../shared/api-types.ts";
import { ErrorAlert } from "../../shared/ErrorAlert.tsx";
import { useAction, useResource } from "../../shared/useResource.ts";
import { recordTime } from "../format.ts";
import { PageTitle } from "../PageTitle.tsx";
import { administration } from "./api.ts";
import { AdministrationTheme } from "./parts.tsx";

/** The same bounds the server keeps (administration.schemas.ts). */
const RULES: Array<{ key: keyof CitySettings; min: number; max: number; unit: string }> = [
  { key: "checkInRadiusM", min: 50, max: 5000, unit: "metres" },
  { key: "freeCancelHours", min: 0, max: 72, unit: "hours" },
  { key: "noShowGraceMin", min: 5, max: 240, unit: "minutes" },
  { key: "autoCheckOutGraceMin", min: 15, max: 720, unit: "minutes" },
  { key: "disputeWindowHours", min: 24, max: 720, unit: "hours" },
  { key: "complaintDueDays", min: 1, max: 60, unit: "days" },
];

export default function SettingsPage() {
  const { t } = useTranslation();
  const current = useResource(administration.settings, []);
  const [form] = Form.useForm<CitySettings>();
  const [toast, holder] = message.useMessage();
  const save = useAction(administration.saveSettings);

  useEffect(() => {
    if (current.data) form.setFieldsValue(current.data.settings);
  }, [current.data, form]);

  const submit = async (values: CitySettings) => {
    if (await save.run(values)) {
      toast.success(t("admin.administration.saved"));
      await current.reload();
    }
  };

  return (
    <AdministrationTheme>
      {holder}
      <PageTitle title={t("admin.menu.settings")} />
      <ErrorAlert error={current.error} retry={() => void current.reload()} />
      <Card size="small" style={{ maxWidth: 720 }}>
        {current.loading && !current.data ? (
          <Skeleton active />
        ) : (
          <>
            <p className="lg-admin-help">
              {t("admin.settings.intro", {
                city: current.data?.cityName ?? "",
                time: recordTime(current.data?.updatedAt, true),
              })}
            </p>
            <ErrorAlert error={save.error} />
            <Form form={form} layout="vertical" onFinish={submit}>
              {RULES.map((rule) => (
                <Form.Item
                  key={rule.key}
                  name={rule.key}
                  label={t(`admin.settings.rules.${rule.key}.label`)}
                  extra={`${t(`admin.settings.rules.${rule.key}.help`)}${t("admin.settings.bounds", {
                    min: rule.min,
                    max: rule.max,
                    unit: t(`admin.settings.units.${rule.unit}`),
                  })}`}
                  rules={[{ required: true }, { type: "number", min: rule.min, max: rule.max }]}
                >
                  <InputNumber
                    min={rule.min}
                    max={rule.max}
                    precision={0}
                    suffix={t(`admin.settings.units.${rule.unit}`)}
                    style={{ width: 200 }}
                  />
                </Form.Item>
              ))}
              <Button type="primary" htmlType="submit" loading={save.busy}>
                {t("common.save")}
              </Button>
            </Form>
          </>
        )}
      </Card>
    </AdministrationTheme>
  );
}
