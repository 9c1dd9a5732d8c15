/** SQL for sign-ins at the terminal by QR code: made by the terminal, confirmed by the app, claimed once. */
import { and, eq, gt, isNotNull, isNull } from "drizzle-orm";
import type { DbOrTx } from "../db/client.ts";
import { devices, kioskQrSignIns, stations } from "../db/schema/index.ts";

export type QrSignInRow = typeof kioskQrSignIns.$inferSelect;

export async function insertQrSignIn(
  db: DbOrTx,
  row: typeof kioskQrSignIns.$inferInsert,
): Promise<QrSignInRow> {
  const [made] = await db.insert(kioskQrSignIns).values(row).returning();
  return made as QrSignInRow;
}

export async function findQrSignIn(db: DbOrTx, id: string): Promise<QrSignInRow | null> {
  const [row] = await db.select().from(kioskQrSignIns).where(eq(kioskQrSignIns.id, id));
  return row ?? null;
}

/** The worker confirms: only while it waits, unexpired, and not confirmed by someone else. */
export async function confirmQrSignIn(db: DbOrTx, id: string, userId: string, now: Date): Promise<boolean> {
  const rows = await db
    .update(kioskQrSignIns)
    .set({ userId, confirmedAt: now })
    .where(and(eq(kioskQrSignIns.id, id), isNull(kioskQrSignIns.userId), gt(kioskQrSignIns.expiresAt, now)))
    .returning({ id: kioskQrSignIns.id });
  return rows.length > 0;
}

/** The terminal takes the confirmed sign-in, once; resolves with the worker's id. */
export async function claimQrSignIn(
  db: DbOrTx,
  id: string,
  deviceId: string,
  now: Date,
): Promise<string | null> {
  const [row] = await db
    .update(kioskQrSignIns)
    .set({ claimedAt: now })
    .where(
      and(
        eq(kioskQrSignIns.id, id),
        eq(kioskQrSignIns.deviceId, deviceId),
        isNotNull(kioskQrSignIns.userId),
        isNull(kioskQrSignIns.claimedAt),
        gt(kioskQrSignIns.expiresAt, now),
      ),
    )
    .returning({ userId: kioskQrSignIns.userId });
  return row?.userId ?? null;
}

export async function stationNameOfDevice(db: DbOrTx, deviceId: string): Promise<string | null> {
  const [row] = await db
    .select({ name: stations.name })
    .from(devices)
    .innerJoin(stations, eq(stations.id, devices.stationId))
    .where(eq(devices.id, deviceId));
  return row?.name ?? null;
}
