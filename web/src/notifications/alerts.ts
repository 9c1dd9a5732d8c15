/** Words for a saved search (订阅), the same in the worker app and at the station desk. */
import type { TFunction } from "i18next";
import type { JobAlert, Reference } from "../shared/api-types.ts";
import { categoryName, districtName } from "../shared/reference.ts";
import "./settings.locales.ts";

/** "保洁 · 润州区 · 每天200元起 · 当天结" */
export function alertSummary(alert: JobAlert, reference: Reference | undefined, t: TFunction): string {
  const parts = [
    alert.categoryCode ? categoryName(reference, alert.categoryCode) : t("notifications.alerts.anyCategory"),
    alert.districtCode
      ? districtName(reference, alert.districtCode)
      : t("notifications.alerts.near", { km: alert.radiusKm }),
  ];
  if (alert.minDailyPayFen > 0)
    parts.push(t("notifications.alerts.perDay", { yuan: Math.round(alert.minDailyPayFen / 100) }));
  if (alert.sameDayPayOnly) parts.push(t("notifications.alerts.sameDay"));
  return parts.join(" · ");
}

export const ALERT_DISTANCES_KM = [3, 5, 10, 20] as const;
export const ALERT_MIN_PAYS_YUAN = [150, 200, 250, 300] as const;
