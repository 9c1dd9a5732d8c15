/** English words of locales.ts, fetched only by those who read English (shared/i18n.ts). */
import type { Words } from "./locales.ts";

export const en: Words = {
  bell: "Messages",
  bellUnread: "Messages, {{count}} unread",
  title: "Messages",
  empty: "No messages yet",
  markAll: "Mark all read",
  unread: "Unread",
  live: "New messages appear by themselves",
  offline: "Connection lost, reconnecting…",
  justNow: "just now",
  minutesAgo: "{{count}} min ago",
};
