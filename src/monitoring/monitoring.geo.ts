/** The city's districts as a GeoJSON FeatureCollection, for the dashboard's map (no online tiles). */
import type { AppContext } from "../platform/context.ts";
import { divisionsOf } from "./monitoring.repository.ts";

export async function geo(ctx: AppContext, cityCode: string) {
  const divisions = await divisionsOf(ctx.database.reads(), cityCode);
  return {
    type: "FeatureCollection" as const,
    features: divisions.map((d) => ({
      type: "Feature" as const,
      properties: { code: d.code, name: d.name, center: [d.centerLng, d.centerLat] },
      geometry: d.boundary,
    })),
  };
}
