/** The notification centre: a person's list, unread count, marking read; channel choices; delivery figures. */

import { recordAudit } from "../audit/audit.service.ts";
import type { AppContext } from "../platform/context.ts";
import type { Lang } from "../platform/errors.ts";
import type { SessionUser } from "../platform/http/access.ts";
import { maskPhone } from "../privacy/mask.ts";
import { chosenChannels } from "./channels.ts";
import * as delivery from "./delivery.repository.ts";
import { notificationErrors } from "./notifications.errors.ts";
import * as repo from "./notifications.repository.ts";
import type { NotificationView, PreferencesInput } from "./notifications.schemas.ts";
import { type MessageFacts, type NotificationKind, render } from "./templates.ts";

export function notificationView(row: repo.NotificationRow, lang: Lang): NotificationView {
  const { title, body } = render(row.kind as NotificationKind, row.params as MessageFacts, lang);
  return {
    id: row.id,
    kind: row.kind,
    title,
    body,
    link: row.link,
    createdAt: row.createdAt.toISOString(),
    readAt: row.readAt?.toISOString() ?? null,
  };
}

export async function myNotifications(
  ctx: AppContext,
  user: SessionUser,
  lang: Lang,
  query: { limit: number; before?: string },
) {
  const db = ctx.database.db;
  const before = query.before ? new Date(query.before) : undefined;
  const [rows, unread] = await Promise.all([
    repo.listForUser(db, user.id, query.limit, before),
    repo.unreadCount(db, user.id),
  ]);
  return { items: rows.map((row) => notificationView(row, lang)), unread };
}

export async function myUnreadCount(ctx: AppContext, user: SessionUser) {
  return { unread: await repo.unreadCount(ctx.database.db, user.id) };
}

export async function markRead(ctx: AppContext, user: SessionUser, id: string) {
  if (!(await repo.markRead(ctx.database.db, user.id, id, ctx.clock.now()))) {
    throw notificationErrors.notification_not_found();
  }
  return myUnreadCount(ctx, user);
}

export async function markAllRead(ctx: AppContext, user: SessionUser) {
  await repo.markAllRead(ctx.database.db, user.id, ctx.clock.now());
  return { unread: 0 };
}

/** The person's channels as they now apply (defaults included). */
export async function myPreferences(ctx: AppContext, user: SessionUser): Promise<PreferencesInput> {
  const person = await repo.findRecipient(ctx.database.db, user.id);
  if (!person) throw notificationErrors.notification_not_found();
  const { sms, voice, lang } = chosenChannels({ ...person, phone: person.phone ?? "-" });
  return { sms, voice, lang };
}

export async function savePreferences(ctx: AppContext, user: SessionUser, input: PreferencesInput) {
  await repo.savePreferences(ctx.database.db, {
    userId: user.id,
    cityCode: user.cityCode,
    sms: input.sms,
    voice: input.voice,
    lang: input.lang,
    updatedAt: ctx.clock.now(),
  });
  return myPreferences(ctx, user);
}

const DAY_MS = 86_400_000;

/** Messages sent and failed per channel and day, for the monitoring platform. */
export async function deliveryFigures(ctx: AppContext, user: SessionUser, days: number) {
  const since = new Date(ctx.clock.now().getTime() - days * DAY_MS);
  return delivery.deliveryByDay(ctx.database.db, user.cityCode, since);
}

/** Messages that could not be delivered after every retry. */
export async function deadLetters(ctx: AppContext, user: SessionUser, lang: Lang) {
  const rows = await delivery.deadLetters(ctx.database.db, user.cityCode, 200);
  return rows.map((row) => ({
    id: row.id,
    channel: row.channel,
    kind: row.kind,
    // The title only: the facts (whose gig, which address) stay with the person told.
    title: render(row.kind as NotificationKind, {}, lang).title,
    phone: maskPhone(row.phone) ?? "",
    attempts: row.attempts,
    lastError: row.lastError,
    createdAt: row.createdAt.toISOString(),
  }));
}

/**
 * Gives a dead letter another full round of attempts (the gateway was down, the number is fixed);
 * the delivery loop picks it up at its next pass. Audited.
 */
export async function retryDeadLetter(ctx: AppContext, user: SessionUser, id: string, ip: string) {
  const now = ctx.clock.now();
  await ctx.database.db.transaction(async (tx) => {
    const row = await delivery.reviveDead(tx, id, user.cityCode, now);
    if (!row) throw notificationErrors.dead_letter_not_found();
    await recordAudit(tx, {
      actor: user,
      action: "notification.dead_letter_retried",
      subjectType: "notification_outbox",
      subjectId: id,
      detail: { channel: row.channel, kind: row.kind },
      ip,
      at: now,
    });
  });
}
