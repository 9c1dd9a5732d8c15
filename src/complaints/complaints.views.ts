/** How a complaint is shown: to its worker, to staff in a list (masked), to staff handling it (in full). */
import type { SessionUser } from "../platform/http/access.ts";
import { maskName, maskPhone } from "../privacy/mask.ts";
import { isOverdue } from "./complaint.machine.ts";
import type { ComplaintWithNames, followUpsOf } from "./complaints.repository.ts";
import type { ComplaintDetailView, ComplaintItemView, FollowUpView } from "./complaints.schemas.ts";

type FollowUpRow = Awaited<ReturnType<typeof followUpsOf>>[number];

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function complaintItem(
  row: ComplaintWithNames,
  viewer: SessionUser,
  now: Date,
  { masked }: { masked: boolean },
): ComplaintItemView {
  const c = row.complaint;
  return {
    id: c.id,
    kind: c.kind,
    status: c.status,
    districtCode: c.districtCode,
    description: c.description,
    amountFen: c.amountFen,
    bookingId: c.bookingId,
    gigId: c.gigId,
    gigTitle: row.gigTitle,
    employerId: c.againstEmployerId,
    employerName: row.employerName,
    complainantName: masked ? maskName(row.complainantName) : row.complainantName,
    complainantPhone: masked ? maskPhone(row.complainantPhone) : row.complainantPhone,
    assignedToName: c.assignedTo ? (row.assignedToName ?? "") : null,
    mine: c.assignedTo === viewer.id,
    dueAt: c.dueAt.toISOString(),
    overdue: isOverdue(c, now),
    resolution: c.resolution,
    resolvedAt: iso(c.resolvedAt),
    filedOnBehalf: c.filedByStaffId !== null,
    inspectionCaseNo: c.inspectionCaseNo,
    inspectionStatus: c.inspectionStatus,
    escalationLevel: c.escalationLevel,
    createdAt: c.createdAt.toISOString(),
  };
}

export function complaintDetail(
  row: ComplaintWithNames,
  viewer: SessionUser,
  now: Date,
  extra: {
    arrears: { count: number; amountFen: number } | null;
    recoveredFen: number | null;
    followUps: FollowUpRow[];
  },
): ComplaintDetailView {
  return {
    ...complaintItem(row, viewer, now, { masked: false }),
    complainantUserId: row.complaint.complainantUserId,
    gigStartsAt: iso(row.gigStartsAt),
    recoveredFen: extra.recoveredFen,
    consentNote: row.complaint.consentNote,
    followUps: extra.followUps.map(followUpView),
    employerOpenArrears: extra.arrears,
  };
}

function followUpView({ entry, staffName }: FollowUpRow): FollowUpView {
  return {
    id: entry.id,
    kind: entry.kind,
    note: entry.note,
    recoveredFen: entry.recoveredFen,
    staffName: entry.staffUserId ? (staffName ?? "") : null,
    at: entry.at.toISOString(),
  };
}
