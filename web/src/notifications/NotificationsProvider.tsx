/**
 * The signed-in person's notifications, shared by the bell, the list and any screen that wants to
 * refresh itself: loads the latest, then follows GET /api/notifications/stream (server-sent events),
 * so a new one shows at once on whichever server instance the screen is connected to.
 */
import "./locales.ts";
import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from "react";
import { get, post } from "../shared/api.ts";
import type { AppNotification, NotificationList, UnreadCount } from "../shared/api-types.ts";
import { useSession } from "../shared/session.tsx";

type Listener = (notification: AppNotification) => void;

interface NotificationsValue {
  items: AppNotification[];
  unread: number;
  connected: boolean;
  markRead(id: string): Promise<void>;
  markAllRead(): Promise<void>;
  /** Calls `listener` for each new notification; returns the unsubscribe function. */
  subscribe(listener: Listener): () => void;
}

const NotificationsContext = createContext<NotificationsValue | null>(null);

export function useNotifications(): NotificationsValue | null {
  return useContext(NotificationsContext);
}

/** Reloads a screen when a notification of one of `kinds` arrives (e.g. a new applicant). */
export function useLiveRefresh(kinds: readonly string[], reload: () => unknown): void {
  const value = useNotifications();
  const latest = useRef(reload);
  latest.current = reload;
  const key = kinds.join(",");
  useEffect(() => {
    if (!value) return;
    const wanted = new Set(key.split(","));
    return value.subscribe((n) => {
      if (wanted.has(n.kind)) void latest.current();
    });
  }, [value, key]);
}

export function NotificationsProvider({ children }: { children: ReactNode }) {
  const { me } = useSession();
  if (!me) return <>{children}</>;
  // Keyed by the person: signing in as someone else starts afresh.
  return <Live key={me.id}>{children}</Live>;
}

function Live({ children }: { children: ReactNode }) {
  const [items, setItems] = useState<AppNotification[]>([]);
  const [unread, setUnread] = useState(0);
  const [connected, setConnected] = useState(false);
  const listeners = useRef(new Set<Listener>());

  useEffect(() => {
    let alive = true;
    void get<NotificationList>("/api/notifications", { limit: 30 })
      .then((list) => {
        if (!alive) return;
        setItems(list.items);
        setUnread(list.unread);
      })
      .catch(() => undefined);
    const source = new EventSource("/api/notifications/stream", { withCredentials: true });
    source.onopen = () => setConnected(true);
    source.onerror = () => setConnected(false);
    source.addEventListener("unread", (event) => {
      setUnread((JSON.parse((event as MessageEvent<string>).data) as { unread: number }).unread);
    });
    source.addEventListener("notification", (event) => {
      const data = JSON.parse((event as MessageEvent<string>).data) as {
        notification: AppNotification;
        unread: number;
      };
      setItems((list) => [data.notification, ...list.filter((n) => n.id !== data.notification.id)]);
      setUnread(data.unread);
      for (const listener of listeners.current) listener(data.notification);
    });
    return () => {
      alive = false;
      source.close();
    };
  }, []);

  const markRead = useCallback(async (id: string) => {
    const answer = await post<UnreadCount>(`/api/notifications/${id}/read`);
    setUnread(answer.unread);
    const now = new Date().toISOString();
    setItems((list) => list.map((n) => (n.id === id ? { ...n, readAt: n.readAt ?? now } : n)));
  }, []);

  const markAllRead = useCallback(async () => {
    await post("/api/notifications/read-all");
    setUnread(0);
    const now = new Date().toISOString();
    setItems((list) => list.map((n) => ({ ...n, readAt: n.readAt ?? now })));
  }, []);

  const subscribe = useCallback((listener: Listener) => {
    listeners.current.add(listener);
    return () => {
      listeners.current.delete(listener);
    };
  }, []);

  const value = useMemo(
    () => ({ items, unread, connected, markRead, markAllRead, subscribe }),
    [items, unread, connected, markRead, markAllRead, subscribe],
  );
  return <NotificationsContext.Provider value={value}>{children}</NotificationsContext.Provider>;
}
