/** Request and response schemas for places: townships, geocoding, the map's configuration. */
import { type Static, Type } from "typebox";

const DistrictCode = Type.String({ pattern: "^[0-9]{6}$", description: "GB/T 2260 county-level code" });
const TownshipCode = Type.String({ pattern: "^[0-9]{9}$", description: "乡镇街道 code (9 digits)" });

export const DistrictParams = Type.Object({ code: DistrictCode });

export const Township = Type.Object({
  code: TownshipCode,
  name: Type.String(),
  centerLat: Type.Union([Type.Number(), Type.Null()], { description: "WGS-84; null when unknown" }),
  centerLng: Type.Union([Type.Number(), Type.Null()]),
});
export const TownshipList = Type.Array(Township);

export const GeocodeBody = Type.Object(
  {
    districtCode: DistrictCode,
    townshipCode: Type.Optional(TownshipCode),
    street: Type.String({ maxLength: 200, description: "Street and number: 中山东路301号" }),
  },
  { additionalProperties: false },
);
export type GeocodeBodyInput = Static<typeof GeocodeBody>;

export const GeocodeResult = Type.Object({
  lat: Type.Number({ description: "WGS-84" }),
  lng: Type.Number({ description: "WGS-84" }),
  precision: Type.Union([Type.Literal("address"), Type.Literal("township"), Type.Literal("district")]),
  source: Type.Union([Type.Literal("tianditu"), Type.Literal("amap"), Type.Literal("centre")]),
  searched: Type.String(),
});

export const MapConfig = Type.Object({
  /** 天地图 browser key for the WMTS tiles; null draws the bundled boundaries instead. */
  tiandituKey: Type.Union([Type.String(), Type.Null()]),
  datum: Type.Literal("wgs84"),
});
