/** Browsing open gigs: public, so the kiosk and the display screen need no sign-in. */
import type { AppContext } from "../platform/context.ts";
import { distanceMetres } from "./geography.ts";
import { shanghaiDayRange } from "./gig.rules.ts";
import { gigListItem } from "./gig.views.ts";
import { browseGigs } from "./gigs.repository.ts";
import type { BrowseInput, GigListItemView } from "./gigs.schemas.ts";

/** Without a radius, "near" only orders by distance and shows it. */
export async function browse(
  ctx: AppContext,
  cityCode: string,
  input: BrowseInput,
): Promise<{ items: GigListItemView[]; total: number; page: number; pageSize: number }> {
  const near =
    input.lat !== undefined && input.lng !== undefined ? { lat: input.lat, lng: input.lng } : undefined;
  const { rows, total } = await browseGigs(ctx.database.db, {
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
    // The shown distance is the one server-side distance (haversine, geography.ts), not the SQL
    // earth_distance that orders and filters (another sphere radius: ~0.1 % apart).
    items: rows.map((row) => gigListItem(row, near ? distanceMetres(near, row.gig) : null)),
    total,
    page: input.page,
    pageSize: input.pageSize,
  };
}
