/**
 * A timesheet starts from the measured time at check-out. The employer approves it,
 * correcting the hours if needed; the worker may dispute the approved hours within the
 * city's dispute window; a disputed timesheet is resolved by a new approval (by the
 * employer, or by station staff mediating).
 */
import { TIMESHEET_STATUSES } from "../db/schema/index.ts";
import { defineMachine } from "../lifecycle/machine.ts";

export const timesheetMachine = defineMachine(TIMESHEET_STATUSES, {
  approve: { from: ["pending"], to: "approved" },
  dispute: { from: ["approved"], to: "disputed" },
  resolve: { from: ["disputed"], to: "resolved" },
});
