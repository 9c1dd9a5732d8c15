/**
 * The employment-monitoring platform (就业监测云平台) at /admin: antd dashboards for the city and
 * district bureaus, and the wall display (大屏) at /admin/screen in its own chunk.
 */
import "./locales.ts";
import "./admin.css";
import "dayjs/locale/zh-cn";
import { ConfigProvider } from "antd";
import dayjs from "dayjs";
import { lazy, Suspense, useEffect } from "react";
import { useTranslation } from "react-i18next";
import { Navigate, Outlet, Route, Routes } from "react-router-dom";
import { useAntdLocale } from "../shared/antdLocale.ts";
import { PageLoading } from "../shared/PageLoading.tsx";
import { AdminLayout } from "./AdminLayout.tsx";
import SignIn from "./SignIn.tsx";
import { AdminSessionProvider, RequireAdmin, RequireCityAdmin, RequireLocalAdmin } from "./session.tsx";

const Overview = lazy(() => import("./pages/Overview.tsx"));
const SupplyDemand = lazy(() => import("./pages/SupplyDemand.tsx"));
const OfficialFlow = lazy(() => import("./pages/OfficialFlow.tsx"));
const Wages = lazy(() => import("./pages/Wages.tsx"));
const Quality = lazy(() => import("./pages/Quality.tsx"));
const Complaints = lazy(() => import("./pages/Complaints.tsx"));
const Districts = lazy(() => import("./pages/Districts.tsx"));
const Cities = lazy(() => import("./pages/Cities.tsx"));
const StationPerformance = lazy(() => import("./pages/StationPerformance.tsx"));
const Drill = lazy(() => import("./pages/Drill.tsx"));
const PrintReport = lazy(() => import("./pages/PrintReport.tsx"));
const BigScreen = lazy(() => import("./screen/BigScreen.tsx"));
const Stations = lazy(() => import("./administration/StationsPage.tsx"));
const Staff = lazy(() => import("./administration/StaffPage.tsx"));
const Imports = lazy(() => import("./administration/ImportsPage.tsx"));
const Categories = lazy(() => import("./administration/CategoriesPage.tsx"));
const CitySettings = lazy(() => import("./administration/SettingsPage.tsx"));
const Messages = lazy(() => import("./administration/MessagesPage.tsx"));
const Audit = lazy(() => import("./administration/AuditPage.tsx"));
const NotFound = lazy(() => import("../shared/NotFound.tsx"));

export default function AdminApp() {
  const { i18n } = useTranslation();
  const antdLocale = useAntdLocale();
  const english = i18n.language === "en";
  useEffect(() => {
    dayjs.locale(english ? "en" : "zh-cn");
  }, [english]);
  document.title = i18n.t("admin.brand");

  return (
    <ConfigProvider
      locale={antdLocale}
      theme={{
        token: { colorPrimary: "#0958d9", colorLink: "#0958d9", colorTextDescription: "rgba(0, 0, 0, 0.65)" },
      }}
    >
      <AdminSessionProvider>
        <Suspense fallback={<PageLoading />}>
          <Routes>
            <Route path="sign-in" element={<SignIn />} />
            <Route
              path="screen"
              element={
                <RequireAdmin>
                  <BigScreen />
                </RequireAdmin>
              }
            />
            <Route
              element={
                <RequireAdmin>
                  <AdminLayout />
                </RequireAdmin>
              }
            >
              <Route index element={<Navigate to="overview" replace />} />
              <Route path="overview" element={<Overview />} />
              <Route path="supply-demand" element={<SupplyDemand />} />
              <Route path="official-flow" element={<OfficialFlow />} />
              <Route path="wages" element={<Wages />} />
              <Route path="quality" element={<Quality />} />
              <Route path="complaints" element={<Complaints />} />
              <Route path="districts" element={<Districts />} />
              <Route path="cities" element={<Cities />} />
              <Route path="station-performance" element={<StationPerformance />} />
              <Route path="print" element={<PrintReport />} />
              {/* The lists behind figures and 系统管理 are the city's, not the read-only province admin's. */}
              <Route
                element={
                  <RequireLocalAdmin>
                    <Outlet />
                  </RequireLocalAdmin>
                }
              >
                <Route path="drill/:figure" element={<Drill />} />
                <Route path="stations" element={<Stations />} />
                <Route path="messages" element={<Messages />} />
                <Route path="staff" element={<Staff />} />
                <Route path="imports" element={<Imports />} />
                <Route
                  path="categories"
                  element={
                    <RequireCityAdmin>
                      <Categories />
                    </RequireCityAdmin>
                  }
                />
                <Route
                  path="settings"
                  element={
                    <RequireCityAdmin>
                      <CitySettings />
                    </RequireCityAdmin>
                  }
                />
                <Route path="audit" element={<Audit />} />
              </Route>
              <Route path="*" element={<NotFound home="/admin/overview" />} />
            </Route>
          </Routes>
        </Suspense>
      </AdminSessionProvider>
    </ConfigProvider>
  );
}
