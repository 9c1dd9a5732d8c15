/**
 * 订阅: the worker's saved searches — what work, where (a district, or how far from where she is
 * now), the least pay a day, same-day pay only. A new gig that fits is sent to her, a few a day.
 */
import "../../notifications/locales.ts";
import { Button, Dialog, List, Selector, Switch, Toast } from "antd-mobile";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ALERT_DISTANCES_KM, ALERT_MIN_PAYS_YUAN, alertSummary } from "../../notifications/alerts.ts";
import { api, get, messageOf, post } from "../../shared/api.ts";
import type { JobAlert, JobAlertBody } from "../../shared/api-types.ts";
import { currentPosition } from "../../shared/location.ts";
import { useReference } from "../../shared/reference.ts";
import { useResource } from "../../shared/useResource.ts";
import { EmptyState, ErrorLine, PageHeader } from "../parts.tsx";
import "../../notifications/settings.locales.ts";

interface Draft {
  categoryCode: string | null;
  districtCode: string | null;
  withinKm: number | null;
  minDailyPayFen: number;
  sameDayPayOnly: boolean;
}

const EMPTY: Draft = {
  categoryCode: null,
  districtCode: null,
  withinKm: null,
  minDailyPayFen: 0,
  sameDayPayOnly: false,
};

export default function JobAlerts() {
  const { t } = useTranslation();
  const reference = useReference();
  const alerts = useResource(() => get<JobAlert[]>("/api/job-alerts"), []);
  const [adding, setAdding] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function stop(alert: JobAlert) {
    const sure = await Dialog.confirm({
      content: alertSummary(alert, reference.data, t),
      confirmText: t("notifications.alerts.stop"),
      cancelText: t("common.cancel"),
    });
    if (!sure) return;
    try {
      await api("DELETE", `/api/job-alerts/${alert.id}`);
      Toast.show({ content: t("notifications.alerts.stopped") });
      await alerts.reload();
    } catch (caught) {
      setError(messageOf(caught));
    }
  }

  return (
    <>
      <PageHeader title={t("notifications.alerts.title")} back />
      <p className="lg-worker-section">{t("notifications.alerts.hint")}</p>
      <ErrorLine message={error ?? alerts.error} />
      {alerts.data && alerts.data.length === 0 && !adding && (
        <EmptyState title={t("notifications.alerts.empty")} hint={t("notifications.alerts.hint")} />
      )}
      {alerts.data && alerts.data.length > 0 && (
        <List data-testid="job-alerts">
          {alerts.data.map((alert) => (
            <List.Item
              key={alert.id}
              extra={
                <Button size="small" onClick={() => void stop(alert)}>
                  {t("notifications.alerts.stop")}
                </Button>
              }
            >
              {alertSummary(alert, reference.data, t)}
            </List.Item>
          ))}
        </List>
      )}
      {adding ? (
        <AlertForm
          onSaved={async () => {
            setAdding(false);
            Toast.show({ content: t("notifications.alerts.saved") });
            await alerts.reload();
          }}
        />
      ) : (
        <div className="lg-bottom-action">
          <Button block size="large" color="primary" onClick={() => setAdding(true)}>
            {t("notifications.alerts.add")}
          </Button>
        </div>
      )}
    </>
  );
}

function AlertForm({ onSaved }: { onSaved: () => Promise<void> }) {
  const { t, i18n } = useTranslation();
  const reference = useReference();
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const set = (patch: Partial<Draft>) => setDraft((current) => ({ ...current, ...patch }));

  async function save() {
    if (!draft.districtCode && !draft.withinKm) {
      setError(t("notifications.alerts.noPlace"));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      // "Near me" is where she stands now: the phone is asked only when she chose a distance.
      const point = draft.withinKm ? await currentPosition() : null;
      const body: JobAlertBody = {
        categoryCode: draft.categoryCode,
        districtCode: draft.districtCode,
        lat: point?.lat ?? null,
        lng: point?.lng ?? null,
        radiusKm: draft.withinKm,
        minDailyPayFen: draft.minDailyPayFen,
        sameDayPayOnly: draft.sameDayPayOnly,
      };
      await post("/api/job-alerts", body);
      await onSaved();
    } catch (caught) {
      // currentPosition() fails with "denied" or "unavailable", not an Error.
      setError(typeof caught === "string" ? t("notifications.alerts.noLocation") : messageOf(caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      className="lg-worker-section"
      aria-label={t("notifications.alerts.add")}
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <fieldset className="lg-fieldset">
        <legend>{t("notifications.alerts.category")}</legend>
        <Selector
          columns={3}
          value={draft.categoryCode ? [draft.categoryCode] : []}
          onChange={(v) => set({ categoryCode: v[0] ?? null })}
          options={(reference.data?.categories ?? []).map((c) => ({
            label: i18n.language === "en" ? c.nameEn : c.nameZh,
            value: c.code,
          }))}
        />
      </fieldset>
      <fieldset className="lg-fieldset">
        <legend>{t("notifications.alerts.district")}</legend>
        <Selector
          columns={3}
          value={draft.districtCode ? [draft.districtCode] : []}
          onChange={(v) => set({ districtCode: v[0] ?? null, withinKm: v[0] ? null : draft.withinKm })}
          options={(reference.data?.divisions ?? []).map((d) => ({ label: d.name, value: d.code }))}
        />
      </fieldset>
      <fieldset className="lg-fieldset">
        <legend>{t("notifications.alerts.nearMe")}</legend>
        <Selector
          columns={4}
          value={draft.withinKm ? [draft.withinKm] : []}
          onChange={(v) => set({ withinKm: v[0] ?? null, districtCode: v[0] ? null : draft.districtCode })}
          options={ALERT_DISTANCES_KM.map((km) => ({
            label: t("notifications.alerts.withinKm", { km }),
            value: km,
          }))}
        />
      </fieldset>
      <fieldset className="lg-fieldset">
        <legend>{t("notifications.alerts.minPay")}</legend>
        <Selector
          columns={5}
          value={[draft.minDailyPayFen]}
          onChange={(v) => set({ minDailyPayFen: v[0] ?? 0 })}
          options={[
            { label: t("notifications.alerts.anyPay"), value: 0 },
            ...ALERT_MIN_PAYS_YUAN.map((y) => ({ label: `¥${y}+`, value: y * 100 })),
          ]}
        />
      </fieldset>
      <List>
        <List.Item
          extra={
            <Switch
              checked={draft.sameDayPayOnly}
              onChange={(sameDayPayOnly) => set({ sameDayPayOnly })}
              aria-label={t("notifications.alerts.sameDayPay")}
            />
          }
        >
          {t("notifications.alerts.sameDayPay")}
        </List.Item>
      </List>
      <ErrorLine message={error} />
      <div className="lg-bottom-action">
        <Button block size="large" color="primary" type="submit" loading={busy}>
          {busy && draft.withinKm ? t("notifications.alerts.locating") : t("notifications.alerts.save")}
        </Button>
      </div>
    </form>
  );
}
