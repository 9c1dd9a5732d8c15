/** Station performance (驿站服务绩效) for a scope and period: read the facts, fold them, name the stations. */
import type { Static } from "typebox";
import type { AppContext } from "../platform/context.ts";
import type { Scope } from "./monitoring.repository.ts";
import type { StationsPage } from "./monitoring.schemas.ts";
import { districtsNamed } from "./monitoring.service.ts";
import { dayStart, type Period } from "./periods.ts";
import { stationFacts, stationsOf } from "./station-performance.repository.ts";
import { foldPerformance, type Performance } from "./station-performance.ts";

export type StationsPageView = Static<typeof StationsPage>;

const NOTHING: Performance = {
  walkIns: 0,
  services: 0,
  registrations: 0,
  peopleBooked: 0,
  peoplePaid: 0,
  complaintsHandled: 0,
  medianMinutesToBooking: null,
  bookedOnArrivalDay: 0,
};

export async function stationPerformance(
  ctx: AppContext,
  scope: Scope,
  period: Period,
): Promise<StationsPageView> {
  const db = ctx.database.reads();
  const [stations, facts, districts] = await Promise.all([
    stationsOf(db, scope),
    stationFacts(db, { ...scope, from: dayStart(period.from), to: dayStart(period.to) }),
    districtsNamed(db, scope),
  ]);
  // Named here, not by the page: a province admin's stations lie in several cities' districts.
  const districtName = new Map(districts.map((d) => [d.code, d.name]));
  const nameOf = (code: string) => districtName.get(code) ?? code;
  const folded = foldPerformance(facts);
  const named = new Map(
    stations.map((s) => [
      s.id,
      { stationId: s.id, name: s.name, districtCode: s.districtCode, districtName: nameOf(s.districtCode) },
    ]),
  );
  return {
    scope,
    period,
    // Every station in scope, the idle ones too: a station with nothing to show is news.
    stations: stations.map((s) => ({
      stationId: s.id,
      name: s.name,
      districtCode: s.districtCode,
      districtName: nameOf(s.districtCode),
      ...(folded.totals.get(s.id) ?? NOTHING),
    })),
    days: folded.days.flatMap((d) => {
      const station = named.get(d.stationId);
      return station ? [{ ...d, ...station }] : [];
    }),
  };
}
