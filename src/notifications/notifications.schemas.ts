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
  phone: Type.String({ description: "Masked" }),
  attempts: Type.Integer(),
  lastError: Type.Union([Type.String(), Type.Null()]),
  createdAt: Timestamp,
});
