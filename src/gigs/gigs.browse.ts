/**
 * Browsing open gigs: public, so the kiosk and the display screen need no sign-in.
 *
 * Answered from the instance's gig index (gigs.browse-index.ts), which follows the market events
 * within milliseconds, and the page's rows are then read by id (a gig filled or cancelled since is
 * left out). A gig posted through this instance is in its index before the post is answered
 * (gigs.routes.ts). While the index is not current (loading, its event feed down, events to
 * replay), or for a caller without one, the database answers (gigs.repository.ts `browseGigs`).
 */
import type { MatchingIndexes } from "../matching/matching.indexes.ts";
import type { AppContext } from "../platform/context.ts";
import { distanceMetres } from "./geography.ts";
import { shanghaiDayRange } from "./gig.rules.ts";
import { gigListItem } from "./gig.views.ts";
import { browseIndex } from "./gigs.browse-index.ts";
import { type BrowseFilter, browseGigs, gigsWithNamesByIds } from "./gigs.repository.ts";
import type { BrowseInput, GigListItemView } from "./gigs.schemas.ts";

async function openGigsPage(ctx: AppContext, indexes: MatchingIndexes | undefined, filter: BrowseFilter) {
  if (!indexes?.isCurrent()) return browseGigs(ctx.database.db, filter);
  const { ids, total } = browseIndex(indexes.gigs, filter);
  const rows = await gigsWithNamesByIds(ctx.database.db, ids);
  return { rows: rows.filter((row) => row.gig.status === "open"), total };
}

/** Without a radius, "near" only orders by distance and shows it. */
export async function browse(
  ctx: AppContext,
  cityCode: string,
  input: BrowseInput,
  indexes?: MatchingIndexes,
): Promise<{ items: GigListItemView[]; total: number; page: number; pageSize: number }> {
  const near =
    input.lat !== undefined && input.lng !== undefined ? { lat: input.lat, lng: input.lng } : undefined;
  const { rows, total } = await openGigsPage(ctx, indexes, {
    cityCode,
    now: ctx.clock.now(),
    categoryCode: input.category,
    districtCode: input.district,
    near,
    withinM: near && input.withinKm !== undefined ? input.withinKm * 1000 : undefined,
    day: input.date ? shanghaiDayRange(input.date) : undefined,
    sameDayPayOnly: input.sameDayPayOnly,
    minDailyPayFen: input.minDailyPayFen,
    sort: input.sort,
    limit: input.pageSize,
    offset: (input.page - 1) * input.pageSize,
  });
  return {
    items: rows.map((row) => gigListItem(row, near ? distanceMetres(near, row.gig) : null)),
    total,
    page: input.page,
    pageSize: input.pageSize,
  };
}
