/**
 * Who may act on a gig: its employer, and staff whose district it lies in.
 * District scope follows the accounts area's rule (staff and district admins are bound
 * to one district; city admins cover their city).
 */
import type { SessionUser } from "../platform/http/access.ts";
import { STAFF_ROLES } from "../platform/http/access.ts";
import type { GigWithNames } from "./gigs.repository.ts";

export function isStaff(user: SessionUser): boolean {
  return (STAFF_ROLES as readonly string[]).includes(user.role);
}

/** Staff and admins act on rows in their district; a city admin on any row of the city. */
export function staffCovers(user: SessionUser, cityCode: string, districtCode: string | null): boolean {
  if (!isStaff(user) || user.cityCode !== cityCode) return false;
  return user.role === "city_admin" || (districtCode !== null && user.districtCode === districtCode);
}

export function ownsGig(user: SessionUser | null, gig: GigWithNames): boolean {
  return user?.role === "employer" && gig.employerOwnerUserId === user.id;
}

export function mayManageGig(user: SessionUser, gig: GigWithNames): boolean {
  return ownsGig(user, gig) || staffCovers(user, gig.gig.cityCode, gig.gig.districtCode);
}
