/** Request and response shapes of the station counter (驿站工作台) and the public station list. */
import { type Static, Type } from "typebox";
import {
  AvailabilitySchema,
  BirthDateSchema,
  BirthYearSchema,
  CertificatesSchema,
  EducationSchema,
  IdNumberSchema,
  SexSchema,
  SkillsSchema,
} from "../accounts/profile.schemas.ts";
import { PayUnitSchema } from "../gigs/gigs.schemas.ts";
import { Fen, Phone, Timestamp, Uuid } from "../platform/http/schemas.ts";

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);

export const SERVICE_KINDS = [
  "registration",
  "on_behalf",
  "job_referral",
  "gig_posted_for_employer",
  "dispatch",
  "follow_up",
  "dispute_mediation",
  "job_fair",
  "counselling",
  "training_referral",
] as const;
export const ServiceKindSchema = Type.Enum(SERVICE_KINDS);

export const Station = Type.Object({
  id: Uuid,
  kind: Type.Union([Type.Literal("market"), Type.Literal("station")], {
    description: "market: a district gig market (零工市场); station: a neighbourhood station (驿站)",
  }),
  name: Type.String(),
  districtCode: Type.String(),
  districtName: Type.String(),
  address: Type.String(),
  lat: Type.Number(),
  lng: Type.Number(),
  phone: Type.String(),
  openingHours: Type.String(),
});

export const WalkInWorkerBody = Type.Object(
  {
    phone: Phone,
    name: Type.String({ minLength: 1, maxLength: 30 }),
    /** Read from her ID card when she has it: it gives the birth date and sex, checked. */
    idNumber: Type.Optional(IdNumberSchema),
    sex: Type.Optional(SexSchema),
    birthDate: Type.Optional(BirthDateSchema),
    /** When she knows only the year. */
    birthYear: Type.Optional(BirthYearSchema),
    education: Type.Optional(EducationSchema),
    skills: Type.Optional(SkillsSchema),
    certificates: Type.Optional(CertificatesSchema),
    availability: Type.Optional(AvailabilitySchema),
    categoryCodes: Type.Array(Type.String({ maxLength: 40 }), {
      minItems: 1,
      maxItems: 10,
      uniqueItems: true,
    }),
    districtCodes: Type.Array(Type.String({ pattern: "^[0-9]{6}$" }), {
      minItems: 1,
      maxItems: 10,
      uniqueItems: true,
    }),
    expectedDailyPayFen: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000 })),
    note: Type.Optional(Type.String({ maxLength: 500 })),
    /** 本人已口头同意: staff explained the 用户协议 and 隐私政策 and the worker agreed out loud. */
    verbalConsent: Type.Literal(true),
  },
  { additionalProperties: false },
);
export type WalkInWorkerInput = Static<typeof WalkInWorkerBody>;

export const WalkInWorker = Type.Object({
  userId: Uuid,
  name: Type.String(),
  phone: Type.String({ description: "Masked" }),
  /** False when the phone already had an account (it signed in before but had no profile). */
  newAccount: Type.Boolean(),
  serviceRecordId: Uuid,
});

/** The registration a walk-in already has, in the `details` of a 409: masked, enough to recognise her. */
export const ExistingRegistration = Type.Object({
  userId: Uuid,
  name: Type.String({ description: "Masked: 王**" }),
  phone: Nullable(Type.String({ description: "Masked" })),
  idNumberMasked: Nullable(Type.String()),
  birthYear: Nullable(Type.Integer()),
  registeredAt: Timestamp,
  /** The station that registered her at its counter; null when she registered herself. */
  stationName: Nullable(Type.String()),
  /** What was found the same: her phone number or her ID number. */
  matchedBy: Type.Union([Type.Literal("phone"), Type.Literal("id_number")]),
});
export type ExistingRegistrationView = Static<typeof ExistingRegistration>;

export const ServiceRecordBody = Type.Object(
  {
    personUserId: Type.Optional(Uuid),
    kind: ServiceKindSchema,
    note: Type.String({ minLength: 1, maxLength: 1000 }),
  },
  { additionalProperties: false },
);
export type ServiceRecordInput = Static<typeof ServiceRecordBody>;

export const ServiceRecord = Type.Object({
  id: Uuid,
  kind: ServiceKindSchema,
  note: Type.String(),
  personUserId: Nullable(Uuid),
  /** Masked: 王** */
  personName: Nullable(Type.String()),
  personPhone: Nullable(Type.String()),
  staffName: Type.String(),
  createdAt: Timestamp,
});

export const StationServices = Type.Object({
  stationId: Uuid,
  stationName: Type.String(),
  today: Type.Object({
    total: Type.Integer(),
    byKind: Type.Record(Type.String(), Type.Integer()),
  }),
  items: Type.Array(ServiceRecord, { description: "The last 7 days, newest first" }),
});

export const EmployerQuery = Type.Object(
  { q: Type.String({ minLength: 1, maxLength: 60 }) },
  { additionalProperties: false },
);

export const EmployerMatch = Type.Object({
  id: Uuid,
  name: Type.String(),
  kind: Type.String(),
  verification: Type.String(),
  districtCode: Nullable(Type.String()),
  contactName: Type.String(),
  phone: Nullable(Type.String({ description: "Masked" })),
});

export const JobSlip = Type.Object({
  gigId: Uuid,
  title: Type.String(),
  categoryNameZh: Type.String(),
  payFen: Fen,
  payUnit: PayUnitSchema,
  settlement: Type.String(),
  startsAt: Timestamp,
  endsAt: Timestamp,
  address: Type.String(),
  districtName: Type.String(),
  headcount: Type.Integer(),
  openPlaces: Type.Integer(),
  requirements: Type.String(),
  employerName: Type.String(),
  employerVerified: Type.Boolean(),
  employerContactName: Type.String(),
  /** Full when the slip is printed for a worker booked on the gig (she must be able to call); else masked. */
  employerPhone: Nullable(Type.String()),
  /** The worker the slip is printed for, when one is named. */
  worker: Nullable(Type.Object({ name: Type.String(), booked: Type.Boolean() })),
  status: Type.String(),
  /** The gig's page in the worker app; the slip's QR code opens it. */
  url: Type.String(),
  station: Nullable(Type.Object({ name: Type.String(), address: Type.String(), phone: Type.String() })),
  printedAt: Timestamp,
});
export type JobSlipView = Static<typeof JobSlip>;

export const SlipQuery = Type.Object(
  { worker: Type.Optional(Uuid) },
  { additionalProperties: false, description: "worker: print the slip for this worker (her name on it)" },
);
