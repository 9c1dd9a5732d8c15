/** SQL for the retention jobs: one conditional delete (or clearing) per kind of record, by its age. */
import { type SQL, sql } from "drizzle-orm";
import { type DbOrTx, queryRows } from "../db/client.ts";

/** Distinct from the other advisory locks (migrations 72_631_100, rollup …105, sweeper …202). */
const RETENTION_LOCK = 72_631_301;

export async function tryRetentionLock(tx: DbOrTx): Promise<boolean> {
  const [row] = await queryRows<{ locked: boolean }>(
    tx,
    sql`select pg_try_advisory_xact_lock(${RETENTION_LOCK}) as locked`,
  );
  return row?.locked === true;
}

/** How many rows a delete (or an update) touched. */
async function deleted(db: DbOrTx, statement: SQL): Promise<number> {
  return (
    await queryRows<{ n: number }>(
      db,
      sql`with gone as (${statement} returning 1) select count(*)::int as n from gone`,
    )
  )[0].n;
}

export const pruneCodes = (db: DbOrTx, before: Date) =>
  deleted(db, sql`delete from otp_codes where expires_at < ${before}`);

export const pruneSignInAttempts = (db: DbOrTx, before: Date) =>
  deleted(db, sql`delete from sign_in_attempts where at < ${before}`);

export const pruneSessions = (db: DbOrTx, before: Date) =>
  deleted(db, sql`delete from sessions where expires_at < ${before} or revoked_at < ${before}`);

export const pruneIdempotencyKeys = (db: DbOrTx, before: Date) =>
  deleted(db, sql`delete from idempotency_keys where created_at < ${before}`);

/** Messages handed to the gateway or given up on; one still waiting to go is never pruned. */
export const pruneOutbox = (db: DbOrTx, before: Date) =>
  deleted(
    db,
    sql`delete from notification_outbox
         where created_at < ${before} and status in ('sent', 'failed', 'dead', 'suppressed')`,
  );

/** Notifications whose text or call went out already (their outbox rows are pruned first). */
export const pruneNotifications = (db: DbOrTx, before: Date) =>
  deleted(
    db,
    sql`delete from notifications n
         where n.created_at < ${before}
           and not exists (select 1 from notification_outbox o where o.notification_id = n.id)`,
  );

export const pruneAuditLog = (db: DbOrTx, before: Date) =>
  deleted(db, sql`delete from audit_log where at < ${before}`);

/** Enrolment codes never used, or used (cleared then), a day after they expired. */
export const pruneEnrolmentCodes = (db: DbOrTx, before: Date) =>
  deleted(
    db,
    sql`update devices set enrolment_code_hash = null, enrolment_expires_at = null
         where enrolment_expires_at < ${before}`,
  );

/** A revoked device's token hash: nothing accepts it any more, so it goes 30 days after revocation. */
export const pruneRevokedDeviceTokens = (db: DbOrTx, before: Date) =>
  deleted(
    db,
    sql`update devices set token_hash = null where revoked_at < ${before} and token_hash is not null`,
  );

export const pruneQrSignIns = (db: DbOrTx, before: Date) =>
  deleted(db, sql`delete from kiosk_qr_sign_ins where expires_at < ${before}`);
