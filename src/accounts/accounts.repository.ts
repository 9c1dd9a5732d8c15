import { and, desc, eq, gt, isNull, sql } from "drizzle-orm";
import type { DbOrTx } from "../db/client.ts";
import { employers, otpCodes, type Role, users, workerProfiles } from "../db/schema/index.ts";

export type UserRow = typeof users.$inferSelect;

export async function insertOtp(
  db: DbOrTx,
  row: { cityCode: string; phone: string; codeHash: string; expiresAt: Date; createdAt: Date },
): Promise<void> {
  await db.insert(otpCodes).values(row);
}

/** The newest unused, unexpired code for a phone, locked for this transaction. */
export async function latestLiveOtp(db: DbOrTx, cityCode: string, phone: string, now: Date) {
  const rows = await db
    .select()
    .from(otpCodes)
    .where(
      and(
        eq(otpCodes.cityCode, cityCode),
        eq(otpCodes.phone, phone),
        isNull(otpCodes.consumedAt),
        gt(otpCodes.expiresAt, now),
      ),
    )
    .orderBy(desc(otpCodes.createdAt))
    .limit(1)
    .for("update");
  return rows[0] ?? null;
}

export async function countOtpFailure(db: DbOrTx, id: string): Promise<void> {
  await db
    .update(otpCodes)
    .set({ failedAttempts: sql`${otpCodes.failedAttempts} + 1` })
    .where(eq(otpCodes.id, id));
}

/** Marks a code used; false when another request used it first. */
export async function consumeOtp(db: DbOrTx, id: string, now: Date): Promise<boolean> {
  const rows = await db
    .update(otpCodes)
    .set({ consumedAt: now })
    .where(and(eq(otpCodes.id, id), isNull(otpCodes.consumedAt)))
    .returning({ id: otpCodes.id });
  return rows.length === 1;
}

/** The account of this phone in this role, if there is one. */
export async function findPhoneUser(
  db: DbOrTx,
  cityCode: string,
  role: Role,
  phone: string,
): Promise<UserRow | null> {
  const [user] = await db
    .select()
    .from(users)
    .where(and(eq(users.cityCode, cityCode), eq(users.role, role), eq(users.phone, phone)));
  return user ?? null;
}

/** The account of this phone in this role, created on first sign-in. */
export async function findOrCreatePhoneUser(
  db: DbOrTx,
  cityCode: string,
  role: Role,
  phone: string,
  now: Date,
): Promise<UserRow> {
  await db
    .insert(users)
    .values({
      cityCode,
      role,
      phone,
      displayName: `${phone.slice(0, 3)}****${phone.slice(-4)}`,
      createdAt: now,
    })
    .onConflictDoNothing();
  const [user] = await db
    .select()
    .from(users)
    .where(and(eq(users.cityCode, cityCode), eq(users.role, role), eq(users.phone, phone)));
  return user;
}

export async function findUserByUsername(db: DbOrTx, username: string): Promise<UserRow | null> {
  const [user] = await db.select().from(users).where(eq(users.username, username));
  return user ?? null;
}

export async function findUserById(db: DbOrTx, id: string): Promise<UserRow | null> {
  const [user] = await db.select().from(users).where(eq(users.id, id));
  return user ?? null;
}

export async function touchSignIn(db: DbOrTx, userId: string, now: Date): Promise<void> {
  await db.update(users).set({ lastSignInAt: now }).where(eq(users.id, userId));
}

export async function hasWorkerProfile(db: DbOrTx, userId: string): Promise<boolean> {
  const rows = await db
    .select({ id: workerProfiles.userId })
    .from(workerProfiles)
    .where(eq(workerProfiles.userId, userId));
  return rows.length > 0;
}

export async function employerOfOwner(db: DbOrTx, userId: string) {
  const [row] = await db.select().from(employers).where(eq(employers.ownerUserId, userId));
  return row ?? null;
}
