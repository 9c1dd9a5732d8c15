/** English words of messages.locales.ts, fetched only by those who read English (shared/i18n.ts). */
import type { Words } from "./messages.locales.ts";

export const en: Words = {
  messages: {
    figures: "Text messages and calls, last {{days}} days",
    figuresHint:
      "Failed: will be tried again; undelivered: failed every attempt; held back: over the daily limit, shown in the app only.",
    day: "Day",
    channel: "Channel",
    sent: "Sent",
    failed: "Failed, retrying",
    dead: "Undelivered",
    suppressed: "Held back",
    noFigures: "No text messages or calls in this period",
    deadLetters: "Undelivered messages",
    deadHint:
      "Messages that failed every attempt. Once the cause is fixed (a gateway outage, say), the city admin can send them again.",
    noDead: "No undelivered messages",
    createdAt: "Created",
    kind: "Kind",
    phone: "Phone",
    attempts: "Attempts",
    lastError: "Last error",
    retry: "Send again",
    retried: "Queued to send again",
    channels: { sms: "SMS", voice: "Voice call" },
  },
};
