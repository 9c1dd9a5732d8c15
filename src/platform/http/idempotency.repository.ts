/** SQL for idempotency keys: reserve, read, complete, release, take over an abandoned one. */
import { and, eq, lt } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import { idempotencyKeys } from "../../db/schema/index.ts";

export type IdempotencyRow = typeof idempotencyKeys.$inferSelect;
export interface KeyOf {
  accountId: string;
  key: string;
}

const whereKey = ({ accountId, key }: KeyOf) =>
  and(eq(idempotencyKeys.accountId, accountId), eq(idempotencyKeys.key, key));

/** Claims the key for a request; false when the account has used it already. */
export async function reserveKey(
  db: DbOrTx,
  values: KeyOf & { cityCode: string; fingerprint: string; createdAt: Date },
): Promise<boolean> {
  const rows = await db
    .insert(idempotencyKeys)
    .values({ ...values, status: "in_progress" })
    .onConflictDoNothing()
    .returning({ key: idempotencyKeys.key });
  return rows.length === 1;
}

export async function findKey(db: DbOrTx, of: KeyOf): Promise<IdempotencyRow | null> {
  const [row] = await db.select().from(idempotencyKeys).where(whereKey(of)).limit(1);
  return row ?? null;
}

export async function completeKey(
  db: DbOrTx,
  of: KeyOf,
  result: { responseStatus: number; responseBody: string; completedAt: Date },
): Promise<void> {
  await db
    .update(idempotencyKeys)
    .set({ ...result, status: "completed" })
    .where(and(whereKey(of), eq(idempotencyKeys.status, "in_progress")));
}

/** Frees a key whose command failed, so the same request may be tried again. */
export async function releaseKey(db: DbOrTx, of: KeyOf): Promise<void> {
  await db.delete(idempotencyKeys).where(and(whereKey(of), eq(idempotencyKeys.status, "in_progress")));
}

/** Takes over a key left in progress since before `abandonedBefore` (its server stopped). */
export async function takeOverKey(db: DbOrTx, of: KeyOf, abandonedBefore: Date, now: Date): Promise<boolean> {
  const rows = await db
    .update(idempotencyKeys)
    .set({ createdAt: now })
    .where(
      and(
        whereKey(of),
        eq(idempotencyKeys.status, "in_progress"),
        lt(idempotencyKeys.createdAt, abandonedBefore),
      ),
    )
    .returning({ key: idempotencyKeys.key });
  return rows.length === 1;
}
