/**
 * Browsing open gigs: public, so the kiosk and the display screen need no sign-in.
 *
 * Answered from the instance's gig index (gigs.browse-index.ts) once it holds everything committed
 * before the request — it follows the market events, usually within milliseconds — and the page's
 * rows are then read by id. When the index cannot catch up in time (its event feed is down), or
 * a caller has no index, the database answers the same question (gigs.repository.ts `browseGigs`).
 */
import type { MatchingIndexes } from "../matching/matching.indexes.ts";
import type { AppContext } from "../platform/context.ts";
import { distanceMetres } from "./geography.ts";
import { shanghaiDayRange } from "./gig.rules.ts";
import { gigListItem } from "./gig.views.ts";
import { browseIndex } from "./gigs.browse-index.ts";
import { type BrowseFilter, browseGigs, gigsWithNamesByIds } from "./gigs.repository.ts";
import type { BrowseInput, GigListItemView } from "./gigs.schemas.ts";

/** How long a browse waits for the index to hear of the newest market event before asking the database. */
const INDEX_PATIENCE_MS = 250;

async function openGigsPage(ctx: AppContext, indexes: MatchingIndexes | undefined, filter: BrowseFilter) {
  if (!indexes || !(await indexes.current(INDEX_PATIENCE_MS))) return browseGigs(ctx.database.db, filter);
  const { ids, total } = browseIndex(indexes.gigs, filter);
  const rows = await gigsWithNamesByIds(ctx.database.db, ids);
  // A gig filled or cancelled since the index was read is left out rather than offered.
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
