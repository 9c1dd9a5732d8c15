/** Turns payment rows and shift lines into the API's shapes, with each shift's pay status. */
import { gigSummary } from "../bookings/booking.views.ts";
import { shanghaiDate } from "../shifts/shanghai-time.ts";
import { timesheetView } from "../timesheets/timesheet.views.ts";
import { outstandingFen, type PayFacts, payStatus, paySums } from "./pay-status.ts";
import type { PaymentRow, ShiftLine } from "./payments.repository.ts";
import type { PaymentView } from "./payments.schemas.ts";

const iso = (at: Date | null) => (at ? at.toISOString() : null);

export function paymentView(row: PaymentRow): PaymentView {
  return {
    id: row.id,
    bookingId: row.bookingId,
    amountFen: row.amountFen,
    method: row.method,
    paidAt: row.paidAt.toISOString(),
    status: row.status,
    note: row.note,
    confirmedAt: iso(row.confirmedAt),
    disputeReason: row.disputeReason,
    disputedAt: iso(row.disputedAt),
    createdAt: row.createdAt.toISOString(),
  };
}

export function payLine(line: ShiftLine, payments: PaymentRow[]) {
  const facts: PayFacts = {
    timesheetStatus: line.timesheet?.status ?? null,
    amountDueFen: line.timesheet?.amountDueFen ?? null,
    payments,
  };
  return {
    bookingId: line.booking.id,
    gig: gigSummary(line.gig),
    gigTitle: line.gig.title,
    date: shanghaiDate(line.gig.startsAt),
    amountDueFen: facts.amountDueFen,
    ...paySums(payments),
    outstandingFen: outstandingFen(facts),
    status: payStatus(facts),
    timesheet: line.timesheet ? timesheetView(line.timesheet) : null,
    payments: payments.map(paymentView),
  };
}

export function totalsOf(lines: ReturnType<typeof payLine>[]) {
  const sum = (pick: (line: ReturnType<typeof payLine>) => number) => lines.reduce((t, l) => t + pick(l), 0);
  return {
    dueFen: sum((l) => l.amountDueFen ?? 0),
    paidFen: sum((l) => l.paidFen),
    confirmedFen: sum((l) => l.confirmedFen),
    outstandingFen: sum((l) => l.outstandingFen),
  };
}
