/**
 * District scope: station staff and district admins act only within their district;
 * a city admin covers the whole city. A province admin covers nothing here: she only reads the
 * monitoring platform, which scopes her itself (monitoring.service.ts). Checked by services, not pages.
 */
import { commonErrors } from "../platform/errors.ts";
import type { SessionUser } from "../platform/http/access.ts";

export function coversDistrict(user: SessionUser, cityCode: string, districtCode: string | null): boolean {
  if (user.cityCode !== cityCode) return false;
  if (user.role === "city_admin") return true;
  if (user.role === "district_admin" || user.role === "station_staff") {
    return districtCode !== null && user.districtCode === districtCode;
  }
  return false;
}

export function assertDistrictScope(
  user: SessionUser,
  districtCode: string | null,
  cityCode = user.cityCode,
): void {
  if (!coversDistrict(user, cityCode, districtCode)) throw commonErrors.out_of_scope();
}
