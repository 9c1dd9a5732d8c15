/**
 * The province's cities side by side (省级): each city's key figures and the province's. The
 * province row is read over the union of the cities' data, never added up from the rows: counts
 * come out as the cities' sums, 求人倍率 and 岗位满足率 as the ratio of the summed parts.
 */
import type { AppContext } from "../platform/context.ts";
import type { SessionUser } from "../platform/http/access.ts";
import type { Scope } from "./monitoring.repository.ts";
import { citiesOfProvince, diff, head } from "./monitoring.service.ts";
import type { Period } from "./periods.ts";
import { comparisonFor, snapshots } from "./snapshot.ts";

const CITY_FIGURES = [
  "registeredWorkers",
  "validSeekers",
  "validVacancies",
  "jobsToSeekersRatio",
  "gigsPosted",
  "applications",
  "bookings",
  "completedShifts",
  "fillRate",
  "complaintsOpened",
] as const;

export async function citiesSideBySide(ctx: AppContext, user: SessionUser, period: Period) {
  const cities = await citiesOfProvince(ctx, user);
  const province: Scope = { cityCodes: cities.map((c) => c.code), district: null };
  const c = comparisonFor(ctx, period);
  const figuresOf = async (scope: Scope) => {
    const [now, before] = await snapshots(ctx, scope, [c.current, c.previous], CITY_FIGURES);
    return { ...now, ratioChange: diff(now.jobsToSeekersRatio, before.jobsToSeekersRatio) };
  };
  const [rows, total] = await Promise.all([
    Promise.all(cities.map((city) => figuresOf({ cityCodes: [city.code], district: null }))),
    figuresOf(province),
  ]);
  return {
    ...(await head(ctx, province, c)),
    cities: cities.map((city, i) => ({ cityCode: city.code, name: city.name, ...rows[i] })),
    total,
  };
}
