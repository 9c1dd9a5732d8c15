import { Type } from "typebox";
import { Phone, Timestamp } from "../platform/http/schemas.ts";

export const CodeRequest = Type.Object({ phone: Phone }, { additionalProperties: false });
export const CodeResponse = Type.Object({
  sent: Type.Literal(true),
  expiresInSeconds: Type.Integer(),
  /** How long until another code may be asked for this phone (code_requested_too_soon before then). */
  resendAfterSeconds: Type.Integer(),
  /** Only in demo mode, never with a real SMS provider: shown on the sign-in screen marked 演示. */
  demoCode: Type.Optional(Type.String()),
});

export const PhoneSignIn = Type.Object(
  {
    phone: Phone,
    code: Type.String({ pattern: "^[0-9]{6}$" }),
    role: Type.Union([Type.Literal("worker"), Type.Literal("employer")]),
    /** The versions of the 用户协议 and 隐私政策 the person accepted on this screen (consent_required without). */
    consent: Type.Optional(
      Type.Object(
        {
          termsVersion: Type.Integer({ minimum: 1, maximum: 10_000 }),
          privacyVersion: Type.Integer({ minimum: 1, maximum: 10_000 }),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);

export const PasswordSignIn = Type.Object(
  {
    username: Type.String({ minLength: 1, maxLength: 64 }),
    password: Type.String({ minLength: 1, maxLength: 200 }),
  },
  { additionalProperties: false },
);

export const Me = Type.Object({
  id: Type.String(),
  role: Type.Union([
    Type.Literal("worker"),
    Type.Literal("employer"),
    Type.Literal("station_staff"),
    Type.Literal("district_admin"),
    Type.Literal("city_admin"),
    Type.Literal("province_admin"),
  ]),
  cityCode: Type.String(),
  displayName: Type.String(),
  phone: Type.Union([Type.String(), Type.Null()]),
  username: Type.Union([Type.String(), Type.Null()]),
  districtCode: Type.Union([Type.String(), Type.Null()]),
  stationId: Type.Union([Type.String(), Type.Null()]),
  hasWorkerProfile: Type.Boolean(),
  employer: Type.Union([
    Type.Object({ id: Type.String(), name: Type.String(), verification: Type.String() }),
    Type.Null(),
  ]),
});

export const SignedIn = Type.Object({ token: Type.String(), expiresAt: Timestamp, user: Me });
