/** English words of devices.locales.ts, fetched only by those who read English (shared/i18n.ts). */
import type { Words } from "./devices.locales.ts";

export const en: Words = {
  enrol: {
    title: "Enrol this device",
    hint: "Station staff enrol this device in the station console (Devices) and type the code it shows below.",
    code: "Enrolment code",
    submit: "Enrol",
    kinds: { terminal: "Self-service terminal", screen: "Information screen" },
  },
};
