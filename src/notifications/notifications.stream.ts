/**
 * Live notifications: a server-sent event stream per open screen. Each instance listens once to
 * NOTIFY `notifications` and passes a new notification to the screens of its person connected
 * here, so it arrives wherever the person is connected, within a moment of the commit.
 */
import type { FastifyReply } from "fastify";
import type { AppContext } from "../platform/context.ts";
import type { Lang } from "../platform/errors.ts";
import type { SessionUser } from "../platform/http/access.ts";
import * as repo from "./notifications.repository.ts";
import { notificationView } from "./notifications.service.ts";
import { NOTIFICATIONS_CHANNEL, type NotificationNotice } from "./notify.ts";

const HEARTBEAT_MS = 15_000;

type Screen = (notice: NotificationNotice) => void;

/** The screens connected to this instance, by person; one database listener for all. */
export class NotificationHub {
  private readonly screens = new Map<string, Set<Screen>>();
  private unlisten: (() => Promise<void>) | null = null;
  private starting: Promise<void> | null = null;

  constructor(private readonly ctx: AppContext) {}

  private start(): Promise<void> {
    this.starting ??= this.ctx.database
      .listen(NOTIFICATIONS_CHANNEL, (payload) => this.dispatch(payload))
      .then((unlisten) => {
        this.unlisten = unlisten;
      });
    return this.starting;
  }

  private dispatch(payload: string): void {
    let notice: NotificationNotice;
    try {
      notice = JSON.parse(payload) as NotificationNotice;
    } catch {
      return;
    }
    for (const screen of this.screens.get(notice.userId) ?? []) screen(notice);
  }

  async add(userId: string, screen: Screen): Promise<() => void> {
    await this.start();
    let set = this.screens.get(userId);
    if (!set) {
      set = new Set();
      this.screens.set(userId, set);
    }
    set.add(screen);
    return () => {
      set.delete(screen);
      if (set.size === 0) this.screens.delete(userId);
    };
  }

  async stop(): Promise<void> {
    await this.unlisten?.().catch(() => undefined);
  }
}

export async function streamNotifications(
  ctx: AppContext,
  hub: NotificationHub,
  user: SessionUser,
  lang: Lang,
  reply: FastifyReply,
): Promise<void> {
  reply.hijack();
  const out = reply.raw;
  out.writeHead(200, {
    "content-type": "text/event-stream; charset=utf-8",
    "cache-control": "no-cache, no-transform",
    connection: "keep-alive",
    "x-accel-buffering": "no",
  });
  let closed = false;
  const write = (event: string, data: unknown) => {
    if (!closed) out.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  };
  const db = ctx.database.db;
  let heartbeat: NodeJS.Timeout | undefined;
  let remove = () => {};
  // Heard before anything is awaited: the client may go away while the hub subscribes it.
  out.on("close", () => {
    closed = true;
    clearInterval(heartbeat);
    remove();
  });
  if (out.destroyed) return;
  const added = await hub.add(user.id, (notice) => {
    void Promise.all([repo.findNotification(db, user.id, notice.id), repo.unreadCount(db, user.id)])
      .then(([row, unread]) => {
        if (row) write("notification", { notification: notificationView(row, lang), unread });
      })
      .catch(() => undefined);
  });
  if (closed) return added();
  remove = added;
  heartbeat = setInterval(() => out.write(": keep-alive\n\n"), HEARTBEAT_MS);
  write("unread", { unread: await repo.unreadCount(db, user.id) });
}
