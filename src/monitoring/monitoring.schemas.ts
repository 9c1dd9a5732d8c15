/** Request and response schemas of the monitoring API. */
import { Type } from "typebox";
import { PERIOD_KINDS } from "./periods.ts";

const Day = Type.String({
  pattern: "^\\d{4}-\\d{2}-\\d{2}$",
  description: "Local date (Asia/Shanghai), YYYY-MM-DD",
});

export const PeriodQuery = Type.Object(
  {
    period: Type.Optional(
      Type.Union(
        PERIOD_KINDS.map((k) => Type.Literal(k)),
        { default: "month" },
      ),
    ),
    date: Type.Optional(
      Type.Union([Day], { description: "A day in the period (default today); start of a custom one" }),
    ),
    until: Type.Optional(Type.Union([Day], { description: "Last day of a custom period" })),
    district: Type.Optional(Type.String({ pattern: "^\\d{6}$", description: "GB/T 2260 district code" })),
  },
  { additionalProperties: false },
);

export const DRILL_FIGURES = ["vacancies", "seekers", "complaints"] as const;

// One object, not an intersection: PeriodQuery forbids additional properties, so an
// intersection would refuse limit and offset.
export const DrillQuery = Type.Object(
  {
    ...PeriodQuery.properties,
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000, default: 0 })),
  },
  { additionalProperties: false },
);

export const DrillParams = Type.Object({ figure: Type.Union(DRILL_FIGURES.map((f) => Type.Literal(f))) });

export const EXPORT_TABLES = ["supply-demand", "summary"] as const;
export const ExportParams = Type.Object({
  table: Type.Union(EXPORT_TABLES.map((t) => Type.Literal(t))),
  format: Type.Union([Type.Literal("xlsx"), Type.Literal("csv")]),
});

const PeriodOut = Type.Object({ kind: Type.String(), from: Day, to: Day });

/** Every page starts with its scope and periods; the rest is described in docs/indicators.md. */
export const PageResponse = Type.Object(
  {
    scope: Type.Object({ cityCode: Type.String(), district: Type.Union([Type.String(), Type.Null()]) }),
    period: PeriodOut,
    previous: PeriodOut,
    lastYear: PeriodOut,
    asOfEventId: Type.Integer(),
  },
  { additionalProperties: true },
);

export const DrillResponse = Type.Object({
  figure: Type.String(),
  items: Type.Array(Type.Object({}, { additionalProperties: true })),
});

export const GeoResponse = Type.Object({
  type: Type.Literal("FeatureCollection"),
  features: Type.Array(
    Type.Object({
      type: Type.Literal("Feature"),
      properties: Type.Object({
        code: Type.String(),
        name: Type.String(),
        center: Type.Array(Type.Number()),
      }),
      geometry: Type.Unknown(),
    }),
  ),
});
