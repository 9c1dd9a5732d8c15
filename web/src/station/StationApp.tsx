/**
 * The station console (驿站工作台) at /station: antd on a counter's desktop, zh-CN first, large
 * clear type. The printable job slip sits outside the frame so it prints alone.
 */
import "./locales.ts";
import "./desk/desk.locales.ts";
import "./devices/devices.locales.ts";
import "./station.css";
import "dayjs/locale/zh-cn";
import { ConfigProvider } from "antd";
import dayjs from "dayjs";
import { lazy, Suspense, useEffect } from "react";
import { useTranslation } from "react-i18next";
import { Route, Routes } from "react-router-dom";
import { NotificationsProvider } from "../notifications/NotificationsProvider.tsx";
import { useAntdLocale } from "../shared/antdLocale.ts";
import { PageLoading } from "../shared/PageLoading.tsx";
import { RequireSignIn, SessionProvider } from "../shared/session.tsx";
import SignIn from "./SignIn.tsx";
import { StationLayout } from "./StationLayout.tsx";

const Home = lazy(() => import("./pages/Home.tsx"));
const WalkIn = lazy(() => import("./pages/WalkIn.tsx"));
const PostForEmployer = lazy(() => import("./pages/PostForEmployer.tsx"));
const Dispatch = lazy(() => import("./pages/Dispatch.tsx"));
const Complaints = lazy(() => import("./pages/Complaints.tsx"));
const Services = lazy(() => import("./pages/Services.tsx"));
const Devices = lazy(() => import("./devices/Devices.tsx"));
const Slip = lazy(() => import("./pages/Slip.tsx"));
const FindWorker = lazy(() => import("./desk/FindWorker.tsx"));
const WorkerDesk = lazy(() => import("./desk/WorkerDesk.tsx"));
const ChannelsCard = lazy(() => import("../notifications/ChannelsCard.tsx"));
const NotificationCentre = lazy(() => import("../notifications/NotificationCentre.tsx"));
const NotFound = lazy(() => import("../shared/NotFound.tsx"));

export const STATION_BASE = "/station";

export default function StationApp() {
  const { i18n, t } = useTranslation();
  const antdLocale = useAntdLocale();
  const english = i18n.language === "en";
  useEffect(() => {
    dayjs.locale(english ? "en" : "zh-cn");
    document.title = t("station.brand");
  }, [english, t]);

  return (
    <ConfigProvider
      locale={antdLocale}
      theme={{ token: { colorPrimary: "#0b5cad", colorLink: "#0b5cad", fontSize: 16 } }}
    >
      <SessionProvider base={STATION_BASE} forRole="station_staff">
        <Suspense fallback={<PageLoading />}>
          <Routes>
            <Route path="sign-in" element={<SignIn />} />
            <Route
              path="slip/:gigId"
              element={
                <RequireSignIn>
                  <Slip />
                </RequireSignIn>
              }
            />
            <Route
              element={
                <RequireSignIn>
                  <NotificationsProvider>
                    <StationLayout />
                  </NotificationsProvider>
                </RequireSignIn>
              }
            >
              <Route index element={<Home />} />
              <Route path="walk-in" element={<WalkIn />} />
              <Route path="workers" element={<FindWorker />} />
              <Route path="workers/:workerId" element={<WorkerDesk />} />
              <Route path="post" element={<PostForEmployer />} />
              <Route path="dispatch" element={<Dispatch />} />
              <Route path="complaints" element={<Complaints />} />
              <Route path="services" element={<Services />} />
              <Route path="devices" element={<Devices />} />
              <Route
                path="notifications"
                element={<NotificationCentre settingsTo="/station/notifications/settings" />}
              />
              <Route path="notifications/settings" element={<ChannelsCard />} />
              <Route path="*" element={<NotFound home={STATION_BASE} />} />
            </Route>
          </Routes>
        </Suspense>
      </SessionProvider>
    </ConfigProvider>
  );
}
