/**
 * The scope's districts as a GeoJSON FeatureCollection, for the dashboard's map (no online tiles):
 * one city's, or every district of a province admin's cities, each naming its city.
 */
import type { AppContext } from "../platform/context.ts";
import { divisionsOf } from "./monitoring.repository.ts";
import { districtsNamed } from "./monitoring.service.ts";

export async function geo(ctx: AppContext, cityCodes: string[]) {
  const db = ctx.database.reads();
  const [divisions, named] = await Promise.all([
    divisionsOf(db, cityCodes),
    districtsNamed(db, { cityCodes, district: null }),
  ]);
  // Named as the pages name them (with several cities, 南京市鼓楼区), so figures find their shape.
  const nameOf = new Map(named.map((d) => [d.code, d.name]));
  return {
    type: "FeatureCollection" as const,
    features: divisions.map((d) => ({
      type: "Feature" as const,
      properties: {
        code: d.code,
        cityCode: d.cityCode,
        name: nameOf.get(d.code) ?? d.name,
        center: [d.centerLng, d.centerLat],
      },
      geometry: d.boundary,
    })),
  };
}
