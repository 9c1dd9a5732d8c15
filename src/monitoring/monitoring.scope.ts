/**
 * Who sees which part of the market. A district admin sees her own district, whatever she
 * asks for; asking for another is refused. The city admin sees the city or any district.
 */
import { sql } from "drizzle-orm";
import { queryRows } from "../db/client.ts";
import type { AppContext } from "../platform/context.ts";
import { commonErrors } from "../platform/errors.ts";
import type { SessionUser } from "../platform/http/access.ts";
import { monitoringErrors } from "./monitoring.errors.ts";
import type { Scope } from "./monitoring.repository.ts";

export async function scopeFor(
  ctx: AppContext,
  user: SessionUser,
  requested: string | undefined,
): Promise<Scope> {
  if (user.role === "district_admin") {
    if (!user.districtCode) throw commonErrors.forbidden();
    if (requested && requested !== user.districtCode) throw commonErrors.out_of_scope();
    return { cityCode: user.cityCode, district: user.districtCode };
  }
  if (user.role !== "city_admin") throw commonErrors.forbidden();
  if (!requested) return { cityCode: user.cityCode, district: null };
  const known = await queryRows<{ code: string }>(
    ctx.database.db,
    sql`select code from divisions where city_code = ${user.cityCode} and code = ${requested}`,
  );
  if (known.length === 0) throw monitoringErrors.unknown_district({ district: requested });
  return { cityCode: user.cityCode, district: requested };
}

/** Comparing districts side by side is the city's view. */
export function assertCityScope(user: SessionUser): void {
  if (user.role !== "city_admin") throw commonErrors.out_of_scope();
}
