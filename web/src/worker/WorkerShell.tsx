/**
 * The frame around worker screens: the page above, four big tabs below. The tabs are real links
 * (antd-mobile's TabBar items cannot take keyboard focus), each at least 56 px tall.
 */
import { AccountBookOutlined, CalendarOutlined, SearchOutlined, UserOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import { NavLink, Outlet, useLocation } from "react-router-dom";
import { NotificationBell } from "../notifications/NotificationBell.tsx";
import { useNotifications } from "../notifications/NotificationsProvider.tsx";
import { WORK_NEWS } from "./work/workNews.ts";

const TABS = [
  { to: "/worker", icon: <SearchOutlined />, label: "worker.tabs.find", also: ["/worker/gigs"] },
  { to: "/worker/work", icon: <CalendarOutlined />, label: "worker.tabs.work", also: ["/worker/shifts"] },
  { to: "/worker/earnings", icon: <AccountBookOutlined />, label: "worker.tabs.earnings", also: [] },
  { to: "/worker/me", icon: <UserOutlined />, label: "worker.tabs.me", also: ["/worker/ratings"] },
] as const;

export function WorkerShell() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const notifications = useNotifications();
  // 我的活 carries how many unread notifications are about her work: she sees it from any screen.
  const workNews =
    notifications?.items.filter((n) => !n.readAt && (WORK_NEWS as readonly string[]).includes(n.kind))
      .length ?? 0;
  return (
    <div className="lg-worker">
      <NotificationBell to="/worker/notifications" className="lg-worker-bell" />
      <main className="lg-worker-main">
        <Outlet />
      </main>
      <nav className="lg-worker-tabs" aria-label={t("worker.tabs.label")}>
        {TABS.map((tab) => {
          const active = pathname === tab.to || tab.also.some((prefix) => pathname.startsWith(prefix));
          return (
            <NavLink
              key={tab.to}
              to={tab.to}
              end
              className={active ? "lg-tab lg-tab-active" : "lg-tab"}
              aria-current={active ? "page" : undefined}
            >
              <span className="lg-tab-icon" aria-hidden="true">
                {tab.icon}
              </span>
              {t(tab.label)}
              {tab.to === "/worker/work" && workNews > 0 && (
                <span className="lg-tab-badge" data-testid="work-badge">
                  {workNews}
                  <span className="lg-visually-hidden">{t("work.newCount", { count: workNews })}</span>
                </span>
              )}
            </NavLink>
          );
        })}
      </nav>
    </div>
  );
}
