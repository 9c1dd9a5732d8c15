/** Request and response schemas for gigs: posting, browsing, detail, the employer's list. */
import { type Static, Type } from "typebox";
import { GIG_STATUSES } from "../db/schema/gigs.ts";
import { Fen, Timestamp, Uuid } from "../platform/http/schemas.ts";
import { REQUIRED_AGE_BANDS, REQUIRED_EDUCATIONS, REQUIRED_SEXES } from "./requirements.ts";

export { REQUIRED_AGE_BANDS, REQUIRED_EDUCATIONS, REQUIRED_SEXES };
export const RequiredSexSchema = Type.Enum(REQUIRED_SEXES, { description: "any = 无要求" });
export const RequiredAgeBandSchema = Type.Enum(REQUIRED_AGE_BANDS, { description: "any = 无要求" });
export const RequiredEducationSchema = Type.Enum(REQUIRED_EDUCATIONS, {
  description: "The lowest level accepted; any = 无要求",
});

export const PayUnitSchema = Type.Union([Type.Literal("day"), Type.Literal("hour"), Type.Literal("piece")]);
export const SettlementSchema = Type.Union([Type.Literal("same_day"), Type.Literal("on_completion")]);
const Lat = Type.Number({ minimum: -90, maximum: 90 });
const Lng = Type.Number({ minimum: -180, maximum: 180 });
const DistrictCode = Type.String({ pattern: "^[0-9]{6}$", description: "GB/T 2260 county-level code" });

export const PostGigBody = Type.Object(
  {
    categoryCode: Type.String({ minLength: 1, maxLength: 64 }),
    title: Type.String({ minLength: 2, maxLength: 60 }),
    description: Type.String({ maxLength: 2000, default: "" }),
    address: Type.String({ minLength: 2, maxLength: 200 }),
    lat: Lat,
    lng: Lng,
    districtCode: DistrictCode,
    startsAt: Timestamp,
    endsAt: Timestamp,
    headcount: Type.Integer({ minimum: 1, maximum: 500 }),
    payFen: Type.Integer({ minimum: 1, maximum: 100_000_000, description: "Pay per unit, fen" }),
    payUnit: PayUnitSchema,
    settlement: SettlementSchema,
    requirements: Type.String({ maxLength: 1000, default: "" }),
    requiredSex: Type.Optional(RequiredSexSchema),
    requiredAgeBand: Type.Optional(RequiredAgeBandSchema),
    requiredEducation: Type.Optional(RequiredEducationSchema),
    /** Station staff posting for an employer who phoned in (代发). */
    employerId: Type.Optional(Uuid),
  },
  { additionalProperties: false },
);
export type PostGigInput = Static<typeof PostGigBody>;

export const CancelGigBody = Type.Object(
  {
    reasonCode: Type.Union([
      Type.Literal("no_longer_needed"),
      Type.Literal("weather"),
      Type.Literal("filled_elsewhere"),
      Type.Literal("posted_in_error"),
      Type.Literal("other"),
    ]),
    note: Type.String({ maxLength: 500, default: "" }),
  },
  { additionalProperties: false },
);
export type CancelGigInput = Static<typeof CancelGigBody>;

export const BrowseQuery = Type.Object(
  {
    category: Type.Optional(Type.String({ maxLength: 64 })),
    district: Type.Optional(DistrictCode),
    lat: Type.Optional(Lat),
    lng: Type.Optional(Lng),
    withinKm: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 200 })),
    date: Type.Optional(Type.String({ format: "date", description: "Local day in Asia/Shanghai" })),
    sameDayPayOnly: Type.Optional(Type.Boolean()),
    minDailyPayFen: Type.Optional(Fen),
    sort: Type.Union([Type.Literal("nearest"), Type.Literal("best_paid"), Type.Literal("soonest")], {
      default: "soonest",
    }),
    page: Type.Integer({ minimum: 1, maximum: 1000, default: 1 }),
    pageSize: Type.Integer({ minimum: 1, maximum: 50, default: 20 }),
  },
  { additionalProperties: false },
);
export type BrowseInput = Static<typeof BrowseQuery>;

const Category = Type.Object({ code: Type.String(), nameZh: Type.String() });
const Pay = Type.Object({
  fen: Type.Integer(),
  unit: PayUnitSchema,
  dailyEquivalentFen: Type.Union([Type.Integer(), Type.Null()]),
});
const District = Type.Object({ code: Type.String(), name: Type.String() });
const Employer = Type.Object({
  id: Uuid,
  name: Type.String(),
  verified: Type.Boolean(),
  ratingAverage: Type.Union([Type.Number(), Type.Null()]),
  ratingCount: Type.Integer(),
});

export const GigListItem = Type.Object({
  id: Uuid,
  title: Type.String(),
  category: Category,
  pay: Pay,
  settlement: SettlementSchema,
  address: Type.String(),
  district: District,
  /** The work place, WGS-84 (the map of gigs near me draws it). */
  lat: Type.Number(),
  lng: Type.Number(),
  distanceM: Type.Optional(Type.Integer()),
  startsAt: Timestamp,
  endsAt: Timestamp,
  headcount: Type.Integer(),
  openPlaces: Type.Integer(),
  employer: Employer,
});
export type GigListItemView = Static<typeof GigListItem>;

export const GigPage = Type.Object({
  items: Type.Array(GigListItem),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
});

export const GigDetail = Type.Object({
  ...GigListItem.properties,
  description: Type.String(),
  requirements: Type.String(),
  requiredSex: RequiredSexSchema,
  requiredAgeBand: RequiredAgeBandSchema,
  requiredEducation: RequiredEducationSchema,
  lat: Type.Number(),
  lng: Type.Number(),
  status: Type.Enum(GIG_STATUSES),
  filledCount: Type.Integer(),
  cancelReason: Type.Union([Type.String(), Type.Null()]),
  postedByStation: Type.Boolean(),
  /** Only for the owning employer (and the staff member who posted it for them). */
  checkInCode: Type.Optional(Type.String()),
});
export type GigDetailView = Static<typeof GigDetail>;

export const MyGig = Type.Object({
  ...GigDetail.properties,
  pendingApplications: Type.Integer(),
  pendingInvitations: Type.Integer(),
});
export type MyGigView = Static<typeof MyGig>;
