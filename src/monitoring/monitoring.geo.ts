/**
 * The scope's districts as a GeoJSON FeatureCollection, for the dashboard's map (no online tiles):
 * one city's, or every district of a province admin's cities, each naming its city.
 */
import type { AppContext } from "../platform/context.ts";
import { divisionsOf } from "./monitoring.repository.ts";
import { namedAfterCities } from "./monitoring.service.ts";

export async function geo(ctx: AppContext, cityCodes: string[]) {
  const db = ctx.database.reads();
  // Named as the pages name them (with several cities, 南京市鼓楼区), so figures find their shape.
  const divisions = await namedAfterCities(db, cityCodes, divisionsOf(db, cityCodes));
  return {
    type: "FeatureCollection" as const,
    features: divisions.map((d) => ({
      type: "Feature" as const,
      properties: {
        code: d.code,
        cityCode: d.cityCode,
        name: d.name,
        center: [d.centerLng, d.centerLat],
      },
      geometry: d.boundary,
    })),
  };
}
