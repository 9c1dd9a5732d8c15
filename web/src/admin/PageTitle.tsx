/** A page's heading with the period it shows (2024-05-01 至 2024-05-31) and what it can export. */
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { PageHead } from "../shared/api-types.ts";

export function PageTitle({ title, head, extra }: { title: string; head?: PageHead; extra?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="lg-admin-page-title">
      <div>
        <h1>{title}</h1>
        {head && (
          <p className="lg-admin-period-text">
            {t("admin.period.range", { from: head.period.from, to: lastDay(head.period.to) })}
          </p>
        )}
        {head?.partial && (
          <p className="lg-admin-period-text" data-testid="period-partial">
            {t("admin.period.partial", { days: daysOf(head.period.from, head.period.to) })}
          </p>
        )}
      </div>
      {extra}
    </div>
  );
}

/** Periods are [from, to): the last day shown is the day before `to`. */
export function lastDay(to: string): string {
  const day = new Date(`${to}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() - 1);
  return day.toISOString().slice(0, 10);
}

/** Days in [from, to). */
function daysOf(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
