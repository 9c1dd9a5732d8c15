/** How to ask the monitoring API; its answers' shapes are in shared/api-types.ts. */
import { get, withQuery } from "../shared/api.ts";
import type { DrillFigure, DrillPage, ExportTable, GeoJson } from "../shared/api-types.ts";
import type { PeriodQuery } from "./period.ts";

export const monitoring = {
  page: <T>(path: string, query: PeriodQuery) => get<T>(`/api/monitoring/${path}`, { ...query }),
  drill: (figure: DrillFigure, query: PeriodQuery, offset: number, limit: number) =>
    get<DrillPage>(`/api/monitoring/drill/${figure}`, {
      ...query,
      offset,
      limit,
    }),
  /** The districts of the city chosen, or of every city of the caller's (a province admin's: the province's). */
  geo: (city?: string) => get<GeoJson>("/api/monitoring/geo", city ? { city } : {}),
  exportUrl: (table: ExportTable, format: "xlsx" | "csv", query: PeriodQuery) =>
    withQuery(`/api/monitoring/exports/${table}.${format}`, { ...query }),
  streamUrl: (query: PeriodQuery) =>
    withQuery("/api/monitoring/stream", { district: query.district, city: query.city }),
};
