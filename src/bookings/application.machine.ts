/**
 * Applications (a worker asks) and invitations (an employer asks). The other side
 * answers: the employer accepts or rejects an application; the worker accepts or
 * declines an invitation. The side that asked may withdraw while it is pending.
 */
import { APPLICATION_STATUSES, type ApplicationKind } from "../db/schema/index.ts";
import { defineMachine } from "../lifecycle/machine.ts";

export const applicationMachine = defineMachine(APPLICATION_STATUSES, {
  accept: { from: ["pending"], to: "accepted" },
  reject: { from: ["pending"], to: "rejected" },
  decline: { from: ["pending"], to: "declined" },
  withdraw: { from: ["pending"], to: "withdrawn" },
  /** The gig filled, was cancelled or started before anyone answered. */
  expire: { from: ["pending"], to: "expired" },
});

export type ApplicationEvent = (typeof applicationMachine.events)[number];
export type Side = "worker" | "employer";

/** Who may send each event, by kind. `expire` is the system's alone. */
const allowedSide: Record<ApplicationKind, Partial<Record<ApplicationEvent, Side>>> = {
  application: { accept: "employer", reject: "employer", withdraw: "worker" },
  invitation: { accept: "worker", decline: "worker", withdraw: "employer" },
};

export function sideMayDo(kind: ApplicationKind, event: ApplicationEvent, side: Side): boolean {
  return allowedSide[kind][event] === side;
}
