/** English words of devices.locales.ts, fetched only by those who read English (shared/i18n.ts). */
import type { Words } from "./devices.locales.ts";

export const en: Words = {
  menu: { devices: "Devices" },
  devices: {
    title: "Self-service devices",
    hint: "Enrol this station's self-service terminal (/kiosk) or information screen (/display). The enrolment code is shown once and lasts 24 hours: open the address on the device and type the code in. Revoke a device at once when it is lost or replaced.",
    kind: "Kind",
    kinds: { terminal: "Self-service terminal", screen: "Information screen" },
    name: "Name",
    namePlaceholder: "e.g. Hall, no. 1",
    add: "Enrol device",
    codeTitle: "Enrolment code (shown only this once)",
    codeHint: "Open {{address}} on the device and type this code in.",
    status: "Status",
    statuses: { awaiting_enrolment: "Awaiting enrolment", active: "In use", revoked: "Revoked" },
    lastSeen: "Last seen",
    never: "Never",
    revoke: "Revoke",
    revokeConfirm: "The device stops working at once and must be enrolled again. Revoke it?",
    revoked: "Revoked",
    empty: "No devices enrolled at this station yet",
    noStation: "Your account is not attached to a station",
    queueTitle: "Today's queue slips from the terminals",
    queueEmpty: "Nobody has taken a number at a terminal today",
    queueNumber: "Number",
    queueWant: "Wants",
    queueTime: "Taken at",
    refresh: "Refresh",
  },
};
