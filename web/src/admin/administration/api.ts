/** The administration API (/api/admin/*, /api/audit) as the 系统管理 pages use it. */
import { api, get, post, put, withQuery } from "../../shared/api.ts";
import type {
  AdminCategory,
  AuditPage,
  AuditQuery,
  CategoryInput,
  CategoryPatch,
  CitySettings,
  CitySettingsView,
  ImportInput,
  ImportKind,
  ImportResult,
  Ok,
  PersonalViewsQuery,
  PersonalViewsRow,
  Staff,
  StaffInput,
  StaffPatch,
  Station,
  StationInput,
  StationPatch,
} from "../../shared/api-types.ts";

const items = <T>(path: string) => get<{ items: T[] }>(path).then((r) => r.items);
const patch = <T>(path: string, body: unknown) => api<T>("PATCH", path, body);

export const administration = {
  stations: () => items<Station>("/api/admin/stations"),
  createStation: (input: StationInput) => post<Station>("/api/admin/stations", input),
  updateStation: (id: string, input: StationPatch) => patch<Station>(`/api/admin/stations/${id}`, input),

  staff: () => items<Staff>("/api/admin/staff"),
  createStaff: (input: StaffInput) => post<Staff>("/api/admin/staff", input),
  updateStaff: (id: string, input: StaffPatch) => patch<Staff>(`/api/admin/staff/${id}`, input),
  resetPassword: (id: string, password: string) => post<Ok>(`/api/admin/staff/${id}/password`, { password }),

  categories: () => items<AdminCategory>("/api/admin/categories"),
  createCategory: (input: CategoryInput) => post<AdminCategory>("/api/admin/categories", input),
  updateCategory: (code: string, input: CategoryPatch) =>
    patch<AdminCategory>(`/api/admin/categories/${encodeURIComponent(code)}`, input),

  settings: () => get<CitySettingsView>("/api/admin/settings"),
  saveSettings: (settings: CitySettings) => put<CitySettingsView>("/api/admin/settings", settings),

  importSheet: (kind: ImportKind, input: ImportInput) =>
    post<ImportResult>(`/api/admin/imports/${kind}`, input),
  importTemplateUrl: (kind: ImportKind) => `/api/admin/imports/${kind}/template`,

  audit: (query: AuditQuery) => get<AuditPage>(withQuery("/api/audit", { ...query })),
  personalViews: (query: PersonalViewsQuery) =>
    get<PersonalViewsRow[]>(withQuery("/api/audit/personal-data-views", { ...query })),
};

/** Staff passwords: at least this long (the server checks it too). */
export const MIN_PASSWORD_LENGTH = 10;
