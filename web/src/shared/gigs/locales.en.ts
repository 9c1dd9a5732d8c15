/** English words of locales.ts, fetched only by those who read English (shared/i18n.ts). */
import type { Words } from "./locales.ts";

export const en: Words = {
  title: "Post a gig",
  category: "Kind of work",
  categoryRequired: "Choose the kind of work",
  gigTitle: "Title",
  titlePlaceholder: "e.g. Estate cleaning, 2 people",
  titleRule: "2–60 characters",
  address: "Work place",
  date: "Date",
  dateRequired: "Choose a date",
  start: "Start",
  end: "End",
  timeRequired: "Enter a time",
  endAfterStart: "The end must be after the start",
  headcount: "Workers wanted",
  headcountRule: "1–500 workers",
  pay: "Pay (yuan)",
  payRule: "Enter the pay",
  payHint: "Market reference: {{pay}}",
  payUnit: "Paid",
  settlement: "Settlement",
  description: "What the work is",
  descriptionPlaceholder: "Tasks, tools to bring, whether meals are provided",
  requirements: "Requirements",
  requirementsPlaceholder: "e.g. able to lift heavy loads; experience preferred",
  noFees: "Workers may not be charged any deposit, training or medical-check fee; such posts are refused.",
  submit: "Post",

  payUnits: { day: "Per day", hour: "Per hour", piece: "Per piece" },
};
