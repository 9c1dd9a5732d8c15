/** The administration API (/api/admin/*, /api/audit) as the 系统管理 pages use it. */
import { api, get, post, put, withQuery } from "../../shared/api.ts";

export type StationKind = "market" | "station";

export interface Station {
  id: string;
  kind: StationKind;
  name: string;
  districtCode: string;
  districtName: string;
  address: string;
  lat: number;
  lng: number;
  phone: string;
  openingHours: string;
  active: boolean;
  staffCount: number;
  createdAt: string;
}
export type StationInput = Omit<Station, "id" | "districtName" | "active" | "staffCount" | "createdAt">;

export type StaffRole = "station_staff" | "district_admin";
export interface Staff {
  id: string;
  username: string;
  displayName: string;
  role: StaffRole;
  districtCode: string | null;
  districtName: string | null;
  stationId: string | null;
  stationName: string | null;
  status: "active" | "disabled";
  createdAt: string;
  lastSignInAt: string | null;
}
export interface StaffInput {
  username: string;
  displayName: string;
  role: StaffRole;
  stationId?: string;
  districtCode?: string;
  password: string;
}
export type StaffPatch = Partial<Pick<Staff, "displayName" | "stationId" | "districtCode" | "status">>;

export type PayUnit = "day" | "hour" | "piece";
export interface AdminCategory {
  code: string;
  nameZh: string;
  nameEn: string;
  occupationCode: string;
  occupationGroup: number;
  defaultPayUnit: PayUnit;
  referenceDailyPayFen: number;
  sortOrder: number;
  active: boolean;
}

export interface CitySettings {
  checkInRadiusM: number;
  freeCancelHours: number;
  noShowGraceMin: number;
  autoCheckOutGraceMin: number;
  disputeWindowHours: number;
  complaintDueDays: number;
}
export interface CitySettingsView {
  cityCode: string;
  cityName: string;
  settings: CitySettings;
  updatedAt: string;
}

export interface AuditRow {
  id: number;
  at: string;
  actorUserId: string | null;
  actorName: string;
  actorRole: string;
  action: string;
  subjectType: string;
  subjectId: string | null;
  personalData: boolean;
  detail: unknown;
  ip: string | null;
}
export interface AuditQuery {
  action?: string;
  personalDataOnly?: boolean;
  from?: string;
  to?: string;
  offset?: number;
  limit?: number;
}

const items = <T>(path: string) => get<{ items: T[] }>(path).then((r) => r.items);
const patch = <T>(path: string, body: unknown) => api<T>("PATCH", path, body);

export const administration = {
  stations: () => items<Station>("/api/admin/stations"),
  createStation: (input: StationInput) => post<Station>("/api/admin/stations", input),
  updateStation: (id: string, input: Partial<StationInput> & { active?: boolean }) =>
    patch<Station>(`/api/admin/stations/${id}`, input),

  staff: () => items<Staff>("/api/admin/staff"),
  createStaff: (input: StaffInput) => post<Staff>("/api/admin/staff", input),
  updateStaff: (id: string, input: StaffPatch) => patch<Staff>(`/api/admin/staff/${id}`, input),
  resetPassword: (id: string, password: string) =>
    post<{ ok: true }>(`/api/admin/staff/${id}/password`, { password }),

  categories: () => items<AdminCategory>("/api/admin/categories"),
  createCategory: (input: AdminCategory) => post<AdminCategory>("/api/admin/categories", input),
  updateCategory: (code: string, input: Partial<AdminCategory>) =>
    patch<AdminCategory>(`/api/admin/categories/${encodeURIComponent(code)}`, input),

  settings: () => get<CitySettingsView>("/api/admin/settings"),
  saveSettings: (settings: CitySettings) => put<CitySettingsView>("/api/admin/settings", settings),

  audit: (query: AuditQuery) =>
    get<{ items: AuditRow[]; nextOffset: number | null }>(withQuery("/api/audit", { ...query })),
};

/** Staff passwords: at least this long (the server checks it too). */
export const MIN_PASSWORD_LENGTH = 10;
