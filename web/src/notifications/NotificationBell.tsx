/** The bell with the unread count; a link to the notification centre of this face of the product. */
import { BellOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { useNotifications } from "./NotificationsProvider.tsx";
import "./notifications.css";

export function NotificationBell({ to, className = "" }: { to: string; className?: string }) {
  const { t } = useTranslation();
  const value = useNotifications();
  if (!value) return null;
  const { unread } = value;
  return (
    <Link
      to={to}
      className={`lg-bell ${className}`}
      aria-label={unread ? t("notifications.bellUnread", { count: unread }) : t("notifications.bell")}
      data-testid="notification-bell"
    >
      <BellOutlined aria-hidden="true" />
      {unread > 0 && (
        <span className="lg-bell-badge" data-testid="notification-badge">
          {unread > 99 ? "99+" : unread}
        </span>
      )}
    </Link>
  );
}
