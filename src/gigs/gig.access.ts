/** Who may act on a gig: its employer, and staff whose district it lies in. */
import { coversDistrict } from "../accounts/scope.ts";
import type { SessionUser } from "../platform/http/access.ts";
import { STAFF_ROLES } from "../platform/http/access.ts";
import type { GigWithNames } from "./gigs.repository.ts";

export function isStaff(user: SessionUser): boolean {
  return (STAFF_ROLES as readonly string[]).includes(user.role);
}

export function ownsGig(user: SessionUser | null, gig: GigWithNames): boolean {
  return user?.role === "employer" && gig.employerOwnerUserId === user.id;
}

export function mayManageGig(user: SessionUser, gig: GigWithNames): boolean {
  return ownsGig(user, gig) || coversDistrict(user, gig.gig.cityCode, gig.gig.districtCode);
}
