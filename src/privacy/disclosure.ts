/**
 * The one path by which staff see a person's data unmasked: a full phone number, an ID number,
 * an exact home. Workers complain most of numbers sold or spammed, so a staff view of them is
 * written to the audit log together with the view, and the bureau can ask who looked at whom.
 *
 * Who else sees what: the person herself sees her own data; the employer of a booking that holds
 * a place sees the worker's number to reach her; everyone else sees it masked (mask.ts).
 */
import { recordAudit } from "../audit/audit.service.ts";
import type { DbOrTx } from "../db/client.ts";
import type { SessionUser } from "../platform/http/access.ts";

/** What a view shows unmasked; recorded with the audit row. */
export type PersonalField = "name" | "phone" | "id_number" | "home_location";

export interface StaffDisclosure {
  staff: SessionUser;
  /** What the staff member looked at, e.g. "booking.viewed". */
  action: string;
  subjectType: string;
  subjectId: string;
  fields: readonly PersonalField[];
  /** More to keep with the row (an import's counts, say). */
  detail?: Record<string, unknown>;
  ip: string;
  at: Date;
}

/** Records the staff view, then hands the view back: call it where the view is returned. */
export async function discloseToStaff<View>(
  db: DbOrTx,
  disclosure: StaffDisclosure,
  view: View,
): Promise<View> {
  await recordAudit(db, {
    actor: disclosure.staff,
    action: disclosure.action,
    subjectType: disclosure.subjectType,
    subjectId: disclosure.subjectId,
    personalData: true,
    detail: { ...disclosure.detail, fields: [...disclosure.fields] },
    ip: disclosure.ip,
    at: disclosure.at,
  });
  return view;
}
