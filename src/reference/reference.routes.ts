/** Reference data the forms need: the city, its districts and the gig categories. */
import { Type } from "typebox";
import { commonErrors } from "../platform/errors.ts";
import type { App } from "../platform/http/types.ts";
import { findCity, listActiveCategories, listDivisions } from "./reference.repository.ts";

const Division = Type.Object({
  code: Type.String(),
  name: Type.String(),
  centerLat: Type.Number(),
  centerLng: Type.Number(),
});
const Category = Type.Object({
  code: Type.String(),
  nameZh: Type.String(),
  nameEn: Type.String(),
  occupationCode: Type.String({ description: "职业分类大典 (2022) code" }),
  occupationGroup: Type.Integer(),
  defaultPayUnit: Type.Union([Type.Literal("day"), Type.Literal("hour"), Type.Literal("piece")]),
  referenceDailyPayFen: Type.Integer(),
});
const Reference = Type.Object({
  city: Type.Object({
    code: Type.String(),
    name: Type.String(),
    centerLat: Type.Number(),
    centerLng: Type.Number(),
    checkInRadiusM: Type.Integer(),
    freeCancelHours: Type.Integer(),
  }),
  divisions: Type.Array(Division),
  categories: Type.Array(Category),
});

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
