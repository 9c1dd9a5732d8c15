/** The notification centre: newest first, unread marked; opening one marks it read and goes to its page. */
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router-dom";
import { useNotifications } from "./NotificationsProvider.tsx";
import "./notifications.css";
import "./settings.locales.ts";

function ago(iso: string, t: (key: string, options?: Record<string, unknown>) => string, lang: string) {
  const minutes = Math.floor((Date.now() - new Date(iso).getTime()) / 60_000);
  if (minutes < 1) return t("notifications.justNow");
  if (minutes < 60) return t("notifications.minutesAgo", { count: minutes });
  return new Date(iso).toLocaleString(lang === "en" ? "en-GB" : "zh-CN", {
    timeZone: "Asia/Shanghai",
    month: "numeric",
    day: "numeric",
    hour: "2-digit",
    minute: "2-digit",
  });
}

/** `settingsTo`: where this face lets the person choose her channels (SMS, voice call). */
export default function NotificationCentre({ settingsTo }: { settingsTo?: string }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const value = useNotifications();
  if (!value) return null;
  const { items, unread, connected, markRead, markAllRead } = value;
  return (
    <section className="lg-notifications" aria-labelledby="lg-notifications-title">
      <header className="lg-notifications-head">
        <h1 id="lg-notifications-title">{t("notifications.title")}</h1>
        {unread > 0 && (
          <button type="button" className="lg-notifications-all" onClick={() => void markAllRead()}>
            {t("notifications.markAll")}
          </button>
        )}
      </header>
      <p className="lg-notifications-live" role="status">
        {connected ? t("notifications.live") : t("notifications.offline")}
      </p>
      {settingsTo && (
        <p className="lg-notifications-settings">
          <Link to={settingsTo}>{t("notifications.channels.title")}</Link>
        </p>
      )}
      {items.length === 0 && <p className="lg-notifications-empty">{t("notifications.empty")}</p>}
      <ul className="lg-notifications-list" data-testid="notification-list">
        {items.map((n) => (
          <li key={n.id}>
            <button
              type="button"
              className={n.readAt ? "lg-notification" : "lg-notification lg-notification-unread"}
              onClick={() => {
                void markRead(n.id);
                if (n.link) navigate(n.link);
              }}
            >
              <span className="lg-notification-title">
                {!n.readAt && <span className="lg-notification-dot">{t("notifications.unread")}</span>}
                {n.title}
              </span>
              <span className="lg-notification-body">{n.body}</span>
              <span className="lg-notification-time">{ago(n.createdAt, t, i18n.language)}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
