/**
 * Complaints (投诉): a worker files one about a booking or gig of theirs; staff of the gig's
 * district take it and close it within the city's due days. Each command is one transaction that
 * also writes the market event the bureau counts and, for staff, the audit entry.
 */
import { assertDistrictScope } from "../accounts/scope.ts";
import { recordAudit } from "../audit/audit.service.ts";
import { findBookingWithGig } from "../bookings/bookings.repository.ts";
import { findGig } from "../gigs/gigs.repository.ts";
import { recordMarketEvent } from "../market/market-events.ts";
import { notifyComplaintStatus } from "../notifications/market-notices.ts";
import type { AppContext } from "../platform/context.ts";
import { commonErrors } from "../platform/errors.ts";
import type { SessionUser } from "../platform/http/access.ts";
import { discloseToStaff } from "../privacy/disclosure.ts";
import { recordService } from "../stations/service-records.ts";
import { dueDate, dueDaysFor, statesAllowing } from "./complaint.machine.ts";
import { complaintErrors } from "./complaints.errors.ts";
import * as repo from "./complaints.repository.ts";
import type {
  ComplaintDetailView,
  ComplaintItemView,
  ComplaintQueryInput,
  FileComplaintInput,
  ResolveComplaintInput,
} from "./complaints.schemas.ts";
import { complaintDetail, complaintItem } from "./complaints.views.ts";

interface Subject {
  districtCode: string;
  categoryCode: string;
  gigId: string;
  bookingId: string | null;
  employerId: string;
}

/** What the complaint is about; the worker must have taken part in it. */
async function subjectOf(ctx: AppContext, user: SessionUser, input: FileComplaintInput): Promise<Subject> {
  const db = ctx.database.db;
  if (input.kind === "wage_arrears" && !input.bookingId) throw complaintErrors.arrears_booking_required();
  if (input.bookingId) {
    const found = await findBookingWithGig(db, input.bookingId);
    if (!found || found.booking.workerId !== user.id) throw complaintErrors.complaint_not_yours();
    const { gig } = found;
    return {
      districtCode: gig.districtCode,
      categoryCode: gig.categoryCode,
      gigId: gig.id,
      bookingId: found.booking.id,
      employerId: found.booking.employerId,
    };
  }
  if (!input.gigId) throw complaintErrors.complaint_subject_required();
  const gig = await findGig(db, input.gigId);
  if (!gig || !(await repo.workerTookPartIn(db, user.id, gig.id)))
    throw complaintErrors.complaint_not_yours();
  return {
    districtCode: gig.districtCode,
    categoryCode: gig.categoryCode,
    gigId: gig.id,
    bookingId: null,
    employerId: gig.employerId,
  };
}

/** Station staff filing for her at the counter (代办), and how she agreed. */
export interface FiledFor {
  staffId: string;
  consentNote: string;
}

export async function fileComplaint(
  ctx: AppContext,
  user: SessionUser,
  input: FileComplaintInput,
  filedFor?: FiledFor,
): Promise<ComplaintItemView> {
  const subject = await subjectOf(ctx, user, input);
  const now = ctx.clock.now();
  const kind = input.kind;
  const id = await ctx.database.db.transaction(async (tx) => {
    if (await repo.findOpenDuplicate(tx, user.id, kind, subject))
      throw complaintErrors.complaint_already_open();
    const cityDays = await repo.complaintDueDays(tx, user.cityCode);
    const row = await repo.insertComplaint(tx, {
      cityCode: user.cityCode,
      districtCode: subject.districtCode,
      kind,
      complainantUserId: user.id,
      againstEmployerId: subject.employerId,
      gigId: subject.gigId,
      bookingId: subject.bookingId,
      amountFen: kind === "wage_arrears" ? (input.amountFen ?? null) : null,
      description: input.description.trim(),
      status: "open",
      dueAt: dueDate(now, dueDaysFor(kind, cityDays)),
      filedByStaffId: filedFor?.staffId ?? null,
      consentNote: filedFor?.consentNote.trim() ?? null,
      createdAt: now,
    });
    await recordMarketEvent(tx, {
      cityCode: row.cityCode,
      kind: "complaint_opened",
      districtCode: row.districtCode,
      categoryCode: subject.categoryCode,
      subjectId: row.id,
      detail: { kind, amountFen: row.amountFen },
      at: now,
    });
    return row.id;
  });
  return ownItem(ctx, user, id);
}

async function ownItem(ctx: AppContext, user: SessionUser, id: string): Promise<ComplaintItemView> {
  const row = await repo.findComplaint(ctx.database.db, id);
  if (!row) throw complaintErrors.complaint_not_found();
  return complaintItem(row, user, ctx.clock.now(), { masked: false });
}

export async function myComplaints(ctx: AppContext, user: SessionUser): Promise<ComplaintItemView[]> {
  const rows = await repo.complaintsOfWorker(ctx.database.db, user.id);
  const now = ctx.clock.now();
  return rows.map((row) => complaintItem(row, user, now, { masked: false }));
}

/** Station staff and district admins see their district; the city admin the city, or one district. */
function districtOfView(user: SessionUser, asked: string | undefined): string | null {
  if (user.role === "city_admin") return asked ?? null;
  if (!user.districtCode) throw commonErrors.out_of_scope();
  if (asked && asked !== user.districtCode) throw commonErrors.out_of_scope();
  return user.districtCode;
}

export async function listComplaints(
  ctx: AppContext,
  user: SessionUser,
  query: ComplaintQueryInput,
): Promise<ComplaintItemView[]> {
  const now = ctx.clock.now();
  const rows = await repo.listComplaints(ctx.database.db, {
    cityCode: user.cityCode,
    districtCode: districtOfView(user, query.district),
    status: query.status,
    kind: query.kind,
    overdueAt: query.overdue ? now : undefined,
    limit: 200,
  });
  return rows.map((row) => complaintItem(row, user, now, { masked: true }));
}

export async function loadInScope(ctx: AppContext, user: SessionUser, id: string) {
  const row = await repo.findComplaint(ctx.database.db, id);
  if (!row || row.complaint.cityCode !== user.cityCode) throw complaintErrors.complaint_not_found();
  assertDistrictScope(user, row.complaint.districtCode);
  return row;
}

/** The full case for staff handling it: the worker's name and phone in full, so the view is audited. */
export async function getComplaint(
  ctx: AppContext,
  user: SessionUser,
  id: string,
  ip: string,
): Promise<ComplaintDetailView> {
  const row = await loadInScope(ctx, user, id);
  const db = ctx.database.db;
  const employerId = row.complaint.againstEmployerId;
  const arrears = employerId ? await repo.openArrearsFor(db, employerId) : null;
  const [closingRecovered, loggedRecovered, followUps] = await Promise.all([
    repo.recoveredFenOf(db, id),
    repo.loggedRecoveredFen(db, id),
    repo.followUpsOf(db, id),
  ]);
  const recoveredFen = closingRecovered ?? loggedRecovered;
  const now = ctx.clock.now();
  const view = complaintDetail(row, user, now, { arrears, recoveredFen, followUps });
  const disclosure = {
    staff: user,
    action: "complaint.view",
    subjectType: "complaint",
    subjectId: id,
    fields: ["name", "phone"] as const,
    ip,
    at: now,
  };
  return discloseToStaff(db, disclosure, view);
}

export async function assignComplaint(
  ctx: AppContext,
  user: SessionUser,
  id: string,
  ip: string,
): Promise<ComplaintDetailView> {
  const found = await loadInScope(ctx, user, id);
  const now = ctx.clock.now();
  await ctx.database.db.transaction(async (tx) => {
    const moved = await repo.moveComplaint(tx, id, statesAllowing("assign"), {
      status: "in_progress",
      assignedTo: user.id,
    });
    if (!moved) throw complaintErrors.complaint_not_assignable();
    await recordAudit(tx, {
      actor: user,
      action: "complaint.assign",
      subjectType: "complaint",
      subjectId: id,
      detail: { from: found.complaint.status, previousAssignee: found.complaint.assignedTo },
      ip,
      at: now,
    });
    await notifyComplaintStatus(tx, id, now);
  });
  return getComplaint(ctx, user, id, ip);
}

export async function resolveComplaint(
  ctx: AppContext,
  user: SessionUser,
  id: string,
  input: ResolveComplaintInput,
  ip: string,
): Promise<ComplaintDetailView> {
  const found = await loadInScope(ctx, user, id);
  const now = ctx.clock.now();
  const event = input.outcome === "resolved" ? "resolve" : "reject";
  // Without an amount at closing, what the follow-up log recovered is the complaint's total.
  const logged = await repo.loggedRecoveredFen(ctx.database.db, id);
  const recoveredFen = input.outcome === "resolved" ? (input.recoveredFen ?? logged) : null;
  await ctx.database.db.transaction(async (tx) => {
    const moved = await repo.moveComplaint(tx, id, statesAllowing(event), {
      status: input.outcome,
      resolution: input.resolution.trim(),
      resolvedAt: now,
    });
    if (!moved) throw complaintErrors.complaint_not_in_progress();
    await recordMarketEvent(tx, {
      cityCode: moved.cityCode,
      kind: "complaint_resolved",
      districtCode: moved.districtCode,
      categoryCode: found.gigCategoryCode,
      subjectId: id,
      detail: { kind: moved.kind, status: moved.status, recoveredFen },
      at: now,
    });
    await recordAudit(tx, {
      actor: user,
      action: "complaint.resolve",
      subjectType: "complaint",
      subjectId: id,
      detail: { outcome: input.outcome, recoveredFen },
      ip,
      at: now,
    });
    // Mediation at a station counts among the station's services.
    if (user.stationId)
      await recordService(tx, user, {
        personUserId: moved.complainantUserId,
        kind: "dispute_mediation",
        note: input.resolution.trim(),
        at: now,
      });
  });
  return getComplaint(ctx, user, id, ip);
}
