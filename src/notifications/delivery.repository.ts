/** SQL for the delivery loop: claiming due messages, recording outcomes, the daily SMS count. */
import { and, count, eq, gte, inArray, sql } from "drizzle-orm";
import { type DbOrTx, queryRows } from "../db/client.ts";
import { notificationCityRules, notificationOutbox } from "../db/schema/index.ts";
import { DEFAULT_MESSAGE_RULES, type MessageRules } from "./delivery.rules.ts";

export type OutboxRow = typeof notificationOutbox.$inferSelect;

const at = (when: Date) => sql`${when.toISOString()}::timestamptz`;

/**
 * Locks up to `limit` due messages: waiting or failed ones whose time has come, and ones another
 * instance claimed but never finished (its lease ran out: it died or hung). Rows other instances
 * hold are skipped, so each message is with one sender at a time.
 */
export async function lockDue(tx: DbOrTx, now: Date, limit: number): Promise<OutboxRow[]> {
  const rows = await queryRows<{ id: string }>(
    tx,
    sql`select id from notification_outbox
         where (status in ('pending', 'failed') and next_attempt_at <= ${at(now)})
            or (status = 'sending' and lease_until <= ${at(now)})
         order by next_attempt_at
         limit ${limit}
         for update skip locked`,
  );
  if (rows.length === 0) return [];
  return tx
    .select()
    .from(notificationOutbox)
    .where(
      inArray(
        notificationOutbox.id,
        rows.map((r) => r.id),
      ),
    );
}

export async function rulesOfCities(tx: DbOrTx, cityCodes: string[]): Promise<Map<string, MessageRules>> {
  const rows = cityCodes.length
    ? await tx.select().from(notificationCityRules).where(inArray(notificationCityRules.cityCode, cityCodes))
    : [];
  const rules = new Map(cityCodes.map((code) => [code, DEFAULT_MESSAGE_RULES]));
  for (const row of rows) rules.set(row.cityCode, row);
  return rules;
}

/** Serialises the daily-limit check per person across instances, until the transaction ends. */
export async function lockPersonSms(tx: DbOrTx, userId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`sms:${userId}`}))`);
}

/** SMS claimed for a person since `since` (being sent or sent). */
export async function smsClaimedSince(tx: DbOrTx, userId: string, since: Date): Promise<number> {
  const [row] = await tx
    .select({ n: count() })
    .from(notificationOutbox)
    .where(
      and(
        eq(notificationOutbox.userId, userId),
        eq(notificationOutbox.channel, "sms"),
        inArray(notificationOutbox.status, ["sending", "sent"]),
        gte(notificationOutbox.claimedAt, since),
      ),
    );
  return row?.n ?? 0;
}

export async function update(tx: DbOrTx, id: string, set: Partial<typeof notificationOutbox.$inferInsert>) {
  await tx.update(notificationOutbox).set(set).where(eq(notificationOutbox.id, id));
}

/** Records the outcome of a claim, only if the claim is still ours (same attempt, still sending). */
export async function finishClaim(
  tx: DbOrTx,
  id: string,
  attempt: number,
  set: Partial<typeof notificationOutbox.$inferInsert>,
): Promise<boolean> {
  const rows = await tx
    .update(notificationOutbox)
    .set({ ...set, leaseUntil: null })
    .where(
      and(
        eq(notificationOutbox.id, id),
        eq(notificationOutbox.status, "sending"),
        eq(notificationOutbox.attempts, attempt),
      ),
    )
    .returning({ id: notificationOutbox.id });
  return rows.length > 0;
}

export interface DeliveryDayRow {
  day: string;
  channel: string;
  sent: number;
  failed: number;
  dead: number;
  suppressed: number;
}

/** Messages per local day and channel since `since`: sent, failed attempts still retrying, dead, held back. */
export async function deliveryByDay(db: DbOrTx, cityCode: string, since: Date): Promise<DeliveryDayRow[]> {
  return queryRows<DeliveryDayRow>(
    db,
    sql`select to_char(coalesce(sent_at, claimed_at, created_at) at time zone 'Asia/Shanghai', 'YYYY-MM-DD') as day,
               channel,
               count(*) filter (where status = 'sent')::int as sent,
               count(*) filter (where status = 'failed')::int as failed,
               count(*) filter (where status = 'dead')::int as dead,
               count(*) filter (where status = 'suppressed')::int as suppressed
          from notification_outbox
         where city_code = ${cityCode} and coalesce(sent_at, claimed_at, created_at) >= ${at(since)}
         group by 1, 2
         order by 1 desc, 2`,
  );
}

export async function deadLetters(db: DbOrTx, cityCode: string, limit: number): Promise<OutboxRow[]> {
  return db
    .select()
    .from(notificationOutbox)
    .where(and(eq(notificationOutbox.cityCode, cityCode), eq(notificationOutbox.status, "dead")))
    .orderBy(sql`${notificationOutbox.createdAt} desc`)
    .limit(limit);
}

/** Puts a dead message of the city back in line for one more round of attempts; false if it is not dead. */
export async function reviveDead(
  tx: DbOrTx,
  id: string,
  cityCode: string,
  now: Date,
): Promise<OutboxRow | undefined> {
  const [row] = await tx
    .update(notificationOutbox)
    .set({ status: "pending", attempts: 0, nextAttemptAt: now, leaseUntil: null })
    .where(
      and(
        eq(notificationOutbox.id, id),
        eq(notificationOutbox.cityCode, cityCode),
        eq(notificationOutbox.status, "dead"),
      ),
    )
    .returning();
  return row;
}
