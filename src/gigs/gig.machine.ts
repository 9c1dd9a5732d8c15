/** A gig (零工岗位) is open until its places are filled, it is cancelled, or its time has passed. */
import { GIG_STATUSES, type GigStatus } from "../db/schema/index.ts";
import { defineMachine } from "../lifecycle/machine.ts";

export const gigMachine = defineMachine(GIG_STATUSES, {
  /** The last place was taken. */
  fill: { from: ["open"], to: "filled" },
  /** A booking was cancelled and a place is free again before the start. */
  reopen: { from: ["filled"], to: "open" },
  cancel: { from: ["open", "filled"], to: "cancelled" },
  /** The gig's end time has passed. */
  close: { from: ["open", "filled"], to: "closed" },
});

/** The status that the counts imply for a gig that is still live. */
export function statusForCounts(status: GigStatus, filled: number, headcount: number): GigStatus {
  if (status === "open" && filled >= headcount) return "filled";
  if (status === "filled" && filled < headcount) return "open";
  return status;
}
