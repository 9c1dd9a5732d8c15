/** SQL of the terminal: queue slips numbered per station and day, use counted per day. */
import { and, asc, eq, gte, lte, sql } from "drizzle-orm";
import type { DbOrTx } from "../db/client.ts";
import {
  categories,
  type DeviceUseKind,
  deviceUseDaily,
  divisions,
  queueSlips,
  stations,
  users,
} from "../db/schema/index.ts";

export async function countUse(
  db: DbOrTx,
  key: { stationId: string; districtCode: string; day: string; kind: DeviceUseKind },
): Promise<void> {
  await db
    .insert(deviceUseDaily)
    .values({ ...key, count: 1 })
    .onConflictDoUpdate({
      target: [deviceUseDaily.stationId, deviceUseDaily.day, deviceUseDaily.kind],
      set: { count: sql`${deviceUseDaily.count} + 1` },
    });
}

/** The station row is locked so two terminals of one station never draw the same number. */
export async function insertQueueSlip(
  db: DbOrTx,
  values: { stationId: string; deviceId: string; day: string; categoryCode: string | null; createdAt: Date },
) {
  await db.select({ id: stations.id }).from(stations).where(eq(stations.id, values.stationId)).for("update");
  const [{ last }] = await db
    .select({ last: sql<number>`coalesce(max(${queueSlips.number}), 0)::int` })
    .from(queueSlips)
    .where(and(eq(queueSlips.stationId, values.stationId), eq(queueSlips.day, values.day)));
  const [row] = await db
    .insert(queueSlips)
    .values({ ...values, number: last + 1 })
    .returning();
  return row;
}

export async function queueSlipsOf(db: DbOrTx, stationId: string, day: string) {
  return db
    .select()
    .from(queueSlips)
    .where(and(eq(queueSlips.stationId, stationId), eq(queueSlips.day, day)))
    .orderBy(asc(queueSlips.number));
}

export async function terminalUseByStationDay(
  db: DbOrTx,
  filter: { cityCode: string; districtCode: string | null; from: string; to: string },
) {
  return db
    .select({
      stationId: deviceUseDaily.stationId,
      stationName: stations.name,
      districtCode: deviceUseDaily.districtCode,
      districtName: divisions.name,
      day: deviceUseDaily.day,
      kind: deviceUseDaily.kind,
      count: deviceUseDaily.count,
    })
    .from(deviceUseDaily)
    .innerJoin(stations, eq(stations.id, deviceUseDaily.stationId))
    .innerJoin(divisions, eq(divisions.code, deviceUseDaily.districtCode))
    .where(
      and(
        eq(stations.cityCode, filter.cityCode),
        filter.districtCode ? eq(deviceUseDaily.districtCode, filter.districtCode) : undefined,
        gte(deviceUseDaily.day, filter.from),
        lte(deviceUseDaily.day, filter.to),
      ),
    )
    .orderBy(asc(deviceUseDaily.day), asc(stations.name));
}

/** The phone of an employer's owner, for the slip (masked there). */
export async function ownerPhone(db: DbOrTx, userId: string): Promise<string | null> {
  const [row] = await db.select({ phone: users.phone }).from(users).where(eq(users.id, userId)).limit(1);
  return row?.phone ?? null;
}

/** The active staff accounts of a station: who hears of a walk-in waiting at its terminal. */
export async function stationStaffIds(db: DbOrTx, stationId: string): Promise<string[]> {
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.stationId, stationId), eq(users.role, "station_staff"), eq(users.status, "active")));
  return rows.map((r) => r.id);
}

export async function categoryNameZh(db: DbOrTx, code: string): Promise<string | null> {
  const [row] = await db
    .select({ name: categories.nameZh })
    .from(categories)
    .where(eq(categories.code, code));
  return row?.name ?? null;
}
