/**
 * A province admin's cities: the city selector (全省合计 or one city) in the header, and the name
 * of what the pages show. The list is the cities page's (GET /api/monitoring/cities), read once.
 */
import { Select } from "antd";
import { useTranslation } from "react-i18next";
import { get } from "../shared/api.ts";
import type { CitiesPage, CityRow } from "../shared/api-types.ts";
import { useResource } from "../shared/useResource.ts";
import { useCity, usePeriod } from "./period.ts";
import { useAdmin } from "./session.tsx";

/** The list of the admin signed in, by her id: it changes only when a city is added. */
const loaded = new Map<string, Promise<CitiesPage>>();

function citiesOf(userId: string): Promise<CitiesPage> {
  let list = loaded.get(userId);
  if (!list) {
    list = get<CitiesPage>("/api/monitoring/cities", { period: "day" });
    loaded.set(userId, list);
  }
  return list;
}

function useProvinceCities(enabled: boolean): CityRow[] {
  const { me } = useAdmin();
  const userId = enabled ? me?.id : undefined;
  const list = useResource(() => (userId ? citiesOf(userId) : Promise.resolve(undefined)), [userId]);
  return list.data?.cities ?? [];
}

/** 全省合计, a city's name (南京市), or for the other admins their city or district. */
export function useScopeName(): string {
  const { t } = useTranslation();
  const { isProvinceAdmin, scopeName } = useAdmin();
  const city = useCity();
  const rows = useProvinceCities(isProvinceAdmin);
  if (!isProvinceAdmin) return scopeName;
  if (!city) return t("admin.province.all");
  return rows.find((r) => r.cityCode === city)?.name ?? city;
}

export function CitySelector() {
  const { t } = useTranslation();
  const rows = useProvinceCities(true);
  const [query, setQuery] = usePeriod();
  return (
    <Select
      data-testid="city-selector"
      aria-label={t("admin.province.city")}
      style={{ minWidth: 140 }}
      value={query.city ?? ""}
      onChange={(city: string) => setQuery({ ...query, city: city || undefined })}
      options={[
        { value: "", label: t("admin.province.all") },
        ...rows.map((r) => ({ value: r.cityCode, label: r.name })),
      ]}
    />
  );
}
