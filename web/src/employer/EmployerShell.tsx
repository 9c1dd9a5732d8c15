/** The portal frame: the product's name, a menu of its places, language and sign-out. */
import { App as AntApp, Button, Layout, Menu } from "antd";
import { useTranslation } from "react-i18next";
import { Link, Navigate, Outlet, useLocation } from "react-router-dom";
import { LanguageLink } from "../landing/LanguageLink.tsx";
import "../notifications/locales.ts";
import { NotificationBell } from "../notifications/NotificationBell.tsx";
import { NotificationsProvider } from "../notifications/NotificationsProvider.tsx";
import "../shared/privacy/locales.ts";
import { useSession } from "../shared/session.tsx";
import "./locales.ts";
import "../notifications/settings.locales.ts";

export default function EmployerShell() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const { me, signOut } = useSession();
  const selected = pathname.startsWith("/employer/gigs/new")
    ? "/employer/gigs/new"
    : pathname.startsWith("/employer/profile")
      ? "/employer/profile"
      : pathname.startsWith("/employer/my-data")
        ? "/employer/my-data"
        : pathname.startsWith("/employer/notifications/settings")
          ? "/employer/notifications/settings"
          : "/employer";
  // Nothing else works before the employer says who they are, so that comes first.
  if (!me?.employer && !pathname.startsWith("/employer/profile"))
    return <Navigate to="/employer/profile?first=1" replace />;
  const items = [
    { key: "/employer", label: <Link to="/employer">{t("employer.menu.gigs")}</Link> },
    { key: "/employer/gigs/new", label: <Link to="/employer/gigs/new">{t("employer.menu.post")}</Link> },
    { key: "/employer/profile", label: <Link to="/employer/profile">{t("employer.menu.profile")}</Link> },
    {
      key: "/employer/notifications/settings",
      label: <Link to="/employer/notifications/settings">{t("notifications.channels.title")}</Link>,
    },
    { key: "/employer/my-data", label: <Link to="/employer/my-data">{t("privacy.myData")}</Link> },
  ];
  return (
    <AntApp>
      <NotificationsProvider>
        <Layout className="lg-employer">
          <Layout.Header className="lg-employer-header">
            <Link to="/employer" className="lg-employer-brand">
              {t("employer.brand")}
            </Link>
            <nav aria-label={t("employer.menu.label")} className="lg-employer-nav">
              <Menu mode="horizontal" selectedKeys={[selected]} items={items} />
            </nav>
            <div className="lg-employer-user">
              <NotificationBell to="/employer/notifications" />
              <span>{me?.displayName}</span>
              <LanguageLink className="lg-employer-lang" />
              <Button onClick={() => void signOut()}>{t("common.signOut")}</Button>
            </div>
          </Layout.Header>
          <Layout.Content className="lg-employer-content">
            <main>
              <Outlet />
            </main>
          </Layout.Content>
        </Layout>
      </NotificationsProvider>
    </AntApp>
  );
}
