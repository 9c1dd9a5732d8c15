/**
 * The demo city generator: a pure, deterministic function from a seed and sizes to typed rows
 * for every table of the market, with one market event per fact at the fact's time. No I/O
 * except reading the reference boundaries; the same options always give the same rows.
 */

import { generateArrears, generateOtherComplaints, generateStationServices } from "./city.aftercare.ts";
import { WorkerIndex } from "./city.bookings.ts";
import { type CityBuild as Build, CityBuild, type DemoCityRows } from "./city.build.ts";
import { settleCounters } from "./city.counters.ts";
import { generateEmployers } from "./city.employers.ts";
import { generateHistory, generateOpenMarket } from "./city.market.ts";
import { generateStationsAndStaff } from "./city.staff.ts";
import { generateWorkers } from "./city.workers.ts";
import { addDemoCast, addDemoScenes } from "./demo-accounts.ts";
import { zhenjiangPlaces } from "./places.ts";

export type { DemoCityRows };

export interface CityOptions {
  seed: number;
  /** Workers registered, the demo worker included. */
  workers: number;
  /** Open gigs over the next 14 days; the history is posted at the same daily rate. */
  gigs: number;
  now: Date;
  /** Days of history before today; 120 by default. */
  historyDays?: number;
}

export const DEFAULT_HISTORY_DAYS = 120;

export function generateCity(options: CityOptions): DemoCityRows {
  const historyDays = options.historyDays ?? DEFAULT_HISTORY_DAYS;
  const build = new CityBuild(options.seed, options.now, zhenjiangPlaces());
  generateStationsAndStaff(build);
  const cast = addDemoCast(build);
  generateWorkers(build, Math.max(0, options.workers - 1));
  generateEmployers(build, options.workers, historyDays);
  const index = new WorkerIndex(build.workers);
  const unpaid = generateHistory(build, index, options.gigs / 14, historyDays);
  generateOpenMarket(build, index, options.gigs);
  addDemoScenes(build, cast, index, historyDays);
  generateArrears(build, unpaid);
  generateOtherComplaints(build);
  generateStationServices(build, historyDays);
  settleCounters(build);
  sortEvents(build);
  return build.rows;
}

/** Events in time order, so their ids grow with time as they would in a live market. */
function sortEvents(build: Build): void {
  build.rows.marketEvents.sort((a, b) => (a.at as Date).getTime() - (b.at as Date).getTime());
}
