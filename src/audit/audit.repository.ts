import { and, desc, eq, gte, lte, type SQL, sql } from "drizzle-orm";
import type { DbOrTx } from "../db/client.ts";
import { auditLog, users } from "../db/schema/index.ts";

export type AuditInsert = typeof auditLog.$inferInsert;

export async function insertAudit(db: DbOrTx, row: AuditInsert): Promise<void> {
  await db.insert(auditLog).values(row);
}

export interface AuditFilter {
  cityCode: string;
  /** Only actions by staff bound to this district. */
  actorDistrictCode?: string;
  actorUserId?: string;
  subjectId?: string;
  action?: string;
  personalDataOnly?: boolean;
  from?: Date;
  to?: Date;
  limit: number;
  offset: number;
}

export async function searchAudit(db: DbOrTx, filter: AuditFilter) {
  const conditions: SQL[] = [eq(auditLog.cityCode, filter.cityCode)];
  if (filter.actorDistrictCode) conditions.push(eq(users.districtCode, filter.actorDistrictCode));
  if (filter.actorUserId) conditions.push(eq(auditLog.actorUserId, filter.actorUserId));
  if (filter.subjectId) conditions.push(eq(auditLog.subjectId, filter.subjectId));
  if (filter.action) conditions.push(eq(auditLog.action, filter.action));
  if (filter.personalDataOnly) conditions.push(eq(auditLog.personalData, true));
  if (filter.from) conditions.push(gte(auditLog.at, filter.from));
  if (filter.to) conditions.push(lte(auditLog.at, filter.to));
  return db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      actorUserId: auditLog.actorUserId,
      actorName: users.displayName,
      actorRole: auditLog.actorRole,
      action: auditLog.action,
      subjectType: auditLog.subjectType,
      subjectId: auditLog.subjectId,
      personalData: auditLog.personalData,
      detail: auditLog.detail,
      ip: auditLog.ip,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorUserId))
    .where(and(...conditions))
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(filter.limit)
    .offset(filter.offset);
}

export interface PersonalViewsFilter {
  cityCode: string;
  actorDistrictCode?: string;
  from?: Date;
  to?: Date;
}

/** Per staff member: how often they saw personal data, of how many people, and when last. */
export async function summarisePersonalViews(db: DbOrTx, filter: PersonalViewsFilter) {
  const conditions: SQL[] = [eq(auditLog.cityCode, filter.cityCode), eq(auditLog.personalData, true)];
  if (filter.actorDistrictCode) conditions.push(eq(users.districtCode, filter.actorDistrictCode));
  if (filter.from) conditions.push(gte(auditLog.at, filter.from));
  if (filter.to) conditions.push(lte(auditLog.at, filter.to));
  const views = sql<number>`count(*)::int`;
  return db
    .select({
      actorUserId: auditLog.actorUserId,
      actorName: sql<string>`coalesce(max(${users.displayName}), '')`,
      actorRole: sql<string>`max(${auditLog.actorRole})`,
      views,
      people: sql<number>`count(distinct ${auditLog.subjectId})::int`,
      lastAt: sql<Date>`max(${auditLog.at})`.mapWith(auditLog.at),
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorUserId))
    .where(and(...conditions))
    .groupBy(auditLog.actorUserId)
    .orderBy(desc(views), auditLog.actorUserId);
}
