/**
 * A complaint (投诉) from filing to its end:
 *
 *   open ─assign→ in_progress ─resolve→ resolved
 *                     │    ↺ assign      (a colleague takes it over)
 *                     └──────reject→ rejected   (the facts do not hold up)
 *
 * Staff take a complaint before they close it, so every closed complaint names who handled it.
 * A complaint still open or in progress after its due date is overdue (超期).
 */
import type { ComplaintStatus } from "../db/schema/index.ts";
import { defineMachine } from "../lifecycle/machine.ts";

export const COMPLAINT_STATUSES = [
  "open",
  "in_progress",
  "resolved",
  "rejected",
] as const satisfies readonly ComplaintStatus[];

export const complaintMachine = defineMachine(COMPLAINT_STATUSES, {
  assign: { from: ["open", "in_progress"], to: "in_progress" },
  resolve: { from: ["in_progress"], to: "resolved" },
  reject: { from: ["in_progress"], to: "rejected" },
});

export type ComplaintEvent = (typeof complaintMachine.events)[number];

/** The states from which `event` may happen, for conditional updates. */
export function statesAllowing(event: ComplaintEvent): ComplaintStatus[] {
  return complaintMachine.states.filter((s) => complaintMachine.can(s, event));
}

export function isHandled(status: ComplaintStatus): boolean {
  return status === "resolved" || status === "rejected";
}

/** Still being handled after its due date. */
export function isOverdue(complaint: { status: ComplaintStatus; dueAt: Date }, now: Date): boolean {
  return !isHandled(complaint.status) && complaint.dueAt.getTime() < now.getTime();
}

const DAY_MS = 86_400_000;

/** The due date: the city's number of days (cities.complaint_due_days) after filing. */
export function dueDate(filedAt: Date, dueDays: number): Date {
  return new Date(filedAt.getTime() + dueDays * DAY_MS);
}
