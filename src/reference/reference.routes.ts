/** Reference data the forms need: the cities, the city with its districts, and the gig categories. */

import { type Static, Type } from "typebox";
import { commonErrors } from "../platform/errors.ts";
import type { App } from "../platform/http/types.ts";
import { offeredCategories } from "./catalogue.repository.ts";
import { findCity, listDivisions } from "./reference.repository.ts";
import { CityChoice, DivisionBoundaries, Reference } from "./reference.schemas.ts";

export async function referenceRoutes(app: App): Promise<void> {
  app.get(
    "/api/cities",
    {
      // The chooser reads this to set the city, so a stale choice must not block it.
      config: { access: "public", anyCity: true },
      schema: {
        tags: ["reference"],
        summary:
          "The deployment's cities, for the city chooser (选择城市); choose with the linggong_city cookie or the X-Linggong-City header",
        response: { 200: Type.Array(CityChoice) },
      },
    },
    async () => app.cities.list(),
  );

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
      const cityCode = request.cityCode;
      const city = await findCity(db, cityCode);
      if (!city) throw commonErrors.not_found();
      const divisions = await listDivisions(db, cityCode);
      const categories = await offeredCategories(db, cityCode);
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
      schema: {
        tags: ["reference"],
        summary:
          "District boundaries as a GeoJSON FeatureCollection (WGS-84, converted from the shipped GCJ-02 once)",
        response: { 200: DivisionBoundaries },
      },
    },
    async (request) => {
      const divisions = await listDivisions(app.ctx.database.db, request.cityCode);
      return {
        type: "FeatureCollection" as const,
        features: divisions.map((d) => ({
          type: "Feature" as const,
          properties: { code: d.code, name: d.name, center: [d.centerLng, d.centerLat] },
          // Stored from the shipped files, which hold MultiPolygons (reference.loader.ts).
          geometry: d.boundary as Static<typeof DivisionBoundaries>["features"][number]["geometry"],
        })),
      };
    },
  );
}
