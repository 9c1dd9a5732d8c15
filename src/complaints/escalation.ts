/**
 * Escalation (督办): a complaint in its last day, and again once overdue, is brought to the
 * district admins. The sweeper runs this every round on one instance at a time; the level is
 * raised by a conditional UPDATE, so even two overlapping rounds escalate each step once.
 */
import type { DbOrTx } from "../db/client.ts";
import type { EscalationLevel } from "../db/schema/index.ts";
import { notify } from "../notifications/notify.ts";
import { NEARLY_DUE_MS } from "./complaint.machine.ts";
import * as repo from "./complaints.repository.ts";

const WORDS: Record<1 | 2, { status: string; note: string }> = {
  1: { status: "nearly_due", note: "即将到期，已提醒区人社督办" },
  2: { status: "overdue", note: "已超期，已提醒区人社督办" },
};

async function escalate(tx: DbOrTx, level: 1 | 2, dueBefore: Date, now: Date): Promise<number> {
  const raised = await repo.raiseEscalation(tx, level as EscalationLevel, dueBefore);
  for (const complaint of raised) {
    await repo.insertFollowUp(tx, {
      cityCode: complaint.cityCode,
      complaintId: complaint.id,
      staffUserId: null,
      kind: "escalation",
      note: WORDS[level].note,
      at: now,
    });
    for (const adminId of await repo.districtAdmins(tx, complaint.cityCode, complaint.districtCode)) {
      await notify(tx, {
        userId: adminId,
        kind: "complaint_escalated",
        facts: {
          status: WORDS[level].status,
          complaintKind: complaint.kind,
          dueAt: complaint.dueAt.toISOString(),
        },
        link: "/admin/complaints",
        onceKey: `complaint_escalated:${level}:${complaint.id}`,
        at: now,
      });
    }
  }
  return raised.length;
}

/** One round: overdue ones first (straight to level 2), then those in their last day. */
export async function escalateComplaints(tx: DbOrTx, now: Date): Promise<number> {
  const overdue = await escalate(tx, 2, now, now);
  const nearlyDue = await escalate(tx, 1, new Date(now.getTime() + NEARLY_DUE_MS), now);
  return overdue + nearlyDue;
}
