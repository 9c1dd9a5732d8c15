/** Everything except the sort, behind one 筛选 button: category, district, distance, date, pay. */
import { Button, Popup, Selector } from "antd-mobile";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Reference } from "../../shared/api-types.ts";
import { localDate } from "../../shared/format.ts";
import type { GigFilters } from "./filters.ts";

const DISTANCES = [3, 5, 10, 20];
const MIN_PAYS_YUAN = [150, 200, 250, 300];

function dateChoices(): Array<{ key: string; date: string }> {
  const day = 86_400_000;
  return [
    { key: "today", date: localDate(new Date()) },
    { key: "tomorrow", date: localDate(new Date(Date.now() + day)) },
    { key: "dayAfter", date: localDate(new Date(Date.now() + 2 * day)) },
  ];
}

interface Props {
  open: boolean;
  filters: GigFilters;
  reference: Reference | undefined;
  onClose: () => void;
  onApply: (filters: GigFilters) => void;
}

export function FilterPopup({ open, filters, reference, onClose, onApply }: Props) {
  const { t, i18n } = useTranslation();
  const [draft, setDraft] = useState(filters);
  const one = <T,>(values: T[]) => values[0];
  const set = (patch: Partial<GigFilters>) => setDraft((current) => ({ ...current, ...patch }));

  return (
    <Popup
      visible={open}
      onMaskClick={onClose}
      onClose={onClose}
      afterShow={() => setDraft(filters)}
      bodyStyle={{ maxHeight: "85vh", overflowY: "auto", borderRadius: "16px 16px 0 0" }}
    >
      <div className="lg-worker-section" role="dialog" aria-label={t("filters.title")}>
        <h2 className="lg-worker-title">{t("filters.title")}</h2>
        <fieldset className="lg-fieldset">
          <legend>{t("filters.category")}</legend>
          <Selector
            columns={3}
            value={draft.category ? [draft.category] : []}
            onChange={(v) => set({ category: one(v) })}
            options={(reference?.categories ?? []).map((c) => ({
              label: i18n.language === "en" ? c.nameEn : c.nameZh,
              value: c.code,
            }))}
          />
        </fieldset>
        <fieldset className="lg-fieldset">
          <legend>{t("filters.district")}</legend>
          <Selector
            columns={3}
            value={draft.district ? [draft.district] : []}
            onChange={(v) => set({ district: one(v) })}
            options={(reference?.divisions ?? []).map((d) => ({ label: d.name, value: d.code }))}
          />
        </fieldset>
        <fieldset className="lg-fieldset">
          <legend>{t("filters.distance")}</legend>
          <Selector
            columns={4}
            value={draft.withinKm ? [draft.withinKm] : []}
            onChange={(v) => set({ withinKm: one(v) })}
            options={DISTANCES.map((km) => ({ label: t("filters.withinKm", { km }), value: km }))}
          />
        </fieldset>
        <fieldset className="lg-fieldset">
          <legend>{t("filters.date")}</legend>
          <Selector
            columns={3}
            value={draft.date ? [draft.date] : []}
            onChange={(v) => set({ date: one(v) })}
            options={dateChoices().map((c) => ({ label: t(`filters.${c.key}`), value: c.date }))}
          />
        </fieldset>
        <fieldset className="lg-fieldset">
          <legend>{t("filters.minPay")}</legend>
          <Selector
            columns={4}
            value={draft.minDailyPayFen ? [draft.minDailyPayFen] : []}
            onChange={(v) => set({ minDailyPayFen: one(v) })}
            options={MIN_PAYS_YUAN.map((y) => ({ label: `¥${y}+`, value: y * 100 }))}
          />
        </fieldset>
        <div className="lg-row-actions">
          <Button
            size="large"
            onClick={() => onApply({ sort: filters.sort, sameDayPayOnly: filters.sameDayPayOnly })}
          >
            {t("filters.clear")}
          </Button>
          <Button size="large" color="primary" onClick={() => onApply(draft)}>
            {t("filters.apply")}
          </Button>
        </div>
      </div>
    </Popup>
  );
}
