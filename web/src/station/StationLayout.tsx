/** The console's frame: the station's name, the counter's tasks on the left, sign-out. */
import { Button, Layout, Menu } from "antd";
import { useTranslation } from "react-i18next";
import { Link, Outlet, useLocation } from "react-router-dom";
import { NotificationBell } from "../notifications/NotificationBell.tsx";
import { switchLanguage } from "../shared/i18n.ts";
import { useSession } from "../shared/session.tsx";

const ITEMS = [
  ["", "home"],
  ["walk-in", "walkIn"],
  ["workers", "workers"],
  ["post", "post"],
  ["dispatch", "dispatch"],
  ["complaints", "complaints"],
  ["services", "services"],
  ["devices", "devices"],
] as const;

export function StationLayout() {
  const { t } = useTranslation();
  const { me, base, signOut } = useSession();
  const location = useLocation();
  const here = location.pathname.slice(base.length + 1).split("/")[0] ?? "";

  return (
    <Layout className="lg-station">
      <Layout.Sider width={220} className="lg-station-sider">
        <div className="lg-station-brand">{t("station.brand")}</div>
        <nav aria-label={t("station.brand")}>
          <Menu
            theme="dark"
            mode="inline"
            selectedKeys={[here]}
            items={ITEMS.map(([path, key]) => ({
              key: path,
              label: <Link to={path ? `${base}/${path}` : base}>{t(`station.menu.${key}`)}</Link>,
            }))}
          />
        </nav>
      </Layout.Sider>
      <Layout>
        <Layout.Header className="lg-station-header">
          <span className="lg-station-who" data-testid="station-who">
            {me?.displayName}
          </span>
          <span className="lg-station-header-actions">
            <NotificationBell to="/station/notifications" />
            <Button type="text" onClick={switchLanguage}>
              {t("station.languageSwitch")}
            </Button>
            <Button onClick={() => void signOut()}>{t("common.signOut")}</Button>
          </span>
        </Layout.Header>
        <Layout.Content className="lg-station-content">
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
