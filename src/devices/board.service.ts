/**
 * The station's board (信息发布屏), for a screen or a terminal of the station: open gigs within
 * reach of the station, soonest first, and today's hires as a count. Nothing personal: no
 * employer, no worker, only what a passer-by may read on a wall.
 */

import { shanghaiDayRange } from "../gigs/gig.rules.ts";
import { browse } from "../gigs/gigs.browse.ts";
import type { GigListItemView } from "../gigs/gigs.schemas.ts";
import { localDay } from "../monitoring/periods.ts";
import type { AppContext } from "../platform/context.ts";
import type { RequestDevice } from "../platform/http/access.ts";
import { countHires } from "./board.repository.ts";
import { deviceErrors } from "./devices.errors.ts";
import { stationById } from "./devices.repository.ts";
import type { BoardGigView, BoardView } from "./devices.schemas.ts";

/** "Nearby": a bus ride from the station. */
export const NEARBY_KM = 15;
/** The screen pages through this many of the soonest gigs. */
const BOARD_GIGS = 60;

/** A gig as a device shows it: without the employer. */
export function boardGig(gig: GigListItemView): BoardGigView {
  return {
    id: gig.id,
    title: gig.title,
    categoryName: gig.category.nameZh,
    payFen: gig.pay.fen,
    payUnit: gig.pay.unit,
    address: gig.address,
    distanceM: gig.distanceM ?? null,
    startsAt: gig.startsAt,
    endsAt: gig.endsAt,
    openPlaces: gig.openPlaces,
  };
}

export async function stationBoard(ctx: AppContext, device: RequestDevice): Promise<BoardView> {
  const station = await stationById(ctx.database.db, device.stationId);
  if (!station) throw deviceErrors.station_not_found();
  const now = ctx.clock.now();
  const [page, hiresToday] = await Promise.all([
    browse(ctx, station.cityCode, {
      lat: station.lat,
      lng: station.lng,
      withinKm: NEARBY_KM,
      sort: "soonest",
      page: 1,
      pageSize: BOARD_GIGS,
    }),
    countHires(ctx.database.db, station.districtCode, shanghaiDayRange(localDay(now))),
  ]);
  const gigs = page.items.map(boardGig);
  return {
    station: {
      name: station.name,
      address: station.address,
      phone: station.phone,
      openingHours: station.openingHours,
    },
    gigs,
    openGigs: page.total,
    hiresToday,
    asOf: now.toISOString(),
  };
}
