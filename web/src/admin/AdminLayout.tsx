/** The platform's frame: side menu, the scope's name, the period picker, the live indicator. */
import {
  AlertOutlined,
  AppstoreOutlined,
  AuditOutlined,
  BankOutlined,
  BarChartOutlined,
  DashboardOutlined,
  DesktopOutlined,
  EnvironmentOutlined,
  ImportOutlined,
  MessageOutlined,
  MoneyCollectOutlined,
  PrinterOutlined,
  SafetyCertificateOutlined,
  SettingOutlined,
  ShopOutlined,
  TableOutlined,
  TeamOutlined,
  ToolOutlined,
} from "@ant-design/icons";
import { Button, Layout, Menu, Space } from "antd";
import { type ReactNode, Suspense, useMemo } from "react";
import { useTranslation } from "react-i18next";
import { Outlet, useLocation, useNavigate } from "react-router-dom";
import { switchLanguage } from "../shared/i18n.ts";
import { PageLoading } from "../shared/PageLoading.tsx";
import { useLive } from "./live.ts";
import { PeriodPicker } from "./PeriodPicker.tsx";
import { usePeriodSearch } from "./period.ts";
import { CitySelector } from "./province.tsx";
import { useAdmin } from "./session.tsx";
import { LiveContext } from "./usePage.ts";

export function AdminLayout() {
  const { t } = useTranslation();
  const { me, isCityAdmin, isProvinceAdmin, scopeName, signOut } = useAdmin();
  const navigate = useNavigate();
  const location = useLocation();
  const search = usePeriodSearch();
  const live = useLive();
  const liveValue = useMemo(() => ({ ...live, version: live.figures?.asOfEventId ?? 0 }), [live]);

  const pages = [
    { key: "overview", icon: <DashboardOutlined /> },
    ...(isProvinceAdmin ? [{ key: "cities", icon: <BankOutlined /> }] : []),
    { key: "supply-demand", label: "supplyDemand", icon: <BarChartOutlined /> },
    { key: "official-flow", label: "officialFlow", icon: <TableOutlined /> },
    { key: "wages", icon: <MoneyCollectOutlined /> },
    { key: "quality", icon: <SafetyCertificateOutlined /> },
    { key: "complaints", icon: <AlertOutlined /> },
    { key: "station-performance", label: "stationPerformance", icon: <ShopOutlined /> },
    ...(isCityAdmin || isProvinceAdmin ? [{ key: "districts", icon: <TableOutlined /> }] : []),
    { key: "print", icon: <PrinterOutlined /> },
    { key: "screen", icon: <DesktopOutlined /> },
  ];
  /**
   * 系统管理: a district admin has stations, staff, imports and the audit log; the city admin also
   * the rest; the province admin, who only reads, none of it.
   */
  const administration = isProvinceAdmin
    ? []
    : [
        { key: "stations", icon: <EnvironmentOutlined /> },
        { key: "staff", icon: <TeamOutlined /> },
        { key: "imports", icon: <ImportOutlined /> },
        ...(isCityAdmin
          ? [
              { key: "categories", icon: <AppstoreOutlined /> },
              { key: "settings", icon: <SettingOutlined /> },
            ]
          : []),
        { key: "messages", icon: <MessageOutlined /> },
        { key: "audit", icon: <AuditOutlined /> },
      ];
  const current = location.pathname.split("/")[2] || "overview";
  const onAdministration = administration.some((p) => p.key === current);
  const menuItem = (p: { key: string; label?: string; icon: ReactNode }) => ({
    key: p.key,
    icon: p.icon,
    label: t(`admin.menu.${p.label ?? p.key}`),
  });

  return (
    <LiveContext.Provider value={liveValue}>
      <Layout className="lg-admin" style={{ minHeight: "100vh" }}>
        <Layout.Sider width={200} breakpoint="lg" collapsedWidth={0} className="lg-admin-sider">
          <div className="lg-admin-brand">{t("admin.brand")}</div>
          <nav aria-label={t("admin.brand")}>
            <Menu
              theme="dark"
              mode="inline"
              selectedKeys={[current]}
              defaultOpenKeys={onAdministration ? ["administration"] : []}
              items={[
                ...pages.map(menuItem),
                ...(administration.length > 0
                  ? [
                      {
                        key: "administration",
                        icon: <ToolOutlined />,
                        label: t("admin.menu.administration"),
                        children: administration.map(menuItem),
                      },
                    ]
                  : []),
              ]}
              onClick={({ key }) => navigate(`/admin/${key}${search}`)}
            />
          </nav>
        </Layout.Sider>
        <Layout>
          <Layout.Header className="lg-admin-header">
            <Space size="middle" wrap>
              {isProvinceAdmin ? (
                <CitySelector />
              ) : (
                <span className="lg-admin-scope" data-testid="scope-name">
                  {scopeName}
                </span>
              )}
              {!onAdministration && <PeriodPicker />}
            </Space>
            <Space size="middle">
              <span className={`lg-admin-live${live.connected ? " on" : ""}`} data-testid="live-indicator">
                <span className={`lg-admin-live-dot${live.connected ? " on" : ""}`} aria-hidden="true" />
                {live.connected ? t("admin.live.on") : t("admin.live.off")}
              </span>
              <span>{me?.displayName}</span>
              <Button type="link" onClick={switchLanguage} lang={t("language.otherCode")}>
                {t("language.other")}
              </Button>
              <Button onClick={() => void signOut()}>{t("common.signOut")}</Button>
            </Space>
          </Layout.Header>
          <Layout.Content className="lg-admin-content">
            <main>
              <Suspense fallback={<PageLoading />}>
                <Outlet />
              </Suspense>
            </main>
          </Layout.Content>
        </Layout>
      </Layout>
    </LiveContext.Provider>
  );
}
