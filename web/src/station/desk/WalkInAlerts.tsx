/**
 * 帮她订阅: staff save a search for a walk-in they registered — what work, which district, the
 * least pay a day, same-day pay — so a new gig that fits reaches her by text message or call.
 * The server records who set it up or stopped it.
 */
import "../../notifications/locales.ts";
import { Button, Card, Checkbox, Empty, Form, List, Select } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ALERT_MIN_PAYS_YUAN, alertSummary } from "../../notifications/alerts.ts";
import { ApiError, api, get, messageOf, post } from "../../shared/api.ts";
import type { JobAlert, JobAlertBody } from "../../shared/api-types.ts";
import { ErrorAlert } from "../../shared/ErrorAlert.tsx";
import { useReference } from "../../shared/reference.ts";
import { useResource } from "../../shared/useResource.ts";
import "../../notifications/settings.locales.ts";

type Values = Pick<JobAlertBody, "categoryCode" | "districtCode" | "minDailyPayFen" | "sameDayPayOnly">;

export function WalkInAlerts({ workerId }: { workerId: string }) {
  const { t, i18n } = useTranslation();
  const reference = useReference();
  const path = `/api/workers/${workerId}/job-alerts`;
  // Only the station that registered her sets up alerts for her: elsewhere the list is null.
  const alerts = useResource(
    () =>
      get<JobAlert[]>(path).catch((caught) => {
        if (caught instanceof ApiError && caught.code === "worker_not_found_for_alert") return null;
        throw caught;
      }),
    [path],
  );
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const act = async (action: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
      await alerts.reload();
      return true;
    } catch (caught) {
      setError(messageOf(caught));
      return false;
    } finally {
      setBusy(false);
    }
  };
  const save = async (values: Values) => {
    const body: JobAlertBody = {
      ...values,
      categoryCode: values.categoryCode ?? null,
      lat: null,
      lng: null,
      radiusKm: null,
    };
    if (await act(() => post(path, body))) form.resetFields();
  };

  const title = <h2 className="lg-station-h2">{t("station.desk.alerts")}</h2>;
  if (alerts.data === null)
    return (
      <Card title={title} style={{ marginTop: 16 }}>
        <p className="lg-station-hint">{t("station.desk.alertsElsewhere")}</p>
      </Card>
    );
  return (
    <Card
      title={title}
      className="lg-walk-in-alerts"
      style={{ marginTop: 16 }}
      loading={alerts.loading && !alerts.data}
    >
      <p className="lg-station-hint">{t("station.desk.alertsHint")}</p>
      <ErrorAlert error={error ?? alerts.error} />
      <List
        data-testid="walk-in-alerts"
        dataSource={alerts.data ?? []}
        locale={{ emptyText: <Empty description={t("notifications.alerts.empty")} /> }}
        renderItem={(alert) => (
          <List.Item
            actions={[
              <Button
                key="stop"
                disabled={busy}
                onClick={() => void act(() => api("DELETE", `${path}/${alert.id}`))}
              >
                {t("notifications.alerts.stop")}
              </Button>,
            ]}
          >
            {alertSummary(alert, reference.data, t)}
          </List.Item>
        )}
      />
      <Form<Values>
        form={form}
        layout="inline"
        initialValues={{ categoryCode: null, minDailyPayFen: 0, sameDayPayOnly: false }}
        onFinish={(values) => void save(values)}
        style={{ marginTop: 16, rowGap: 8 }}
      >
        <Form.Item name="categoryCode" label={t("notifications.alerts.category")}>
          <Select
            style={{ width: 160 }}
            options={[
              { value: null, label: t("notifications.alerts.anyCategory") },
              ...(reference.data?.categories ?? []).map((c) => ({
                value: c.code,
                label: i18n.language === "en" ? c.nameEn : c.nameZh,
              })),
            ]}
          />
        </Form.Item>
        <Form.Item
          name="districtCode"
          label={t("notifications.alerts.district")}
          rules={[{ required: true, message: t("notifications.alerts.noPlace") }]}
        >
          <Select
            style={{ width: 140 }}
            options={(reference.data?.divisions ?? []).map((d) => ({ value: d.code, label: d.name }))}
          />
        </Form.Item>
        <Form.Item name="minDailyPayFen" label={t("notifications.alerts.minPay")}>
          <Select
            style={{ width: 110 }}
            options={[
              { value: 0, label: t("notifications.alerts.anyPay") },
              ...ALERT_MIN_PAYS_YUAN.map((y) => ({ value: y * 100, label: `¥${y}+` })),
            ]}
          />
        </Form.Item>
        <Form.Item name="sameDayPayOnly" valuePropName="checked">
          <Checkbox>{t("notifications.alerts.sameDayPay")}</Checkbox>
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy}>
          {t("notifications.alerts.save")}
        </Button>
      </Form>
    </Card>
  );
}
