/** Reference data the forms need: the city, its districts and the gig categories. */
import { commonErrors } from "../platform/errors.ts";
import type { App } from "../platform/http/types.ts";
import { findCity, listActiveCategories, listDivisions } from "./reference.repository.ts";
import { Reference } from "./reference.schemas.ts";

export async function referenceRoutes(app: App): Promise<void> {
  app.get(
    "/api/reference",
    {
      config: { access: "public" },
      schema: {
        tags: ["reference"],
        summary: "The city, its districts and the gig categories",
        response: { 200: Reference },
      },
    },
    async (request) => {
      const db = app.ctx.database.db;
      const cityCode = request.user?.cityCode ?? app.ctx.config.defaultCityCode;
      const city = await findCity(db, cityCode);
      if (!city) throw commonErrors.not_found();
      const divisions = await listDivisions(db, cityCode);
      const categories = await listActiveCategories(db);
      return {
        city: {
          code: city.code,
          name: city.name,
          centerLat: city.centerLat,
          centerLng: city.centerLng,
          checkInRadiusM: city.checkInRadiusM,
          freeCancelHours: city.freeCancelHours,
        },
        divisions: divisions.map(({ code, name, centerLat, centerLng }) => ({
          code,
          name,
          centerLat,
          centerLng,
        })),
        categories: categories.map((c) => ({
          code: c.code,
          nameZh: c.nameZh,
          nameEn: c.nameEn,
          occupationCode: c.occupationCode,
          occupationGroup: c.occupationGroup,
          defaultPayUnit: c.defaultPayUnit as "day" | "hour" | "piece",
          referenceDailyPayFen: c.referenceDailyPayFen,
        })),
      };
    },
  );

  app.get(
    "/api/reference/divisions.geojson",
    {
      config: { access: "public" },
      schema: { tags: ["reference"], summary: "District boundaries as a GeoJSON FeatureCollection (GCJ-02)" },
    },
    async (request) => {
      const cityCode = request.user?.cityCode ?? app.ctx.config.defaultCityCode;
      const divisions = await listDivisions(app.ctx.database.db, cityCode);
      return {
        type: "FeatureCollection",
        features: divisions.map((d) => ({
          type: "Feature",
          properties: { code: d.code, name: d.name, center: [d.centerLng, d.centerLat] },
          geometry: d.boundary,
        })),
      };
    },
  );
}
