/**
 * Working a complaint after it is taken: the follow-up log (calls, visits, mediation, pay
 * recovered) and the hand-off to the labour-inspection brigade (移交劳动保障监察) with its case
 * number and progress. Each command is one transaction with its audit entry and, when something
 * changed for her, the message that tells the worker by her channel (app, SMS, voice).
 */
import { recordAudit } from "../audit/audit.service.ts";
import type { DbOrTx } from "../db/client.ts";
import type { InspectionStatus } from "../db/schema/index.ts";
import { inTransaction } from "../db/transaction.ts";
import { notify } from "../notifications/notify.ts";
import type { AppContext } from "../platform/context.ts";
import type { SessionUser } from "../platform/http/access.ts";
import { recordService } from "../stations/service-records.ts";
import { FOLLOW_UP_STATES, statesAllowing } from "./complaint.machine.ts";
import { complaintErrors } from "./complaints.errors.ts";
import * as repo from "./complaints.repository.ts";
import type {
  ComplaintDetailView,
  FollowUpInput,
  InspectionUpdateInput,
  ReferInput,
} from "./complaints.schemas.ts";
import { getComplaint, loadInScope } from "./complaints.service.ts";

const LINK = "/worker/complaints";

/** The next step of an inspection case; a step is taken once and never backwards. */
const INSPECTION_BEFORE: Record<"accepted" | "concluded", InspectionStatus> = {
  accepted: "submitted",
  concluded: "accepted",
};

async function tellAboutInspection(tx: DbOrTx, row: repo.ComplaintRow, at: Date) {
  await notify(tx, {
    userId: row.complainantUserId,
    kind: "complaint_inspection",
    facts: { caseNumber: row.inspectionCaseNo ?? "", inspection: row.inspectionStatus ?? "submitted" },
    link: LINK,
    at,
  });
}

export async function addFollowUp(
  ctx: AppContext,
  user: SessionUser,
  id: string,
  input: FollowUpInput,
  ip: string,
): Promise<ComplaintDetailView> {
  await loadInScope(ctx, user, id);
  const now = ctx.clock.now();
  const note = input.note.trim();
  await inTransaction(ctx.database.db, async (tx) => {
    // The row lock keeps a follow-up from landing after the complaint's closing.
    const still = await repo.lockInStates(tx, id, FOLLOW_UP_STATES);
    if (!still) throw complaintErrors.complaint_not_followable();
    await repo.insertFollowUp(tx, {
      cityCode: still.cityCode,
      complaintId: id,
      staffUserId: user.id,
      kind: input.kind,
      note,
      recoveredFen: input.recoveredFen ?? null,
      at: now,
    });
    await recordAudit(tx, {
      actor: user,
      action: "complaint.follow_up",
      subjectType: "complaint",
      subjectId: id,
      detail: { kind: input.kind, recoveredFen: input.recoveredFen ?? null },
      ip,
      at: now,
    });
    if (user.stationId)
      await recordService(tx, user, {
        personUserId: still.complainantUserId,
        kind: input.kind === "mediation" ? "dispute_mediation" : "follow_up",
        note,
        at: now,
      });
    if (input.recoveredFen)
      await notify(tx, {
        userId: still.complainantUserId,
        kind: "complaint_recovered",
        facts: { amountFen: input.recoveredFen },
        link: LINK,
        at: now,
      });
  });
  return getComplaint(ctx, user, id, ip);
}

/** 移交劳动保障监察: the brigade's case number is what the worker and the bureau follow it by. */
export async function referToInspection(
  ctx: AppContext,
  user: SessionUser,
  id: string,
  input: ReferInput,
  ip: string,
): Promise<ComplaintDetailView> {
  await loadInScope(ctx, user, id);
  const now = ctx.clock.now();
  const caseNumber = input.caseNumber.trim();
  await inTransaction(ctx.database.db, async (tx) => {
    const moved = await repo.moveComplaint(tx, id, statesAllowing("refer"), {
      status: "referred",
      inspectionCaseNo: caseNumber,
      inspectionStatus: "submitted",
      referredAt: now,
    });
    if (!moved) throw complaintErrors.complaint_not_referable();
    await repo.insertFollowUp(tx, {
      cityCode: moved.cityCode,
      complaintId: id,
      staffUserId: user.id,
      kind: "inspection",
      note: `移交劳动保障监察（${caseNumber}）：${input.note.trim()}`,
      at: now,
    });
    await recordAudit(tx, {
      actor: user,
      action: "complaint.refer",
      subjectType: "complaint",
      subjectId: id,
      detail: { caseNumber },
      ip,
      at: now,
    });
    await tellAboutInspection(tx, moved, now);
  });
  return getComplaint(ctx, user, id, ip);
}

/** The brigade's progress as staff hear of it: 已立案, then 已结案. */
export async function updateInspection(
  ctx: AppContext,
  user: SessionUser,
  id: string,
  input: InspectionUpdateInput,
  ip: string,
): Promise<ComplaintDetailView> {
  const found = await loadInScope(ctx, user, id);
  if (found.complaint.status !== "referred") throw complaintErrors.complaint_not_referred();
  const now = ctx.clock.now();
  const caseNumber = input.caseNumber?.trim();
  await inTransaction(ctx.database.db, async (tx) => {
    const moved = await repo.moveInspection(tx, id, INSPECTION_BEFORE[input.status], {
      inspectionStatus: input.status,
      ...(caseNumber ? { inspectionCaseNo: caseNumber } : {}),
    });
    if (!moved) throw complaintErrors.inspection_step_backwards();
    await repo.insertFollowUp(tx, {
      cityCode: moved.cityCode,
      complaintId: id,
      staffUserId: user.id,
      kind: "inspection",
      note: input.note.trim(),
      at: now,
    });
    await recordAudit(tx, {
      actor: user,
      action: "complaint.inspection",
      subjectType: "complaint",
      subjectId: id,
      detail: { status: input.status, caseNumber: moved.inspectionCaseNo },
      ip,
      at: now,
    });
    await tellAboutInspection(tx, moved, now);
  });
  return getComplaint(ctx, user, id, ip);
}
