/** Places: the townships of a district, geocoding an address, and what the web map needs. */
import { errorResponses } from "../platform/http/schemas.ts";
import type { App } from "../platform/http/types.ts";
import { geocodeAddress } from "./geocode.service.ts";
import { placeErrors } from "./places.errors.ts";
import { findDivision, listTownships } from "./places.repository.ts";
import { DistrictParams, GeocodeBody, GeocodeResult, MapConfig, TownshipList } from "./places.schemas.ts";

const tags = ["places"];

export async function placeRoutes(app: App): Promise<void> {
  app.get(
    "/api/places/districts/:code/townships",
    {
      config: { access: "public" },
      schema: {
        tags,
        summary: "The townships (乡镇街道) of a district",
        params: DistrictParams,
        response: { 200: TownshipList, ...errorResponses },
      },
    },
    async (request) => {
      const db = app.ctx.database.db;
      const cityCode = request.cityCode;
      if (!(await findDivision(db, cityCode, request.params.code))) throw placeErrors.district_unknown();
      const rows = await listTownships(db, request.params.code);
      return rows.map(({ code, name, centerLat, centerLng }) => ({ code, name, centerLat, centerLng }));
    },
  );

  app.post(
    "/api/places/geocode",
    {
      config: { access: "signed_in" },
      schema: {
        tags,
        summary: "Where an address is (WGS-84), and how precisely it is known",
        body: GeocodeBody,
        response: { 200: GeocodeResult, ...errorResponses },
      },
    },
    async (request) =>
      geocodeAddress(app.ctx, request.cityCode, request.body, {
        onProviderError: (error) => request.log.warn({ err: error }, "geocoder failed; pin falls back"),
      }),
  );

  app.get(
    "/api/places/map-config",
    {
      config: { access: "public" },
      schema: {
        tags,
        summary: "What the web map needs: the 天地图 key, if any",
        response: { 200: MapConfig },
      },
    },
    async () => ({ tiandituKey: app.ctx.config.places.tiandituKey ?? null, datum: "wgs84" as const }),
  );
}
