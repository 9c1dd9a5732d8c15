import type { TimesheetRow } from "../shifts/shifts.repository.ts";
import type { TimesheetView } from "./timesheets.schemas.ts";

const iso = (at: Date | null) => (at ? at.toISOString() : null);

export function timesheetView(row: TimesheetRow): TimesheetView {
  return {
    bookingId: row.bookingId,
    status: row.status,
    measuredMinutes: row.measuredMinutes,
    approvedMinutes: row.approvedMinutes,
    pieces: row.pieces,
    sentHomeEarly: row.sentHomeEarly,
    amountDueFen: row.amountDueFen,
    correctionNote: row.correctionNote,
    approvedAt: iso(row.approvedAt),
    disputeDeadline: iso(row.disputeDeadline),
    disputeReason: row.disputeReason,
    disputedAt: iso(row.disputedAt),
    resolvedAt: iso(row.resolvedAt),
  };
}
