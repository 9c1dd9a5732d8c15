/**
 * Retention (存储期限): records kept only as long as docs/privacy.md says, then deleted.
 *
 *   one-time codes         1 day after they expired      (used or not)
 *   sign-in attempts       30 days                        (limits look back an hour at most)
 *   sessions               30 days after expiry or sign-out
 *   idempotency keys       1 day                          (decision 0007)
 *   SMS and voice log      180 days, once sent or given up
 *   notifications          180 days
 *   audit log              3 years
 *   QR sign-ins           1 day after they expired
 *   device credentials     an enrolment code 1 day after it expired; a revoked device's token 30 days
 *                          after revocation (the device row stays: its use counts name it)
 *
 * Every instance runs the job; `pg_try_advisory_xact_lock` lets one prune per round and the
 * others skip. Each step is a delete by age, so a round that fails is simply done again later.
 */
import { inTransaction } from "../db/transaction.ts";
import type { AppContext } from "../platform/context.ts";
import { everyInterval } from "../platform/rounds.ts";
import * as repo from "./retention.repository.ts";

const DAY = 86_400_000;

export const RETENTION_DAYS = {
  codes: 1,
  signInAttempts: 30,
  sessions: 30,
  idempotencyKeys: 1,
  messages: 180,
  notifications: 180,
  auditLog: 3 * 365,
  enrolmentCodes: 1,
  qrSignIns: 1,
  revokedDeviceTokens: 30,
} as const;

export type RetentionReport = { pruned: boolean } & Partial<Record<keyof typeof RETENTION_DAYS, number>>;

export async function pruneExpiredRecords(ctx: AppContext): Promise<RetentionReport> {
  const now = ctx.clock.now().getTime();
  const before = (days: number) => new Date(now - days * DAY);
  return inTransaction(ctx.database.db, async (tx) => {
    if (!(await repo.tryRetentionLock(tx))) return { pruned: false };
    return {
      pruned: true,
      codes: await repo.pruneCodes(tx, before(RETENTION_DAYS.codes)),
      signInAttempts: await repo.pruneSignInAttempts(tx, before(RETENTION_DAYS.signInAttempts)),
      sessions: await repo.pruneSessions(tx, before(RETENTION_DAYS.sessions)),
      idempotencyKeys: await repo.pruneIdempotencyKeys(tx, before(RETENTION_DAYS.idempotencyKeys)),
      // The log of messages first: a notification goes only once nothing points at it.
      messages: await repo.pruneOutbox(tx, before(RETENTION_DAYS.messages)),
      notifications: await repo.pruneNotifications(tx, before(RETENTION_DAYS.notifications)),
      auditLog: await repo.pruneAuditLog(tx, before(RETENTION_DAYS.auditLog)),
      qrSignIns: await repo.pruneQrSignIns(tx, before(RETENTION_DAYS.qrSignIns)),
      enrolmentCodes: await repo.pruneEnrolmentCodes(tx, before(RETENTION_DAYS.enrolmentCodes)),
      revokedDeviceTokens: await repo.pruneRevokedDeviceTokens(
        tx,
        before(RETENTION_DAYS.revokedDeviceTokens),
      ),
    };
  });
}

/**
 * Prunes every `intervalMs` until the returned function is called; that function waits for a
 * round in progress. A failed round is logged and the next one tries again.
 */
export function startRetention(
  ctx: AppContext,
  intervalMs: number,
  onError: (error: unknown) => void = (error) => console.error("retention round failed", error),
): () => Promise<void> {
  return everyInterval(intervalMs, () => pruneExpiredRecords(ctx), onError);
}
