/** English words of locales.ts, fetched only by those who read English (shared/i18n.ts). */
import type { Words } from "./locales.ts";

export const en: Words = {
  title: "Report a problem",
  hint: "Station staff will contact you within the deadline. It is free, and the employer does not see your number.",
  kindLabel: "What went wrong",
  kind: {
    wage_arrears: "Unpaid wages",
    fake_post: "Not the work described",
    upfront_fee: "Asked me to pay first",
    abuse: "Abuse",
    safety: "Unsafe",
    other: "Other",
  },
  amount: "Amount owed (yuan)",
  description: "What happened",
  descriptionPlaceholder: "e.g. Finished on 20 Nov, promised same-day pay, still not paid",
  submit: "Send",
  mine: "My reports",
  file: "Problem with pay? Report it",
  emptyTitle: "No reports",
  emptyHint: "If something goes wrong at work, tap Report under Pay, or visit a station nearby.",
  status: {
    open: "Waiting",
    in_progress: "Being handled",
    referred: "With labour inspection",
    resolved: "Resolved",
    rejected: "Not accepted",
  },
  inspection: "Labour inspection case {{caseNumber}}: {{status}}",
  inspectionStatus: {
    submitted: "handed over, awaiting a case",
    accepted: "under investigation",
    concluded: "case closed",
  },
  dueBy: "To be handled by {{at}}",
  overdue: "Past its deadline; the bureau will follow up",
};
