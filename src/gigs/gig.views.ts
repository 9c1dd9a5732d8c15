/** Turns gig rows into the shapes the API returns. */
import type { SessionUser } from "../platform/http/access.ts";
import { ownsGig } from "./gig.access.ts";
import { dailyEquivalentFen } from "./gig.rules.ts";
import type { GigWithNames } from "./gigs.repository.ts";
import type { GigDetailView, GigListItemView } from "./gigs.schemas.ts";

function ratingAverage(sum: number, count: number): number | null {
  return count === 0 ? null : Math.round((sum / count) * 10) / 10;
}

export function gigListItem(row: GigWithNames, distanceM?: number | null): GigListItemView {
  const { gig } = row;
  return {
    id: gig.id,
    title: gig.title,
    category: { code: gig.categoryCode, nameZh: row.categoryNameZh },
    pay: {
      fen: gig.payFen,
      unit: gig.payUnit,
      dailyEquivalentFen: dailyEquivalentFen(gig.payFen, gig.payUnit),
    },
    settlement: gig.settlement,
    address: gig.address,
    district: { code: gig.districtCode, name: row.districtName },
    lat: gig.lat,
    lng: gig.lng,
    ...(distanceM === null || distanceM === undefined ? {} : { distanceM: Math.round(distanceM) }),
    startsAt: gig.startsAt.toISOString(),
    endsAt: gig.endsAt.toISOString(),
    headcount: gig.headcount,
    openPlaces: Math.max(0, gig.headcount - gig.filledCount),
    employer: {
      id: gig.employerId,
      name: row.employerName,
      verified: row.employerVerification === "verified",
      ratingAverage: ratingAverage(row.employerRatingSum, row.employerRatingCount),
      ratingCount: row.employerRatingCount,
    },
  };
}

/** The check-in code goes only to the owning employer and to the staff member who posted for them. */
export function gigDetail(row: GigWithNames, viewer: SessionUser | null): GigDetailView {
  const { gig } = row;
  const showCode = ownsGig(viewer, row) || (viewer !== null && viewer.id === gig.postedByUserId);
  return {
    ...gigListItem(row),
    description: gig.description,
    requirements: gig.requirements,
    requiredSex: gig.requiredSex,
    requiredAgeBand: gig.requiredAgeBand,
    requiredEducation: gig.requiredEducation,
    status: gig.status,
    filledCount: gig.filledCount,
    cancelReason: gig.cancelReason,
    postedByStation: gig.stationId !== null,
    ...(showCode ? { checkInCode: gig.checkInCode } : {}),
  };
}
