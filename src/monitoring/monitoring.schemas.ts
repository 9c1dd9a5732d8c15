/** Request and response schemas of the monitoring API. */
import { Type } from "typebox";
import { PERIOD_KINDS } from "./periods.ts";

const Day = Type.String({
  pattern: "^\\d{4}-\\d{2}-\\d{2}$",
  description: "Local date (Asia/Shanghai), YYYY-MM-DD",
});

const CityCode = Type.Optional(
  Type.String({
    pattern: "^\\d{6}$",
    description:
      "GB/T 2260 city code: one city of a province admin's province (without it, the province's cities summed); others may give only their own",
  }),
);

export const PeriodQuery = Type.Object(
  {
    period: Type.Optional(Type.Enum(PERIOD_KINDS, { default: "month" })),
    date: Type.Optional(
      Type.Union([Day], { description: "A day in the period (default today); start of a custom one" }),
    ),
    until: Type.Optional(Type.Union([Day], { description: "Last day of a custom period" })),
    district: Type.Optional(Type.String({ pattern: "^\\d{6}$", description: "GB/T 2260 district code" })),
    city: CityCode,
  },
  { additionalProperties: false },
);

/** The map's boundaries: a province admin's cities, or one of them. */
export const GeoQuery = Type.Object({ city: CityCode }, { additionalProperties: false });

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

export const EXPORT_TABLES = ["supply-demand", "official-flow", "summary", "stations"] as const;
export type ExportTable = (typeof EXPORT_TABLES)[number];
export const ExportParams = Type.Object({
  table: Type.Union(EXPORT_TABLES.map((t) => Type.Literal(t))),
  format: Type.Union([Type.Literal("xlsx"), Type.Literal("csv")]),
});

const PeriodOut = Type.Object({ kind: Type.String(), from: Day, to: Day });

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);
/** The cities the figures cover (one, or a province's), and the district when one is chosen. */
const Scope = Type.Object({ cityCodes: Type.Array(Type.String()), district: Nullable(Type.String()) });
const Head = {
  scope: Scope,
  period: PeriodOut,
  previous: PeriodOut,
  lastYear: PeriodOut,
  /** The period is still running: it, 环比 and 同比 are cut to the same number of elapsed days. */
  partial: Type.Boolean(),
  /** The last market event the figures include. */
  asOfEventId: Type.Integer(),
};

/**
 * A figure with its comparisons: 环比 (vsPrevious) and 同比 (vsLastYear), in `changeIn`: per cent
 * as fractions for counts, points (this − that) for ratios and rates.
 */
export const Figure = Type.Object({
  value: Nullable(Type.Number()),
  previous: Nullable(Type.Number()),
  lastYear: Nullable(Type.Number()),
  vsPrevious: Nullable(Type.Number()),
  vsLastYear: Nullable(Type.Number()),
  changeIn: Type.Union([Type.Literal("percent"), Type.Literal("points")]),
});
const Figures = Type.Record(Type.String(), Figure);

export const OverviewPage = Type.Object({
  ...Head,
  figures: Figures,
  trend: Type.Array(
    Type.Object({
      day: Day,
      gigsPosted: Type.Integer(),
      vacancies: Type.Integer(),
      applications: Type.Integer(),
      bookings: Type.Integer(),
      completedShifts: Type.Integer(),
      newWorkers: Type.Integer(),
    }),
  ),
  stations: Type.Array(
    Type.Object({
      stationId: Type.String(),
      name: Type.String(),
      districtCode: Type.String(),
      services: Type.Integer(),
    }),
  ),
});

/** 求人倍率 of one row of a breakdown (docs/indicators.md). */
export const RatioRow = Type.Object({
  key: Type.String(),
  name: Type.String(),
  demand: Type.Number(),
  seekers: Type.Number(),
  seekersForRatio: Type.Number(),
  ratio: Nullable(Type.Number()),
});
/** A row with the ratio of the previous period and last year, and the change in points. */
export const ComparedRatioRow = Type.Object({
  ...RatioRow.properties,
  previousRatio: Nullable(Type.Number()),
  lastYearRatio: Nullable(Type.Number()),
  ratioChange: Nullable(Type.Number()),
  ratioChangeYoy: Nullable(Type.Number()),
});
const Compared = Type.Array(ComparedRatioRow);

export const SupplyDemandPage = Type.Object({
  ...Head,
  overall: ComparedRatioRow,
  anyCategorySeekers: Type.Number(),
  anyDistrictSeekers: Type.Number(),
  byCategory: Compared,
  byOccupationGroup: Compared,
  byDistrict: Compared,
  byIndustry: Compared,
  byAgeBand: Compared,
  bySex: Compared,
  byEducation: Compared,
  shortages: Type.Array(RatioRow),
  surpluses: Type.Array(RatioRow),
});

export const WagesPage = Type.Object({
  ...Head,
  byCategory: Type.Array(
    Type.Object({
      categoryCode: Type.String(),
      name: Type.String(),
      gigs: Type.Integer(),
      medianDailyPayFen: Figure,
    }),
  ),
});

export const QualityPage = Type.Object({ ...Head, figures: Figures });

const OpenedResolved = Type.Object({ opened: Figure, resolved: Figure });
export const ComplaintsPage = Type.Object({
  ...Head,
  wageArrears: OpenedResolved,
  others: OpenedResolved,
  overdue: Type.Integer(),
  openArrearsFen: Type.Number(),
  byKind: Type.Array(
    Type.Object({
      kind: Type.String(),
      opened: Type.Integer(),
      resolved: Type.Integer(),
      overdue: Type.Integer(),
      arrearsFen: Type.Number(),
    }),
  ),
});

const FlowRow = Type.Object({
  key: Type.String(),
  demand: Type.Integer(),
  seekers: Type.Integer(),
  ratio: Nullable(Type.Number()),
});
const NamedFlowRow = Type.Object({ ...FlowRow.properties, name: Type.String() });
const Splits = Type.Array(Type.Object({ key: Type.String(), people: Type.Integer() }));

/**
 * The official flow table (MOHRSS 部分城市公共就业服务机构市场供求状况): 需求人数 and 求职人数 registered
 * in the period, 求人倍率 = 需求人数 ÷ 求职人数; not the valid-stock ratio of the supply-demand page.
 */
export const OfficialFlowPage = Type.Object({
  ...Head,
  total: FlowRow,
  byOccupationGroup: Type.Array(NamedFlowRow),
  byCategory: Type.Array(NamedFlowRow),
  anyCategorySeekers: Type.Integer(),
  demandByIndustry: Splits,
  demandBySex: Splits,
  demandByAgeBand: Splits,
  demandByEducation: Splits,
  seekersBySex: Splits,
  seekersByAgeBand: Splits,
  seekersByEducation: Splits,
  previousTotal: FlowRow,
  lastYearTotal: FlowRow,
  ratioChange: Nullable(Type.Number()),
  ratioChangeYoy: Nullable(Type.Number()),
});

export const DistrictsPage = Type.Object({
  ...Head,
  districts: Type.Array(
    Type.Object({
      districtCode: Type.String(),
      name: Type.String(),
      demand: Type.Number(),
      seekers: Type.Number(),
      ratio: Nullable(Type.Number()),
      ratioChange: Nullable(Type.Number()),
      gigsPosted: Type.Integer(),
      applications: Type.Integer(),
      bookings: Type.Integer(),
      completedShifts: Type.Integer(),
      noShows: Type.Integer(),
      complaintsOpened: Type.Integer(),
    }),
  ),
});

const CityFigures = {
  registeredWorkers: Nullable(Type.Number()),
  /** 有效求职人数 and 有效需求人数: their ratio is 求人倍率. */
  validSeekers: Nullable(Type.Number()),
  validVacancies: Nullable(Type.Number()),
  jobsToSeekersRatio: Nullable(Type.Number()),
  /** 求人倍率's change on the previous period, in points. */
  ratioChange: Nullable(Type.Number()),
  gigsPosted: Nullable(Type.Number()),
  applications: Nullable(Type.Number()),
  bookings: Nullable(Type.Number()),
  completedShifts: Nullable(Type.Number()),
  /** 岗位满足率. */
  fillRate: Nullable(Type.Number()),
  complaintsOpened: Nullable(Type.Number()),
};

/**
 * The province's cities side by side (province admin), and the province: its counts are the
 * cities' sums, its ratios those of the summed parts (never an average of the cities' ratios).
 */
export const CitiesPage = Type.Object({
  ...Head,
  cities: Type.Array(Type.Object({ cityCode: Type.String(), name: Type.String(), ...CityFigures })),
  total: Type.Object(CityFigures),
});

/** What GET /api/monitoring/stream pushes (event `figures`): today's key figures of the scope. */
export const LiveFigures = Type.Object({
  scope: Scope,
  day: Day,
  asOfEventId: Type.Integer(),
  figures: Type.Record(Type.String(), Nullable(Type.Number())),
});

export const DrillResponse = Type.Object({
  figure: Type.String(),
  items: Type.Array(Type.Record(Type.String(), Type.Unknown())),
});

export const GeoResponse = Type.Object({
  type: Type.Literal("FeatureCollection"),
  features: Type.Array(
    Type.Object({
      type: Type.Literal("Feature"),
      properties: Type.Object({
        code: Type.String(),
        /** The district's city: a province admin's map holds several. */
        cityCode: Type.String(),
        name: Type.String(),
        center: Type.Array(Type.Number()),
      }),
      geometry: Type.Unknown(),
    }),
  ),
});

const StationFigures = {
  /** Distinct people served at the counter (服务人数). */
  walkIns: Type.Integer(),
  /** Service records (服务人次). */
  services: Type.Integer(),
  registrations: Type.Integer(),
  peopleBooked: Type.Integer(),
  peoplePaid: Type.Integer(),
  complaintsHandled: Type.Integer(),
  /** Median minutes from arrival at the counter to booking, same day. */
  medianMinutesToBooking: Nullable(Type.Number()),
  /** How many bookings the median is over. */
  bookedOnArrivalDay: Type.Integer(),
};
const StationName = {
  stationId: Type.String(),
  name: Type.String(),
  districtCode: Type.String(),
  /** With several cities, after its city's name (南京市鼓楼区). */
  districtName: Type.String(),
};

/** 驿站服务绩效: each station over the period, and each station's days. */
export const StationsPage = Type.Object({
  scope: Scope,
  period: PeriodOut,
  stations: Type.Array(Type.Object({ ...StationName, ...StationFigures })),
  days: Type.Array(Type.Object({ ...StationName, day: Day, ...StationFigures })),
});

/**
 * 大屏: what the wall display shows beyond the overview — the last 30 days (valid-stock 求人倍率,
 * bookings, median daily pay, 岗位满足率), today's bookings by district, today's station services and terminal
 * use, and wage arrears over the 30 days.
 */
export const ScreenPage = Type.Object({
  scope: Scope,
  /** The last day shown (today, or the period's last day if it ended). */
  day: Day,
  days: Type.Array(
    Type.Object({
      day: Day,
      ratio: Nullable(Type.Number()),
      bookings: Type.Integer(),
      medianDailyPayFen: Nullable(Type.Number()),
      /** 岗位满足率 of the gigs whose work began that day; null when none began. */
      fillRate: Nullable(Type.Number()),
    }),
  ),
  bookingsByDistrict: Type.Array(
    Type.Object({ code: Type.String(), name: Type.String(), bookings: Type.Integer() }),
  ),
  /** Stations with counter services or terminal sessions today, busiest first. */
  stations: Type.Array(
    Type.Object({
      stationId: Type.String(),
      name: Type.String(),
      services: Type.Integer(),
      terminalSessions: Type.Integer(),
    }),
  ),
  arrears: Type.Object({
    opened: Type.Integer(),
    resolved: Type.Integer(),
    recoveredFen: Type.Number(),
    /** Still claimed on complaints open now. */
    openFen: Type.Number(),
  }),
});

/**
 * 大屏's running feed: the newest gigs and the day's bookings, newest first. Nothing about the
 * workers; an individual employer's name is masked as in the drill-down lists.
 */
export const ScreenFeed = Type.Object({
  scope: Scope,
  day: Day,
  items: Type.Array(
    Type.Object({
      kind: Type.Union([Type.Literal("gig_posted"), Type.Literal("booking_made")]),
      /** The gig for a posting, the booking for a booking. */
      id: Type.String(),
      at: Type.String({ format: "date-time" }),
      gigTitle: Type.String(),
      employerName: Type.String(),
      districtName: Type.String(),
      categoryCode: Type.String(),
      categoryName: Type.String(),
      payFen: Type.Integer(),
      payUnit: Type.Union([Type.Literal("day"), Type.Literal("hour"), Type.Literal("piece")]),
      /** Places the gig offers (a posting) or 1 (a booking). */
      places: Type.Integer(),
    }),
  ),
});
