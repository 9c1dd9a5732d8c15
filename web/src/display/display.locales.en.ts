/** English words of display.locales.ts, fetched only by those who read English (shared/i18n.ts). */
import type { Words } from "./display.locales.ts";

export const en: Words = {
  title: "{{station}} · Gigs",
  gigs: "Gigs nearby",
  openGigs: "{{count}} open gigs nearby",
  hiresToday: "Hired today",
  people: "{{count}}",
  placesLeft: "{{count}} places left",
  hours: "Open",
  phone: "Phone",
  page: "Page {{page}}/{{pages}}",
  scan: "Scan to apply",
  updatedAt: "Updated {{time}}",
  stale: "Connection lost, reconnecting · showing data of {{time}}",
  none: "No open gigs nearby right now; ask at the counter",
  loading: "Loading…",
  revoked: "This device has been revoked; ask station staff to enrol it again",
};
