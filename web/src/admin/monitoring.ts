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
  /** Every district of the caller's cities (a province admin's: all of the province's), fetched once. */
  geo: () => get<GeoJson>("/api/monitoring/geo"),
  exportUrl: (table: ExportTable, format: "xlsx" | "csv", query: PeriodQuery) =>
    withQuery(`/api/monitoring/exports/${table}.${format}`, { ...query }),
  streamUrl: (query: PeriodQuery) =>
    withQuery("/api/monitoring/stream", { district: query.district, city: query.city }),
};
