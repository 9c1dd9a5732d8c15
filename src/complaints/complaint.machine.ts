/**
 * A complaint (投诉) from filing to its end:
 *
 *   open ─assign→ in_progress ─resolve→ resolved
 *                     │    ↺ assign      (a colleague takes it over)
 *                     ├──────reject→ rejected   (the facts do not hold up)
 *                     └──refer→ referred ─resolve / reject→   (劳动保障监察 holds the case)
 *
 * Staff take a complaint before they close it, so every closed complaint names who handled it.
 * Staff log follow-ups (calls, visits, mediation) while it is in progress or referred.
 * A complaint still open or in progress after its due date is overdue (超期); once referred, the
 * inspection brigade's own time limits apply, so it no longer counts against the district.
 */
import type { ComplaintKind, ComplaintStatus, EscalationLevel } from "../db/schema/index.ts";
import { defineMachine } from "../lifecycle/machine.ts";

export const COMPLAINT_STATUSES = [
  "open",
  "in_progress",
  "referred",
  "resolved",
  "rejected",
] as const satisfies readonly ComplaintStatus[];

export const complaintMachine = defineMachine(COMPLAINT_STATUSES, {
  assign: { from: ["open", "in_progress"], to: "in_progress" },
  refer: { from: ["in_progress"], to: "referred" },
  resolve: { from: ["in_progress", "referred"], to: "resolved" },
  reject: { from: ["in_progress", "referred"], to: "rejected" },
});

export type ComplaintEvent = (typeof complaintMachine.events)[number];

/** The states from which `event` may happen, for conditional updates. */
export function statesAllowing(event: ComplaintEvent): ComplaintStatus[] {
  return complaintMachine.states.filter((s) => complaintMachine.can(s, event));
}

/** States in which staff may add to the follow-up log. */
export const FOLLOW_UP_STATES: readonly ComplaintStatus[] = ["in_progress", "referred"];

/** States whose due date the district answers for. */
export const ON_THE_CLOCK: readonly ComplaintStatus[] = ["open", "in_progress"];

export function isHandled(status: ComplaintStatus): boolean {
  return status === "resolved" || status === "rejected";
}

/** Still on the district's clock after its due date. */
export function isOverdue(complaint: { status: ComplaintStatus; dueAt: Date }, now: Date): boolean {
  return ON_THE_CLOCK.includes(complaint.status) && complaint.dueAt.getTime() < now.getTime();
}

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/**
 * Days to handle a complaint, by kind. Unpaid wages come first: a worker owed a day's pay
 * cannot wait a week (欠薪 3 days); safety the same; fees and fake posts 5 days, since other
 * workers may be caught meanwhile; anything else the city's number (cities.complaint_due_days).
 * No kind ever gets longer than the city's number.
 */
const DAYS_BY_KIND: Partial<Record<ComplaintKind, number>> = {
  wage_arrears: 3,
  safety: 3,
  upfront_fee: 5,
  fake_post: 5,
};

export function dueDaysFor(kind: ComplaintKind, cityDays: number): number {
  return Math.min(DAYS_BY_KIND[kind] ?? cityDays, cityDays);
}

/** The due date: the kind's number of days after filing. */
export function dueDate(filedAt: Date, dueDays: number): Date {
  return new Date(filedAt.getTime() + dueDays * DAY_MS);
}

/** A complaint is nearly due in its last day. */
export const NEARLY_DUE_MS = DAY_MS;

/**
 * How far a complaint should be escalated to the district admin now: 1 in its last day, 2 once
 * overdue, 0 otherwise (or when it is no longer on the district's clock). Worked examples, due at
 * 2030-03-04T00:00Z: at 03-02T12:00 → 0; at 03-03T00:00 → 1; at 03-04T00:01 → 2.
 */
export function escalationDue(
  complaint: { status: ComplaintStatus; dueAt: Date },
  now: Date,
): EscalationLevel {
  if (!ON_THE_CLOCK.includes(complaint.status)) return 0;
  const left = complaint.dueAt.getTime() - now.getTime();
  if (left < 0) return 2;
  return left <= NEARLY_DUE_MS ? 1 : 0;
}
