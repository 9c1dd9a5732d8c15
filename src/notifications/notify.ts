/**
 * `notify(tx, message)`: tells one person something, inside the transaction of the event that
 * made it true — the notification centre's row and one outbox row per chosen channel commit
 * together with the event or not at all. After commit, NOTIFY `notifications` brings it to the
 * person's open screens on whichever instance they are connected to.
 */
import { sql } from "drizzle-orm";
import type { DbOrTx } from "../db/client.ts";
import { chosenChannels } from "./channels.ts";
import * as repo from "./notifications.repository.ts";
import {
  isAppOnly,
  isUrgent,
  type MessageFacts,
  type NotificationKind,
  smsFor,
  voiceFor,
} from "./templates.ts";

export const NOTIFICATIONS_CHANNEL = "notifications";

export interface Message {
  userId: string;
  kind: NotificationKind;
  facts: MessageFacts;
  /** Where the person goes from it, e.g. "/worker/work". */
  link: string;
  /** A reminder's key (e.g. "reminder_hour:<booking>"): the same key is never sent twice. */
  onceKey?: string;
  at: Date;
}

/** What a listening screen receives. */
export interface NotificationNotice {
  userId: string;
  id: string;
}

/** Returns the notification's id, or null when the person is unknown or a reminder was already sent. */
export async function notify(tx: DbOrTx, message: Message): Promise<string | null> {
  const person = await repo.findRecipient(tx, message.userId);
  if (!person) return null;
  const notification = {
    cityCode: person.cityCode,
    userId: person.userId,
    kind: message.kind,
    params: message.facts as Record<string, string | number>,
    link: message.link,
    onceKey: message.onceKey ?? null,
    createdAt: message.at,
  };
  const outbox = outboxRows(person, message);
  // Without a once-key nothing can stop the row: the row, its outbox and the notice go in one statement.
  if (message.onceKey === undefined)
    return repo.insertAndAnnounce(tx, notification, outbox, NOTIFICATIONS_CHANNEL);
  const row = await repo.insertNotification(tx, notification);
  if (!row) return null;
  await repo.insertOutbox(
    tx,
    outbox.map((o) => ({ ...o, notificationId: row.id })),
  );
  const notice: NotificationNotice = { userId: person.userId, id: row.id };
  await tx.execute(sql`select pg_notify(${NOTIFICATIONS_CHANNEL}, ${JSON.stringify(notice)})`);
  return row.id;
}

/** One outbox row per channel the person chose (none for what is only shown in the app). */
function outboxRows(person: repo.Recipient, message: Message): Omit<repo.OutboxInsert, "notificationId">[] {
  if (isAppOnly(message.kind)) return [];
  const channels = chosenChannels(person);
  const base = {
    cityCode: person.cityCode,
    userId: person.userId,
    kind: message.kind,
    phone: person.phone ?? "",
    lang: channels.lang,
    urgent: isUrgent(message.kind),
    nextAttemptAt: message.at,
    createdAt: message.at,
  };
  const rows: Omit<repo.OutboxInsert, "notificationId">[] = [];
  if (channels.sms) {
    const sms = smsFor(message.kind, message.facts);
    rows.push({ ...base, channel: "sms", templateId: sms.templateId, params: sms.params, text: sms.text });
  }
  if (channels.voice) {
    const text = voiceFor(message.kind, message.facts, channels.lang);
    rows.push({ ...base, channel: "voice", templateId: `voice:${message.kind}`, params: {}, text });
  }
  return rows;
}
