import { Type } from "typebox";
import { Fen } from "../platform/http/schemas.ts";
import { CERTIFICATES, EDUCATION_LEVELS } from "./worker-traits.ts";

export { CERTIFICATES, EDUCATION_LEVELS };

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);
export const SexSchema = Type.Union([Type.Literal("male"), Type.Literal("female")]);
export const EducationSchema = Type.Enum(EDUCATION_LEVELS, {
  description: "小学及以下 / 初中 / 高中、中专 / 大专 / 本科及以上",
});
export const BirthDateSchema = Type.String({ format: "date", description: "yyyy-mm-dd" });
export const BirthYearSchema = Type.Integer({ minimum: 1940, maximum: 2010 });
export const IdNumberSchema = Type.String({
  pattern: "^[0-9]{17}[0-9Xx]$",
  description: "公民身份号码 (GB 11643); checked, then kept only as a digest and a masked form",
});
export const SkillsSchema = Type.Array(Type.String({ minLength: 1, maxLength: 20 }), { maxItems: 20 });
export const CertificatesSchema = Type.Array(Type.String({ minLength: 1, maxLength: 30 }), {
  maxItems: 20,
  description: "Codes of CERTIFICATES, or free text as written on the card",
});

export const AvailabilitySchema = Type.Object({
  weekdays: Type.Array(Type.Integer({ minimum: 0, maximum: 6 }), { maxItems: 7, uniqueItems: true }),
  fromHour: Type.Integer({ minimum: 0, maximum: 23 }),
  toHour: Type.Integer({ minimum: 1, maximum: 24 }),
});

/** What a worker fills in (求职资料). */
export const WorkerProfileInput = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 30 }),
    sex: Type.Optional(Nullable(SexSchema)),
    birthYear: Type.Optional(Nullable(BirthYearSchema)),
    birthDate: Type.Optional(Nullable(BirthDateSchema)),
    education: Type.Optional(Nullable(EducationSchema)),
    /** Omitted: the number on file stays; null: it is removed. */
    idNumber: Type.Optional(Nullable(IdNumberSchema)),
    categoryCodes: Type.Array(Type.String({ maxLength: 40 }), { maxItems: 10, uniqueItems: true }),
    anyCategory: Type.Optional(Type.Boolean()),
    skills: Type.Optional(SkillsSchema),
    certificates: Type.Optional(CertificatesSchema),
    districtCodes: Type.Array(Type.String({ pattern: "^[0-9]{6}$" }), { maxItems: 10, uniqueItems: true }),
    /** Home area (住址): district → township → street; the pin (homeLat/homeLng, WGS-84) confirmed on a map. */
    homeDistrictCode: Type.Optional(Nullable(Type.String({ pattern: "^[0-9]{6}$" }))),
    homeTownshipCode: Type.Optional(Nullable(Type.String({ pattern: "^[0-9]{9}$" }))),
    homeStreet: Type.Optional(Nullable(Type.String({ maxLength: 120 }))),
    homeLat: Type.Optional(Nullable(Type.Number({ minimum: 3, maximum: 54 }))),
    homeLng: Type.Optional(Nullable(Type.Number({ minimum: 73, maximum: 136 }))),
    rangeKm: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
    availability: Type.Optional(Nullable(AvailabilitySchema)),
    expectedDailyPayFen: Type.Optional(Nullable(Type.Integer({ minimum: 0, maximum: 1_000_000 }))),
    experienceYears: Type.Optional(Type.Integer({ minimum: 0, maximum: 60 })),
    intro: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);

export const WorkerProfileView = Type.Object({
  userId: Type.String(),
  name: Type.String(),
  sex: Nullable(Type.String()),
  birthYear: Nullable(Type.Integer()),
  birthDate: Nullable(Type.String({ format: "date" })),
  education: Nullable(Type.String()),
  /** Always masked: the full number is not kept (decision 0012). */
  idNumberMasked: Nullable(Type.String()),
  categoryCodes: Type.Array(Type.String()),
  anyCategory: Type.Boolean(),
  skills: Type.Array(Type.String()),
  certificates: Type.Array(Type.String()),
  districtCodes: Type.Array(Type.String()),
  homeDistrictCode: Nullable(Type.String()),
  homeTownshipCode: Nullable(Type.String()),
  homeStreet: Nullable(Type.String()),
  homeLat: Nullable(Type.Number()),
  homeLng: Nullable(Type.Number()),
  rangeKm: Type.Integer(),
  availability: Nullable(AvailabilitySchema),
  expectedDailyPayFen: Nullable(Fen),
  experienceYears: Type.Integer(),
  intro: Type.String(),
  completedCount: Type.Integer(),
  noShowCount: Type.Integer(),
  lateCancelCount: Type.Integer(),
  ratingAverage: Nullable(Type.Number()),
  ratingCount: Type.Integer(),
});

const IndustryCode = Type.String({ pattern: "^[A-T]$", description: "GB/T 4754 section letter" });

/** What an employer fills in (用工方资料). */
export const EmployerProfileInput = Type.Object(
  {
    kind: Type.Union([Type.Literal("individual"), Type.Literal("enterprise")]),
    name: Type.String({ minLength: 1, maxLength: 60 }),
    contactName: Type.Optional(Type.String({ maxLength: 30 })),
    districtCode: Type.Optional(Nullable(Type.String({ pattern: "^[0-9]{6}$" }))),
    industryCode: Type.Optional(Nullable(IndustryCode)),
    creditCode: Type.Optional(Nullable(Type.String({ minLength: 18, maxLength: 18 }))),
  },
  { additionalProperties: false },
);

export const EmployerProfileView = Type.Object({
  id: Type.String(),
  kind: Type.String(),
  name: Type.String(),
  contactName: Type.String(),
  districtCode: Nullable(Type.String()),
  industryCode: Nullable(Type.String()),
  creditCode: Nullable(Type.String()),
  verification: Type.String(),
  ratingAverage: Nullable(Type.Number()),
  ratingCount: Type.Integer(),
});

export const VerificationDecision = Type.Object(
  {
    decision: Type.Union([Type.Literal("verified"), Type.Literal("rejected")]),
    note: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);

export const WorkerContact = Type.Object({
  userId: Type.String(),
  name: Type.String(),
  phone: Nullable(Type.String()),
});
