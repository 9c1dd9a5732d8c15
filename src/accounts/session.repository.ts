import { and, eq, gt, isNull } from "drizzle-orm";
import type { DbOrTx } from "../db/client.ts";
import { sessions, users } from "../db/schema/index.ts";
import type { SessionUser } from "../platform/http/access.ts";

export async function insertSession(
  db: DbOrTx,
  tokenHash: string,
  userId: string,
  expiresAt: Date,
): Promise<void> {
  await db.insert(sessions).values({ tokenHash, userId, expiresAt });
}

/** The session's account, if the session still counts, and when the session expires. */
export async function findSession(
  db: DbOrTx,
  tokenHash: string,
  now: Date,
): Promise<{ user: SessionUser; expiresAt: Date } | null> {
  const rows = await db
    .select({
      expiresAt: sessions.expiresAt,
      id: users.id,
      role: users.role,
      cityCode: users.cityCode,
      districtCode: users.districtCode,
      stationId: users.stationId,
      displayName: users.displayName,
      status: users.status,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, now), isNull(sessions.revokedAt)))
    .limit(1);
  const row = rows[0];
  if (row?.status !== "active") return null;
  const { status: _status, expiresAt, ...user } = row;
  return { user, expiresAt };
}

export async function revokeSession(db: DbOrTx, tokenHash: string, now: Date): Promise<void> {
  await db.update(sessions).set({ revokedAt: now }).where(eq(sessions.tokenHash, tokenHash));
}
