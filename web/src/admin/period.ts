/**
 * The chosen period (统计期) lives in the address (?period=month&date=2024-05-15), so it drives every
 * page, survives a reload and can be sent to a colleague as a link. So does a province admin's
 * city (?city=320100; none: the province's cities summed).
 */
import { useMemo } from "react";
import { useSearchParams } from "react-router-dom";
import type { MonitoringQuery } from "../shared/api-types.ts";

export type PeriodKind = NonNullable<MonitoringQuery["period"]>;
export const PERIOD_KINDS = [
  "day",
  "week",
  "month",
  "quarter",
  "custom",
] as const satisfies readonly PeriodKind[];

/** What every monitoring page is asked (GET /api/monitoring/*), with the period always set. */
export type PeriodQuery = MonitoringQuery & { period: PeriodKind };

const isKind = (value: string | null): value is PeriodKind => PERIOD_KINDS.includes(value as PeriodKind);

export function usePeriod(): [PeriodQuery, (next: PeriodQuery) => void] {
  const [params, setParams] = useSearchParams();
  const kind = params.get("period");
  const date = params.get("date") ?? undefined;
  const until = params.get("until") ?? undefined;
  const city = params.get("city") ?? undefined;
  const query = useMemo<PeriodQuery>(
    () => ({
      period: isKind(kind) ? kind : "month",
      date,
      until: kind === "custom" ? until : undefined,
      city,
    }),
    [kind, date, until, city],
  );
  const set = (next: PeriodQuery) => {
    const out = new URLSearchParams();
    out.set("period", next.period);
    if (next.date) out.set("date", next.date);
    if (next.period === "custom" && next.until) out.set("until", next.until);
    if (next.city) out.set("city", next.city);
    setParams(out);
  };
  return [query, set];
}

/** The same period on another page: links keep the search part. */
export function usePeriodSearch(): string {
  const [params] = useSearchParams();
  const text = params.toString();
  return text ? `?${text}` : "";
}

/** A province admin's chosen city (?city=), undefined for the province's cities summed. */
export function useCity(): string | undefined {
  const [params] = useSearchParams();
  return params.get("city") ?? undefined;
}
