/**
 * Where a shift's pay stands, as the worker follows it (工钱进度):
 *   awaiting_approval → approved → paid → confirmed, or disputed while a dispute is open.
 * "paid" means records cover the amount due but the worker has not confirmed them all.
 * A disputed payment counts for nothing until the worker confirms it.
 */
import type { PaymentStatus, TimesheetStatus } from "../db/schema/index.ts";

export type PayStatus = "awaiting_approval" | "approved" | "paid" | "confirmed" | "disputed";

export interface PaymentFact {
  amountFen: number;
  status: PaymentStatus;
}

export interface PayFacts {
  timesheetStatus: TimesheetStatus | null;
  amountDueFen: number | null;
  payments: readonly PaymentFact[];
}

export function paySums(payments: readonly PaymentFact[]): { paidFen: number; confirmedFen: number } {
  const sum = (keep: (p: PaymentFact) => boolean) =>
    payments.filter(keep).reduce((total, p) => total + p.amountFen, 0);
  return { paidFen: sum((p) => p.status !== "disputed"), confirmedFen: sum((p) => p.status === "confirmed") };
}

export function payStatus(facts: PayFacts): PayStatus {
  const { timesheetStatus, amountDueFen, payments } = facts;
  if (timesheetStatus === "disputed" || payments.some((p) => p.status === "disputed")) return "disputed";
  if (timesheetStatus === null || timesheetStatus === "pending" || amountDueFen === null) {
    return "awaiting_approval";
  }
  const { paidFen, confirmedFen } = paySums(payments);
  if (paidFen < amountDueFen) return "approved";
  if (confirmedFen < amountDueFen || payments.some((p) => p.status === "recorded")) return "paid";
  return "confirmed";
}

/** What is still owed on a shift; paying more than due leaves nothing owed, not a credit. */
export function outstandingFen(facts: PayFacts): number {
  if (facts.amountDueFen === null) return 0;
  return Math.max(0, facts.amountDueFen - paySums(facts.payments).paidFen);
}
