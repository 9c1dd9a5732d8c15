/** Request and response schemas of the bureaus' administration (系统管理). */
import { Type } from "typebox";
import { Timestamp, Uuid } from "../platform/http/schemas.ts";

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);
/** Not blank: at least one character that is not a space. */
const Text = (maxLength: number) => Type.String({ minLength: 1, maxLength, pattern: "\\S" });
const DistrictCode = Type.String({ pattern: "^[0-9]{6}$", description: "GB/T 2260 county-level code" });
const TownshipCode = Type.String({ pattern: "^[0-9]{9}$", description: "乡镇街道 code (9 digits)" });

// ---- stations (驿站、零工市场) ----

const StationKind = Type.Union([Type.Literal("market"), Type.Literal("station")]);
const stationFields = {
  name: Text(60),
  /** market: a district gig market (零工市场); station: a neighbourhood station (驿站). */
  kind: StationKind,
  districtCode: DistrictCode,
  /** The whole line, district first: 京口区大市口街道中山东路301号. */
  address: Text(120),
  /** The parts the address form is filled from again when the station is edited. */
  townshipCode: Nullable(TownshipCode),
  street: Nullable(Type.String({ maxLength: 120 })),
  /** WGS-84: the pin placed from the address and confirmed on the map. */
  lat: Type.Number({ minimum: 3, maximum: 54 }),
  lng: Type.Number({ minimum: 73, maximum: 136 }),
  phone: Type.String({ maxLength: 30, pattern: "^[0-9+() -]*$", description: "landline or mobile" }),
  openingHours: Type.String({ maxLength: 60 }),
};

export const StationInput = Type.Object(
  {
    ...stationFields,
    townshipCode: Type.Optional(stationFields.townshipCode),
    street: Type.Optional(stationFields.street),
    phone: Type.Optional(stationFields.phone),
    openingHours: Type.Optional(stationFields.openingHours),
  },
  { additionalProperties: false },
);

export const StationPatch = Type.Object(
  {
    name: Type.Optional(stationFields.name),
    kind: Type.Optional(stationFields.kind),
    districtCode: Type.Optional(stationFields.districtCode),
    address: Type.Optional(stationFields.address),
    townshipCode: Type.Optional(stationFields.townshipCode),
    street: Type.Optional(stationFields.street),
    lat: Type.Optional(stationFields.lat),
    lng: Type.Optional(stationFields.lng),
    phone: Type.Optional(stationFields.phone),
    openingHours: Type.Optional(stationFields.openingHours),
    /** false deactivates: the station leaves the public list and takes no new staff. */
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false, minProperties: 1 },
);

export const StationView = Type.Object({
  id: Type.String(),
  kind: StationKind,
  name: Type.String(),
  districtCode: Type.String(),
  districtName: Type.String(),
  address: Type.String(),
  townshipCode: Nullable(Type.String()),
  street: Nullable(Type.String()),
  lat: Type.Number(),
  lng: Type.Number(),
  phone: Type.String(),
  openingHours: Type.String(),
  active: Type.Boolean(),
  /** Active staff accounts attached to the station. */
  staffCount: Type.Integer(),
  createdAt: Timestamp,
});
export const StationList = Type.Object({ items: Type.Array(StationView) });

// ---- staff accounts (工作人员) ----

const StaffRole = Type.Union([Type.Literal("station_staff"), Type.Literal("district_admin")]);
const Username = Type.String({
  pattern: "^[a-z0-9][a-z0-9._-]{2,39}$",
  description: "3–40 lower-case letters, digits, dot, dash or underscore",
});
/** The length rule (at least 10) is checked by the service, so its message is the user's language. */
const Password = Type.String({ maxLength: 128 });
const StaffStatus = Type.Union([Type.Literal("active"), Type.Literal("disabled")]);

export const StaffInput = Type.Object(
  {
    username: Username,
    displayName: Text(30),
    role: StaffRole,
    /** Required for station staff; their district is the station's. */
    stationId: Type.Optional(Uuid),
    /** Required for a district admin. */
    districtCode: Type.Optional(DistrictCode),
    password: Password,
  },
  { additionalProperties: false },
);

export const StaffPatch = Type.Object(
  {
    displayName: Type.Optional(Text(30)),
    /** Moves station staff to another station (of the same district for a district admin). */
    stationId: Type.Optional(Uuid),
    /** Moves a district admin to another district (city admin only). */
    districtCode: Type.Optional(DistrictCode),
    /** disabled: the account cannot sign in and its open sessions end at once. */
    status: Type.Optional(StaffStatus),
  },
  { additionalProperties: false, minProperties: 1 },
);

export const PasswordReset = Type.Object({ password: Password }, { additionalProperties: false });

export const StaffView = Type.Object({
  id: Type.String(),
  username: Type.String(),
  displayName: Type.String(),
  role: StaffRole,
  districtCode: Nullable(Type.String()),
  districtName: Nullable(Type.String()),
  stationId: Nullable(Type.String()),
  stationName: Nullable(Type.String()),
  status: StaffStatus,
  createdAt: Timestamp,
  lastSignInAt: Nullable(Timestamp),
});
export const StaffList = Type.Object({ items: Type.Array(StaffView) });

// ---- categories (工种目录) ----

const PayUnit = Type.Union([Type.Literal("day"), Type.Literal("hour"), Type.Literal("piece")]);
const categoryFields = {
  nameZh: Text(20),
  nameEn: Text(40),
  /** 职业分类大典 (2022) code, e.g. 4-11-01-00. */
  occupationCode: Type.String({ pattern: "^\\d-\\d{2}-\\d{2}-\\d{2}$" }),
  /** 大类 1–8: the first digit of the occupation code. */
  occupationGroup: Type.Integer({ minimum: 1, maximum: 8 }),
  defaultPayUnit: PayUnit,
  /** Typical daily pay in fen (¥1 = 100). */
  referenceDailyPayFen: Type.Integer({ minimum: 1000, maximum: 500_000 }),
  sortOrder: Type.Integer({ minimum: 0, maximum: 9999 }),
  active: Type.Boolean(),
};

export const CategoryInput = Type.Object(
  {
    code: Type.String({ pattern: "^[a-z][a-z0-9_]{1,39}$", description: "stable slug, e.g. cleaning" }),
    ...categoryFields,
    sortOrder: Type.Optional(categoryFields.sortOrder),
    active: Type.Optional(categoryFields.active),
  },
  { additionalProperties: false },
);

export const CategoryPatch = Type.Object(
  {
    nameZh: Type.Optional(categoryFields.nameZh),
    nameEn: Type.Optional(categoryFields.nameEn),
    occupationCode: Type.Optional(categoryFields.occupationCode),
    occupationGroup: Type.Optional(categoryFields.occupationGroup),
    defaultPayUnit: Type.Optional(categoryFields.defaultPayUnit),
    referenceDailyPayFen: Type.Optional(categoryFields.referenceDailyPayFen),
    sortOrder: Type.Optional(categoryFields.sortOrder),
    active: Type.Optional(categoryFields.active),
  },
  { additionalProperties: false, minProperties: 1 },
);

export const CategoryParams = Type.Object({ code: Type.String({ maxLength: 40 }) });
export const CategoryView = Type.Object({
  code: Type.String(),
  ...categoryFields,
  /**
   * national: the shared base — its names and occupation code are the country's, and the city
   * sets only its reference pay, order and whether it is offered; city: the city's own.
   */
  origin: Type.Union([Type.Literal("national"), Type.Literal("city")]),
});
export const CategoryList = Type.Object({ items: Type.Array(CategoryView) });

// ---- city settings (城市设置) ----

/** The rules a city tunes, with the bounds that keep them sane. */
export const CitySettings = Type.Object(
  {
    /** Check-in must be within this many metres of the gig's point. */
    checkInRadiusM: Type.Integer({ minimum: 50, maximum: 5000 }),
    /** A worker may cancel without penalty until this many hours before the start. */
    freeCancelHours: Type.Integer({ minimum: 0, maximum: 72 }),
    /** Minutes after the start with no check-in before a no-show may be marked. */
    noShowGraceMin: Type.Integer({ minimum: 5, maximum: 240 }),
    /** Minutes after the end when a forgotten check-out closes itself. */
    autoCheckOutGraceMin: Type.Integer({ minimum: 15, maximum: 720 }),
    /** Hours a worker has to dispute an approved timesheet or a recorded payment. */
    disputeWindowHours: Type.Integer({ minimum: 24, maximum: 720 }),
    /** Days within which a complaint must be handled before it counts as overdue. */
    complaintDueDays: Type.Integer({ minimum: 1, maximum: 60 }),
  },
  { additionalProperties: false },
);
export const CitySettingsView = Type.Object({
  cityCode: Type.String(),
  cityName: Type.String(),
  settings: CitySettings,
  updatedAt: Timestamp,
});
