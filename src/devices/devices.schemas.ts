/** Schemas of devices: enrolment by the station, the device's own view of itself. */
import { type Static, Type } from "typebox";
import { PhoneSignIn } from "../accounts/auth.schemas.ts";
import { DEVICE_KINDS } from "../db/schema/index.ts";
import { Timestamp, Uuid } from "../platform/http/schemas.ts";

const Kind = Type.Enum(DEVICE_KINDS);
const Nullable = <T extends ReturnType<typeof Type.String>>(schema: T) => Type.Union([schema, Type.Null()]);

export const DeviceBody = Type.Object(
  {
    stationId: Uuid,
    kind: Kind,
    name: Type.String({ minLength: 1, maxLength: 40, description: "e.g. 大厅一号机" }),
  },
  { additionalProperties: false },
);

export const Device = Type.Object({
  id: Uuid,
  stationId: Uuid,
  kind: Kind,
  name: Type.String(),
  status: Type.Union([Type.Literal("awaiting_enrolment"), Type.Literal("active"), Type.Literal("revoked")]),
  enrolmentExpiresAt: Nullable(Timestamp),
  enrolledAt: Nullable(Timestamp),
  lastSeenAt: Nullable(Timestamp),
  revokedAt: Nullable(Timestamp),
  createdAt: Timestamp,
});
export type DeviceView = Static<typeof Device>;

/** The enrolment code goes out once, in this answer; only its hash is kept. */
export const EnrolmentTicket = Type.Object({
  device: Device,
  enrolmentCode: Type.String(),
  enrolmentExpiresAt: Timestamp,
});

export const StationDevicesQuery = Type.Object({ stationId: Uuid }, { additionalProperties: false });

export const EnrolBody = Type.Object(
  { code: Type.String({ minLength: 4, maxLength: 20 }) },
  { additionalProperties: false },
);

/** What a device knows about itself and its station: nothing personal. */
export const DeviceSelf = Type.Object({
  id: Uuid,
  kind: Kind,
  name: Type.String(),
  station: Type.Object({
    id: Uuid,
    name: Type.String(),
    address: Type.String(),
    phone: Type.String(),
    openingHours: Type.String(),
    districtCode: Type.String(),
  }),
});

export const Enrolled = Type.Object({ token: Type.String(), device: DeviceSelf });

/** A gig as the screen by the door shows it: no employer, no person, nothing to trace anyone by. */
export const BoardGig = Type.Object({
  id: Uuid,
  title: Type.String(),
  categoryName: Type.String(),
  payFen: Type.Integer(),
  payUnit: Type.Union([Type.Literal("day"), Type.Literal("hour"), Type.Literal("piece")]),
  address: Type.String(),
  distanceM: Type.Union([Type.Integer(), Type.Null()]),
  startsAt: Timestamp,
  endsAt: Timestamp,
  openPlaces: Type.Integer(),
});
export type BoardGigView = Static<typeof BoardGig>;

/** The information screen's data (信息发布屏): the station's open gigs nearby and today's hires as a count. */
export const Board = Type.Object({
  station: Type.Object({
    name: Type.String(),
    address: Type.String(),
    phone: Type.String(),
    openingHours: Type.String(),
  }),
  gigs: Type.Array(BoardGig),
  /** All open gigs nearby; `gigs` holds the soonest of them. */
  openGigs: Type.Integer(),
  /** 今日录用: bookings made today for gigs in the station's district. */
  hiresToday: Type.Integer(),
  asOf: Timestamp,
});
export type BoardView = Static<typeof Board>;

/** The terminal's pickers: today or tomorrow, and a category; no typing. */
export const KioskGigsQuery = Type.Object(
  {
    day: Type.Union([Type.Literal("today"), Type.Literal("tomorrow")], { default: "today" }),
    category: Type.Optional(Type.String({ maxLength: 64 })),
  },
  { additionalProperties: false },
);

export const KioskGigs = Type.Object({ day: Type.String({ format: "date" }), items: Type.Array(BoardGig) });

/** A queue slip (排队单) for the counter: what she asked about, nothing about her. */
export const QueueSlipBody = Type.Object(
  { categoryCode: Type.Optional(Type.String({ maxLength: 64 })) },
  { additionalProperties: false },
);

export const QueueSlip = Type.Object({
  id: Uuid,
  number: Type.Integer(),
  day: Type.String(),
  categoryCode: Type.Union([Type.String(), Type.Null()]),
  createdAt: Timestamp,
});

/** What the terminal counts besides queue slips (those count themselves). */
export const DeviceUseBody = Type.Object(
  { kind: Type.Union([Type.Literal("session"), Type.Literal("slip_printed")]) },
  { additionalProperties: false },
);

export const DeviceUseQuery = Type.Object(
  {
    from: Type.String({ format: "date" }),
    to: Type.String({ format: "date" }),
  },
  { additionalProperties: false },
);

/** Terminal use per station and day (自助终端使用量) for the monitoring platform. */
export const DeviceUseRow = Type.Object({
  stationId: Uuid,
  stationName: Type.String(),
  districtCode: Type.String(),
  districtName: Type.String(),
  day: Type.String(),
  sessions: Type.Integer(),
  applications: Type.Integer(),
  slipsPrinted: Type.Integer(),
  queueSlips: Type.Integer(),
  /** Gigs employers posted at the station's terminals. */
  gigsPosted: Type.Integer(),
});

/** Terminal use summed over a district's stations for one day. */
export const DeviceUseDistrictRow = Type.Object({
  districtCode: Type.String(),
  districtName: Type.String(),
  day: Type.String(),
  /** Stations whose terminals were used that day. */
  stations: Type.Integer(),
  sessions: Type.Integer(),
  applications: Type.Integer(),
  slipsPrinted: Type.Integer(),
  queueSlips: Type.Integer(),
  /** Gigs employers posted at the station's terminals. */
  gigsPosted: Type.Integer(),
});

/**
 * A person signs in (or registers, on first sign-in) at the terminal with phone + SMS code. The
 * terminal keeps the returned person token in memory only, sends it as `X-Person-Token` on the
 * person's terminal routes, and ends it when the person leaves or the terminal resets.
 */
export const KioskSignInBody = PhoneSignIn;

export const KioskPerson = Type.Object({
  personToken: Type.String(),
  expiresAt: Timestamp,
  role: Type.Union([Type.Literal("worker"), Type.Literal("employer")]),
  displayName: Type.String(),
  /** A worker without a profile gives her name next (the terminal's only typed field). */
  hasWorkerProfile: Type.Boolean(),
  /** An employer without a profile says who is hiring before posting. */
  hasEmployerProfile: Type.Boolean(),
});

/** An employer at the terminal says who is hiring: a household or person, or a business with its code. */
export const KioskEmployerBody = Type.Object(
  {
    kind: Type.Union([Type.Literal("individual"), Type.Literal("enterprise")]),
    name: Type.String({ minLength: 1, maxLength: 60 }),
    creditCode: Type.Optional(Type.String({ maxLength: 18 })),
  },
  { additionalProperties: false },
);

/**
 * A gig posted at the terminal, by choices rather than typing: the kind of work, which of the next
 * seven days, the start hour and length, places, pay, and where (township + the street and number,
 * the one typed field). The server composes the title and description and places the pin, then
 * posts it as the employer would from the portal: same rules, same screening.
 */
export const KioskGigBody = Type.Object(
  {
    categoryCode: Type.String({ minLength: 1, maxLength: 64 }),
    dayOffset: Type.Integer({ minimum: 0, maximum: 6, description: "0 today, 1 tomorrow, …" }),
    startHour: Type.Integer({ minimum: 0, maximum: 23 }),
    hours: Type.Integer({ minimum: 1, maximum: 12 }),
    headcount: Type.Integer({ minimum: 1, maximum: 50 }),
    payFen: Type.Integer({ minimum: 1, maximum: 100_000_000 }),
    payUnit: Type.Union([Type.Literal("day"), Type.Literal("hour")]),
    settlement: Type.Union([Type.Literal("same_day"), Type.Literal("on_completion")]),
    townshipCode: Type.Optional(Type.String({ maxLength: 12 })),
    street: Type.String({ minLength: 2, maxLength: 100 }),
  },
  { additionalProperties: false },
);

/** The posting slip (发布回执) the employer takes away: her gig, its check-in code, whom to call. */
export const GigPostedSlip = Type.Object({
  gigId: Uuid,
  title: Type.String(),
  address: Type.String(),
  startsAt: Timestamp,
  endsAt: Timestamp,
  headcount: Type.Integer(),
  payFen: Type.Integer(),
  payUnit: Type.Union([Type.Literal("day"), Type.Literal("hour"), Type.Literal("piece")]),
  settlement: Type.Union([Type.Literal("same_day"), Type.Literal("on_completion")]),
  /** Shown by the employer on site when a worker's phone cannot check in by location. */
  checkInCode: Type.String(),
  employerName: Type.String(),
  /** unverified, pending (staff check the business), verified or rejected. */
  verification: Type.String(),
  /** How well the pin is known: the street address, or only the township's or district's centre. */
  precision: Type.Union([Type.Literal("address"), Type.Literal("township"), Type.Literal("district")]),
  stationName: Type.String(),
  stationPhone: Type.Union([Type.String(), Type.Null()]),
  postedAt: Timestamp,
});
export type GigPostedSlipView = Static<typeof GigPostedSlip>;

export const KioskWorkerBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 30 }),
    categoryCodes: Type.Array(Type.String({ maxLength: 40 }), { maxItems: 10, uniqueItems: true }),
  },
  { additionalProperties: false },
);

export const KioskApplyBody = Type.Object({ gigId: Uuid }, { additionalProperties: false });

/** The application slip (报名回执) printed at the terminal: the gig, and whom to call. */
export const ApplicationSlip = Type.Object({
  applicationId: Uuid,
  gigId: Uuid,
  title: Type.String(),
  address: Type.String(),
  startsAt: Timestamp,
  endsAt: Timestamp,
  payFen: Type.Integer(),
  payUnit: Type.Union([Type.Literal("day"), Type.Literal("hour"), Type.Literal("piece")]),
  employerName: Type.String(),
  /** 138****5678: the full number comes with the booking. */
  employerPhone: Type.Union([Type.String(), Type.Null()]),
  stationName: Type.String(),
  stationPhone: Type.Union([Type.String(), Type.Null()]),
  appliedAt: Timestamp,
});
export type ApplicationSlipView = Static<typeof ApplicationSlip>;

/** 扫码登录: what the terminal shows as a QR code, and until when. */
export const QrSignInStarted = Type.Object({ id: Uuid, url: Type.String(), expiresAt: Timestamp });

/** The terminal asking again: still waiting, or the worker's session (once). */
export const QrSignInClaim = Type.Union([
  Type.Object({ status: Type.Literal("waiting") }),
  Type.Object({ status: Type.Literal("signed_in"), person: KioskPerson }),
]);

/** The secret from the QR code, sent by the worker app. */
export const QrSignInSecret = Type.Object(
  { secret: Type.String({ minLength: 16, maxLength: 64 }) },
  { additionalProperties: false },
);

/** What the worker app shows before she confirms. */
export const QrSignInView = Type.Object({ stationName: Type.String(), expiresAt: Timestamp });
