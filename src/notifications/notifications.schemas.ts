/** Schemas of the notification centre, channel preferences and delivery figures. */
import { type Static, Type } from "typebox";
import { Timestamp, Uuid } from "../platform/http/schemas.ts";

export const NotificationSchema = Type.Object({
  id: Uuid,
  kind: Type.String(),
  title: Type.String(),
  body: Type.String(),
  link: Type.String(),
  createdAt: Timestamp,
  readAt: Type.Union([Timestamp, Type.Null()]),
});
export type NotificationView = Static<typeof NotificationSchema>;

export const NotificationList = Type.Object({
  items: Type.Array(NotificationSchema),
  unread: Type.Integer(),
});

export const ListQuery = Type.Object({
  limit: Type.Integer({ minimum: 1, maximum: 100, default: 30 }),
  before: Type.Optional(Timestamp),
});

export const UnreadCount = Type.Object({ unread: Type.Integer() });

export const Preferences = Type.Object(
  {
    sms: Type.Boolean(),
    voice: Type.Boolean(),
    lang: Type.Union([Type.Literal("zh-CN"), Type.Literal("en")]),
  },
  { additionalProperties: false },
);
export type PreferencesInput = Static<typeof Preferences>;

export const DeliveryDay = Type.Object({
  day: Type.String({ description: "Local day, YYYY-MM-DD (Asia/Shanghai)" }),
  channel: Type.String(),
  sent: Type.Integer(),
  failed: Type.Integer(),
  dead: Type.Integer(),
  suppressed: Type.Integer(),
});

export const DeadLetter = Type.Object({
  id: Uuid,
  channel: Type.String(),
  kind: Type.String(),
  title: Type.String({
    description: "What it was about (the notification's title), in the reader's language",
  }),
  phone: Type.String({ description: "Masked" }),
  attempts: Type.Integer(),
  lastError: Type.Union([Type.String(), Type.Null()]),
  createdAt: Timestamp,
});

const Nullable = <T extends ReturnType<typeof Type.String>>(schema: T) => Type.Union([schema, Type.Null()]);

export const JobAlertBody = Type.Object(
  {
    categoryCode: Type.Union([Type.String({ minLength: 1, maxLength: 40 }), Type.Null()], { default: null }),
    districtCode: Type.Union([Type.String({ pattern: "^[0-9]{6}$" }), Type.Null()], { default: null }),
    lat: Type.Union([Type.Number({ minimum: -90, maximum: 90 }), Type.Null()], { default: null }),
    lng: Type.Union([Type.Number({ minimum: -180, maximum: 180 }), Type.Null()], { default: null }),
    radiusKm: Type.Union([Type.Number({ minimum: 0.5, maximum: 50 }), Type.Null()], { default: null }),
    minDailyPayFen: Type.Integer({ minimum: 0, maximum: 10_000_00, default: 0 }),
    sameDayPayOnly: Type.Boolean({ default: false }),
  },
  { additionalProperties: false },
);

export const JobAlert = Type.Object({
  id: Uuid,
  workerId: Uuid,
  categoryCode: Nullable(Type.String()),
  districtCode: Nullable(Type.String()),
  lat: Type.Union([Type.Number(), Type.Null()]),
  lng: Type.Union([Type.Number(), Type.Null()]),
  radiusKm: Type.Union([Type.Number(), Type.Null()]),
  minDailyPayFen: Type.Integer(),
  sameDayPayOnly: Type.Boolean(),
  createdAt: Timestamp,
});
