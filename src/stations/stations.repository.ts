/** SQL for stations (驿站), their service records, and the look-ups the counter needs. */
import { and, desc, eq, gte, ilike, inArray, like, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { LIVE_BOOKING_STATUSES } from "../bookings/booking.machine.ts";
import type { DbOrTx } from "../db/client.ts";
import {
  auditLog,
  bookings,
  categories,
  divisions,
  employers,
  gigs,
  serviceRecords,
  stations,
  users,
  workerProfiles,
} from "../db/schema/index.ts";

export type StationRow = typeof stations.$inferSelect;
export type ServiceRecordRow = typeof serviceRecords.$inferSelect;

export async function activeStations(db: DbOrTx, cityCode: string) {
  return db
    .select({ station: stations, districtName: divisions.name })
    .from(stations)
    .innerJoin(divisions, eq(divisions.code, stations.districtCode))
    .where(and(eq(stations.cityCode, cityCode), eq(stations.active, 1)))
    .orderBy(
      stations.districtCode,
      sql`case ${stations.kind} when 'market' then 0 else 1 end`,
      stations.name,
    );
}

export async function findStation(db: DbOrTx, id: string): Promise<StationRow | null> {
  const [row] = await db.select().from(stations).where(eq(stations.id, id));
  return row ?? null;
}

export async function insertServiceRecord(
  db: DbOrTx,
  values: typeof serviceRecords.$inferInsert,
): Promise<ServiceRecordRow> {
  const [row] = await db.insert(serviceRecords).values(values).returning();
  return row;
}

const person = alias(users, "person");

/** A station's records since `since`, newest first, with the person's name and phone (to be masked). */
export async function stationRecords(db: DbOrTx, stationId: string, since: Date, limit: number) {
  return db
    .select({
      record: serviceRecords,
      personName: sql<string | null>`coalesce(${workerProfiles.name}, ${person.displayName})`,
      personPhone: person.phone,
      staffName: users.displayName,
    })
    .from(serviceRecords)
    .innerJoin(users, eq(users.id, serviceRecords.staffUserId))
    .leftJoin(person, eq(person.id, serviceRecords.personUserId))
    .leftJoin(workerProfiles, eq(workerProfiles.userId, serviceRecords.personUserId))
    .where(and(eq(serviceRecords.stationId, stationId), gte(serviceRecords.createdAt, since)))
    .orderBy(desc(serviceRecords.createdAt))
    .limit(limit);
}

/** How many services of each kind the station recorded since `since`. */
export async function stationCounts(db: DbOrTx, stationId: string, since: Date) {
  return db
    .select({ kind: serviceRecords.kind, count: sql<number>`count(*)::int` })
    .from(serviceRecords)
    .where(and(eq(serviceRecords.stationId, stationId), gte(serviceRecords.createdAt, since)))
    .groupBy(serviceRecords.kind);
}

export async function findUserInCity(db: DbOrTx, id: string, cityCode: string) {
  const [row] = await db
    .select({ id: users.id, role: users.role })
    .from(users)
    .where(and(eq(users.id, id), eq(users.cityCode, cityCode)));
  return row ?? null;
}

/** Employers of the city whose name (or credit code) contains `q`, for posting on their behalf. */
export async function searchEmployers(db: DbOrTx, cityCode: string, q: string, limit: number) {
  const pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return db
    .select({ employer: employers, ownerPhone: users.phone })
    .from(employers)
    .innerJoin(users, eq(users.id, employers.ownerUserId))
    .where(
      and(
        eq(employers.cityCode, cityCode),
        or(ilike(employers.name, pattern), ilike(employers.creditCode, pattern)),
      ),
    )
    .orderBy(sql`case ${employers.verification} when 'verified' then 0 else 1 end`, employers.name)
    .limit(limit);
}

/** What a printed job slip shows of a gig. */
export async function gigForSlip(db: DbOrTx, gigId: string) {
  const [row] = await db
    .select({
      gig: gigs,
      categoryNameZh: categories.nameZh,
      districtName: divisions.name,
      employerName: employers.name,
      employerVerification: employers.verification,
      employerContactName: employers.contactName,
      employerPhone: users.phone,
    })
    .from(gigs)
    .innerJoin(categories, eq(categories.code, gigs.categoryCode))
    .innerJoin(divisions, eq(divisions.code, gigs.districtCode))
    .innerJoin(employers, eq(employers.id, gigs.employerId))
    .innerJoin(users, eq(users.id, employers.ownerUserId))
    .where(eq(gigs.id, gigId));
  return row ?? null;
}

/** The worker's booking on a gig that still holds her place, if any. */
export async function liveBookingOf(db: DbOrTx, gigId: string, workerId: string) {
  const [row] = await db
    .select({ id: bookings.id, status: bookings.status })
    .from(bookings)
    .where(
      and(
        eq(bookings.gigId, gigId),
        eq(bookings.workerId, workerId),
        inArray(bookings.status, [...LIVE_BOOKING_STATUSES]),
      ),
    );
  return row ?? null;
}

/** The acts staff did for a worker (代办), newest first, from the audit log that recorded them. */
export async function actsForWorker(db: DbOrTx, workerId: string, limit: number) {
  return db
    .select({
      action: auditLog.action,
      detail: auditLog.detail,
      at: auditLog.at,
      staffName: users.displayName,
    })
    .from(auditLog)
    .innerJoin(users, eq(users.id, auditLog.actorUserId))
    .where(
      and(
        eq(auditLog.subjectType, "worker"),
        eq(auditLog.subjectId, workerId),
        like(auditLog.action, "on\\_behalf.%"),
      ),
    )
    .orderBy(desc(auditLog.at))
    .limit(limit);
}

/** Workers in a district (registered at one of its stations, or willing to work there) by name or phone. */
export async function searchWorkers(
  db: DbOrTx,
  cityCode: string,
  districtCode: string,
  q: string,
  limit: number,
) {
  const digits = /^[0-9]{4,11}$/.test(q);
  const match = digits
    ? or(eq(users.phone, q), like(users.phone, `%${q}`))
    : ilike(workerProfiles.name, `%${q.replace(/[\\%_]/g, "\\$&")}%`);
  return db
    .select({
      userId: workerProfiles.userId,
      name: workerProfiles.name,
      phone: users.phone,
      birthYear: workerProfiles.birthYear,
      registeredByStationId: workerProfiles.registeredByStationId,
    })
    .from(workerProfiles)
    .innerJoin(users, eq(users.id, workerProfiles.userId))
    .leftJoin(stations, eq(stations.id, workerProfiles.registeredByStationId))
    .where(
      and(
        eq(workerProfiles.cityCode, cityCode),
        or(
          eq(stations.districtCode, districtCode),
          sql`${districtCode} = any(${workerProfiles.districtCodes})`,
        ),
        match,
      ),
    )
    .orderBy(workerProfiles.name)
    .limit(limit);
}
