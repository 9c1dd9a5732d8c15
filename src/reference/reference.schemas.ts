/** What the forms read: the city, its districts and the gig categories. */
import { Type } from "typebox";

/** A city of the deployment, as the city chooser (选择城市) lists it. */
export const CityChoice = Type.Object({
  code: Type.String({ description: "GB/T 2260, e.g. 321100 镇江市" }),
  name: Type.String(),
  centerLat: Type.Number(),
  centerLng: Type.Number(),
});
export const Division = Type.Object({
  code: Type.String(),
  name: Type.String(),
  centerLat: Type.Number(),
  centerLng: Type.Number(),
});
export const Category = Type.Object({
  code: Type.String(),
  nameZh: Type.String(),
  nameEn: Type.String(),
  occupationCode: Type.String({ description: "职业分类大典 (2022) code" }),
  occupationGroup: Type.Integer(),
  defaultPayUnit: Type.Union([Type.Literal("day"), Type.Literal("hour"), Type.Literal("piece")]),
  referenceDailyPayFen: Type.Integer(),
});
/** The districts' outlines as GeoJSON ([lng, lat] pairs), for maps drawn without a tile server. */
export const DivisionBoundaries = Type.Object({
  type: Type.Literal("FeatureCollection"),
  features: Type.Array(
    Type.Object({
      type: Type.Literal("Feature"),
      properties: Type.Object({
        code: Type.String(),
        name: Type.String(),
        center: Type.Array(Type.Number(), { minItems: 2, maxItems: 2, description: "[lng, lat]" }),
      }),
      geometry: Type.Object({
        type: Type.Literal("MultiPolygon"),
        coordinates: Type.Array(Type.Array(Type.Array(Type.Array(Type.Number())))),
      }),
    }),
  ),
});

export const Reference = Type.Object({
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
