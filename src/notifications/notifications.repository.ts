/** SQL for the notification centre, channel preferences and the facts messages are made of. */
import { and, count, desc, eq, inArray, isNull, lt, sql } from "drizzle-orm";
import { type DbOrTx, queryRows } from "../db/client.ts";
import {
  bookings,
  complaints,
  employers,
  gigs,
  notificationOutbox,
  notificationPreferences,
  notifications,
  users,
  workerProfiles,
} from "../db/schema/index.ts";

export type NotificationRow = typeof notifications.$inferSelect;
export type OutboxInsert = typeof notificationOutbox.$inferInsert;

export interface Recipient {
  userId: string;
  cityCode: string;
  role: string;
  phone: string | null;
  /** Chosen channels; null where the person never chose (defaults apply). */
  sms: boolean | null;
  voice: boolean | null;
  lang: string | null;
  registeredAtStation: boolean;
  everSignedIn: boolean;
}

function selectRecipients(db: DbOrTx) {
  return db
    .select({
      userId: users.id,
      cityCode: users.cityCode,
      role: users.role,
      phone: users.phone,
      sms: notificationPreferences.sms,
      voice: notificationPreferences.voice,
      lang: notificationPreferences.lang,
      registeredAtStation: sql<boolean>`${workerProfiles.registeredByStationId} is not null`,
      everSignedIn: sql<boolean>`${users.lastSignInAt} is not null`,
    })
    .from(users)
    .leftJoin(notificationPreferences, eq(notificationPreferences.userId, users.id))
    .leftJoin(workerProfiles, eq(workerProfiles.userId, users.id));
}

export async function findRecipient(db: DbOrTx, userId: string): Promise<Recipient | undefined> {
  const [row] = await selectRecipients(db).where(and(eq(users.id, userId), eq(users.status, "active")));
  return row;
}

/** The active ones among these people, by id. */
export async function findRecipients(db: DbOrTx, userIds: string[]): Promise<Map<string, Recipient>> {
  if (userIds.length === 0) return new Map();
  const rows = await selectRecipients(db).where(and(inArray(users.id, userIds), eq(users.status, "active")));
  return new Map(rows.map((row) => [row.userId, row]));
}

/** Inserts the notification; a repeated once-key inserts nothing and returns undefined. */
export async function insertNotification(
  db: DbOrTx,
  row: typeof notifications.$inferInsert,
): Promise<NotificationRow | undefined> {
  const [inserted] = await db.insert(notifications).values(row).onConflictDoNothing().returning();
  return inserted;
}

/**
 * A notification without a once-key, its outbox rows and the NOTIFY to open screens, in one
 * statement: a command's transaction holds its pooled connection for every round trip. Returns the
 * notification's id.
 */
export async function insertAndAnnounce(
  db: DbOrTx,
  row: typeof notifications.$inferInsert,
  outbox: Omit<OutboxInsert, "notificationId">[],
  channel: string,
): Promise<string> {
  const inserted = db
    .insert(notifications)
    .values({ ...row, onceKey: null })
    .returning({ id: notifications.id, userId: notifications.userId });
  const insertedId = sql`(select id from inserted)`;
  const outboxInsert =
    outbox.length > 0
      ? sql`, outbox as (${db
          .insert(notificationOutbox)
          .values(outbox.map((o) => ({ ...o, notificationId: insertedId })))
          .getSQL()})`
      : sql``;
  const notice = sql`json_build_object('userId', user_id, 'id', id)::text`;
  const [announced] = await queryRows<{ id: string }>(
    db,
    sql`with inserted as (${inserted.getSQL()})${outboxInsert} select id, pg_notify(${channel}, ${notice}) from inserted`,
  );
  return announced.id;
}

export async function insertOutbox(db: DbOrTx, rows: OutboxInsert[]): Promise<void> {
  if (rows.length > 0) await db.insert(notificationOutbox).values(rows);
}

export async function listForUser(db: DbOrTx, userId: string, limit: number, before?: Date) {
  return db
    .select()
    .from(notifications)
    .where(and(eq(notifications.userId, userId), before ? lt(notifications.createdAt, before) : undefined))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(limit);
}

export async function unreadCount(db: DbOrTx, userId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return row?.n ?? 0;
}

export async function markRead(db: DbOrTx, userId: string, id: string, now: Date): Promise<boolean> {
  const rows = await db
    .update(notifications)
    .set({ readAt: sql`coalesce(${notifications.readAt}, ${now.toISOString()}::timestamptz)` })
    .where(and(eq(notifications.id, id), eq(notifications.userId, userId)))
    .returning({ id: notifications.id });
  return rows.length > 0;
}

export async function markAllRead(db: DbOrTx, userId: string, now: Date): Promise<number> {
  const rows = await db
    .update(notifications)
    .set({ readAt: now })
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return rows.length;
}

export async function findPreferences(db: DbOrTx, userId: string) {
  const [row] = await db
    .select()
    .from(notificationPreferences)
    .where(eq(notificationPreferences.userId, userId));
  return row;
}

export async function savePreferences(db: DbOrTx, row: typeof notificationPreferences.$inferInsert) {
  await db
    .insert(notificationPreferences)
    .values(row)
    .onConflictDoUpdate({
      target: notificationPreferences.userId,
      set: { sms: row.sms, voice: row.voice, lang: row.lang, updatedAt: row.updatedAt },
    });
}

/** A booking with what its messages say: the gig, the two parties' names and user ids. */
export async function bookingFacts(db: DbOrTx, bookingId: string) {
  const [row] = await db
    .select({
      bookingId: bookings.id,
      gigId: gigs.id,
      workerId: bookings.workerId,
      employerUserId: employers.ownerUserId,
      employer: employers.name,
      worker: workerProfiles.name,
      gig: gigs.title,
      startsAt: gigs.startsAt,
      address: gigs.address,
      bring: gigs.requirements,
    })
    .from(bookings)
    .innerJoin(gigs, eq(gigs.id, bookings.gigId))
    .innerJoin(employers, eq(employers.id, bookings.employerId))
    .leftJoin(workerProfiles, eq(workerProfiles.userId, bookings.workerId))
    .where(eq(bookings.id, bookingId));
  return row;
}

/** An application or invitation with the same facts. */
export async function applicationFacts(db: DbOrTx, applicationId: string) {
  const rows = await db.execute(sql`
    select a.id, a.kind, a.gig_id as "gigId", a.worker_id as "workerId", e.owner_user_id as "employerUserId",
           e.name as employer, coalesce(w.name, '') as worker, g.title as gig, g.starts_at as "startsAt",
           g.address, g.requirements as bring
      from applications a
      join gigs g on g.id = a.gig_id
      join employers e on e.id = g.employer_id
      left join worker_profiles w on w.user_id = a.worker_id
     where a.id = ${applicationId}`);
  const [row] = (rows as unknown as { rows: ApplicationFacts[] }).rows;
  return row ? { ...row, startsAt: new Date(row.startsAt) } : undefined;
}

interface ApplicationFacts {
  id: string;
  kind: "application" | "invitation";
  gigId: string;
  workerId: string;
  employerUserId: string;
  employer: string;
  worker: string;
  gig: string;
  startsAt: Date | string;
  address: string;
  bring: string;
}

export async function complaintFacts(db: DbOrTx, complaintId: string) {
  const [row] = await db
    .select({ id: complaints.id, complainantUserId: complaints.complainantUserId, status: complaints.status })
    .from(complaints)
    .where(eq(complaints.id, complaintId));
  return row;
}

export async function findNotification(db: DbOrTx, userId: string, id: string) {
  const [row] = await db
    .select()
    .from(notifications)
    .where(and(eq(notifications.id, id), eq(notifications.userId, userId)));
  return row;
}
