/** The only SQL of devices: enrolment, the per-request token check, listing and revocation. */
import { and, desc, eq, gt, isNull, lt, or } from "drizzle-orm";
import type { DbOrTx } from "../db/client.ts";
import { type DeviceKind, devices, stations } from "../db/schema/index.ts";

export type DeviceRow = typeof devices.$inferSelect;

export async function insertDevice(db: DbOrTx, values: typeof devices.$inferInsert): Promise<DeviceRow> {
  const [row] = await db.insert(devices).values(values).returning();
  return row;
}

/** Trades a live enrolment code for the device token, once: two tabs racing get one winner. */
export async function enrolByCode(
  db: DbOrTx,
  codeHash: string,
  tokenHash: string,
  now: Date,
): Promise<DeviceRow | null> {
  const [row] = await db
    .update(devices)
    .set({ tokenHash, enrolledAt: now, lastSeenAt: now, enrolmentCodeHash: null, enrolmentExpiresAt: null })
    .where(
      and(
        eq(devices.enrolmentCodeHash, codeHash),
        gt(devices.enrolmentExpiresAt, now),
        isNull(devices.tokenHash),
        isNull(devices.revokedAt),
      ),
    )
    .returning();
  return row ?? null;
}

export interface DeviceIdentity {
  id: string;
  kind: DeviceKind;
  stationId: string;
  cityCode: string;
  districtCode: string;
}

/** The live device holding this token: read on every request, so a revocation holds at once. */
export async function findLiveDevice(db: DbOrTx, tokenHash: string): Promise<DeviceIdentity | null> {
  const [row] = await db
    .select({
      id: devices.id,
      kind: devices.kind,
      stationId: devices.stationId,
      cityCode: devices.cityCode,
      districtCode: devices.districtCode,
    })
    .from(devices)
    .innerJoin(stations, eq(stations.id, devices.stationId))
    .where(and(eq(devices.tokenHash, tokenHash), isNull(devices.revokedAt), eq(stations.active, 1)));
  return row ?? null;
}

/** Last seen is written at most once a minute per device, not on every request. */
export async function touchDevice(db: DbOrTx, id: string, now: Date): Promise<void> {
  await db
    .update(devices)
    .set({ lastSeenAt: now })
    .where(
      and(
        eq(devices.id, id),
        or(isNull(devices.lastSeenAt), lt(devices.lastSeenAt, new Date(now.getTime() - 60_000))),
      ),
    );
}

export async function stationDevices(db: DbOrTx, stationId: string): Promise<DeviceRow[]> {
  return db.select().from(devices).where(eq(devices.stationId, stationId)).orderBy(desc(devices.createdAt));
}

export async function findDevice(db: DbOrTx, id: string): Promise<DeviceRow | null> {
  const [row] = await db.select().from(devices).where(eq(devices.id, id));
  return row ?? null;
}

export async function revokeDevice(db: DbOrTx, id: string, now: Date): Promise<DeviceRow | null> {
  const [row] = await db
    .update(devices)
    .set({ revokedAt: now, enrolmentCodeHash: null, enrolmentExpiresAt: null })
    .where(and(eq(devices.id, id), isNull(devices.revokedAt)))
    .returning();
  return row ?? null;
}

export async function stationById(db: DbOrTx, id: string) {
  const [row] = await db.select().from(stations).where(eq(stations.id, id));
  return row ?? null;
}
