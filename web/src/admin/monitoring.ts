/** Shapes of the monitoring API's answers (src/monitoring/monitoring.service.ts) and how to ask for them. */
import { get, withQuery } from "../shared/api.ts";
import type { PeriodQuery } from "./period.ts";

/** A figure with its comparisons: 环比 (vsPrevious) and 同比 (vsLastYear), as fractions. */
export interface Figure {
  value: number | null;
  previous: number | null;
  lastYear: number | null;
  vsPrevious: number | null;
  vsLastYear: number | null;
}

export interface PeriodOut {
  kind: string;
  from: string;
  to: string;
}

export interface PageHead {
  scope: { cityCode: string; district: string | null };
  period: PeriodOut;
  previous: PeriodOut;
  lastYear: PeriodOut;
  asOfEventId: number;
}

export interface TrendDay {
  day: string;
  gigsPosted: number;
  vacancies: number;
  applications: number;
  bookings: number;
  completedShifts: number;
  newWorkers: number;
}

export interface Overview extends PageHead {
  figures: Record<string, Figure>;
  trend: TrendDay[];
  stations: Array<{ stationId: string; name: string; districtCode: string; services: number }>;
}

export interface RatioRow {
  key: string;
  name: string;
  demand: number;
  seekers: number;
  seekersForRatio: number;
  ratio: number | null;
  previousRatio?: number | null;
  lastYearRatio?: number | null;
  ratioChange?: number | null;
  ratioChangeYoy?: number | null;
}

export interface SupplyDemand extends PageHead {
  overall: RatioRow;
  anyCategorySeekers: number;
  anyDistrictSeekers: number;
  byCategory: RatioRow[];
  byOccupationGroup: RatioRow[];
  byDistrict: RatioRow[];
  byIndustry: RatioRow[];
  byAgeBand: RatioRow[];
  bySex: RatioRow[];
  byEducation: RatioRow[];
  shortages: RatioRow[];
  surpluses: RatioRow[];
}

export interface Wages extends PageHead {
  byCategory: Array<{ categoryCode: string; name: string; gigs: number; medianDailyPayFen: Figure }>;
}

export interface Quality extends PageHead {
  figures: Record<string, Figure>;
}

export interface Complaints extends PageHead {
  wageArrears: { opened: Figure; resolved: Figure };
  others: { opened: Figure; resolved: Figure };
  overdue: number;
  openArrearsFen: number;
  byKind: Array<{ kind: string; opened: number; resolved: number; overdue: number; arrearsFen: number }>;
}

export interface DistrictRow {
  districtCode: string;
  name: string;
  demand: number;
  seekers: number;
  ratio: number | null;
  ratioChange: number | null;
  gigsPosted: number;
  applications: number;
  bookings: number;
  completedShifts: number;
  noShows: number;
  complaintsOpened: number;
}

export interface Districts extends PageHead {
  districts: DistrictRow[];
}

/** What GET /api/monitoring/stream pushes: today's key figures of the caller's scope. */
export interface LiveFigures {
  scope: { cityCode: string; district: string | null };
  day: string;
  asOfEventId: number;
  figures: Record<string, number | null>;
}

export interface GeoJson {
  type: "FeatureCollection";
  features: Array<{
    type: "Feature";
    properties: { code: string; name: string; center: number[] };
    geometry: unknown;
  }>;
}

export type DrillFigure = "vacancies" | "seekers" | "complaints";
export type ExportTable = "supply-demand" | "summary";

export const monitoring = {
  page: <T>(path: string, query: PeriodQuery) => get<T>(`/api/monitoring/${path}`, { ...query }),
  drill: (figure: DrillFigure, query: PeriodQuery, offset: number, limit: number) =>
    get<{ figure: string; items: Array<Record<string, unknown>> }>(`/api/monitoring/drill/${figure}`, {
      ...query,
      offset,
      limit,
    }),
  geo: () => get<GeoJson>("/api/monitoring/geo"),
  exportUrl: (table: ExportTable, format: "xlsx" | "csv", query: PeriodQuery) =>
    withQuery(`/api/monitoring/exports/${table}.${format}`, { ...query }),
  streamUrl: (query: PeriodQuery) => withQuery("/api/monitoring/stream", { district: query.district }),
};
