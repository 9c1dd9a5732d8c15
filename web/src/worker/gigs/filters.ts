/** The gig list's filters live in the address bar, so "back" from a gig returns to the same list. */
import type { GigBrowseQuery } from "../../shared/api-types.ts";

export type Sort = GigBrowseQuery["sort"];

/** What GET /api/gigs is asked, less the position and the page the list adds. */
export type GigFilters = Omit<GigBrowseQuery, "lat" | "lng" | "page" | "pageSize"> & {
  sameDayPayOnly: boolean;
};

export function readFilters(params: URLSearchParams): GigFilters {
  const number = (key: string) => (params.get(key) ? Number(params.get(key)) : undefined);
  const sort = params.get("sort");
  return {
    sort: sort === "nearest" || sort === "best_paid" ? sort : "soonest",
    category: params.get("category") ?? undefined,
    district: params.get("district") ?? undefined,
    withinKm: number("withinKm"),
    date: params.get("date") ?? undefined,
    sameDayPayOnly: params.get("sameDayPayOnly") === "true",
    minDailyPayFen: number("minDailyPayFen"),
  };
}

export function writeFilters(filters: GigFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) {
    if (value !== undefined && value !== false && value !== "") params.set(key, String(value));
  }
  if (filters.sort === "soonest") params.delete("sort");
  return params;
}

/** Filters that need the phone's position. */
export function needsLocation(filters: GigFilters): boolean {
  return filters.sort === "nearest" || filters.withinKm !== undefined;
}
