/**
 * The audit log: every staff and admin action, and every view of personal data, written in
 * the same transaction as the action so an action cannot happen unrecorded.
 */
import type { Static } from "typebox";
import type { DbOrTx } from "../db/client.ts";
import type { AppContext } from "../platform/context.ts";
import type { SessionUser } from "../platform/http/access.ts";
import { insertAudit, searchAudit, summarisePersonalViews } from "./audit.repository.ts";
import type { AuditQuery, PersonalViewsQuery } from "./audit.schemas.ts";

export interface AuditEntry {
  actor: SessionUser;
  action: string;
  subjectType: string;
  subjectId?: string | null;
  /** True when the action showed the actor personal data (a full phone or ID number). */
  personalData?: boolean;
  detail?: Record<string, unknown>;
  ip?: string | null;
  /** ctx.clock.now() of the action; when left out, the database's time of the transaction. */
  at?: Date;
}

export async function recordAudit(db: DbOrTx, entry: AuditEntry): Promise<void> {
  await insertAudit(db, {
    cityCode: entry.actor.cityCode,
    actorUserId: entry.actor.id,
    actorRole: entry.actor.role,
    action: entry.action,
    subjectType: entry.subjectType,
    subjectId: entry.subjectId ?? null,
    personalData: entry.personalData ?? false,
    detail: entry.detail ?? null,
    ip: entry.ip ?? null,
    ...(entry.at ? { at: entry.at } : {}),
  });
}

type Query = Static<typeof AuditQuery>;

/** A district admin sees what her district's staff did; the city admin sees everything. */
export async function listAudit(ctx: AppContext, viewer: SessionUser, query: Query) {
  const limit = query.limit ?? 50;
  const offset = query.offset ?? 0;
  // One row more than asked tells whether another page follows, without counting the log.
  const rows = await searchAudit(ctx.database.db, {
    cityCode: viewer.cityCode,
    actorDistrictCode: viewer.role === "district_admin" ? (viewer.districtCode ?? "none") : undefined,
    actorUserId: query.actorUserId,
    action: query.action,
    subjectId: query.subjectId,
    personalDataOnly: query.personalDataOnly,
    from: query.from ? new Date(query.from) : undefined,
    to: query.to ? new Date(query.to) : undefined,
    limit: limit + 1,
    offset,
  });
  const items = rows
    .slice(0, limit)
    .map((r) => ({ ...r, at: r.at.toISOString(), actorName: r.actorName ?? "" }));
  return { items, nextOffset: rows.length > limit ? offset + limit : null };
}

type ViewsQuery = Static<typeof PersonalViewsQuery>;

/**
 * 谁看过谁的个人信息: each staff member's views of personal data in the period, for the bureau to
 * spot someone looking far more than their work needs. Scoped like the log itself.
 */
export async function personalViewsReport(ctx: AppContext, viewer: SessionUser, query: ViewsQuery) {
  const rows = await summarisePersonalViews(ctx.database.db, {
    cityCode: viewer.cityCode,
    actorDistrictCode: viewer.role === "district_admin" ? (viewer.districtCode ?? "none") : undefined,
    from: query.from ? new Date(query.from) : undefined,
    to: query.to ? new Date(query.to) : undefined,
  });
  return rows.map((r) => ({ ...r, lastAt: r.lastAt.toISOString() }));
}
