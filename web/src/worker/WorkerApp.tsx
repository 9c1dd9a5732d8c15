/** The worker app (H5): big type, one action per screen, a tab bar of four places. */
import { ConfigProvider } from "antd-mobile";
import enUS from "antd-mobile/es/locales/en-US";
import zhCN from "antd-mobile/es/locales/zh-CN";
import { lazy, Suspense } from "react";
import { useTranslation } from "react-i18next";
import { Route, Routes } from "react-router-dom";
import { NotificationsProvider } from "../notifications/NotificationsProvider.tsx";
import { PageLoading } from "../shared/PageLoading.tsx";
import { loadReference } from "../shared/reference.ts";
import { RequireSignIn, SessionProvider } from "../shared/session.tsx";
import { GigList } from "./gigs/GigList.tsx";
import { useInstallable } from "./installable.ts";
import { useLargeText } from "./largeText.ts";
import { WorkerShell } from "./WorkerShell.tsx";
import "./worker.css";

// Every screen names categories and districts: ask for them as soon as this chunk arrives.
loadReference().catch(() => undefined);

// The gig list is the first screen and ships in this chunk; everything else loads when opened.
const SignIn = lazy(() => import("./account/SignIn.tsx"));
const ProfileForm = lazy(() => import("./account/ProfileForm.tsx"));
const GigDetail = lazy(() => import("./gigs/GigDetail.tsx"));
const MyWork = lazy(() => import("./work/MyWork.tsx"));
const ShiftScreen = lazy(() => import("./work/ShiftScreen.tsx"));
const Earnings = lazy(() => import("./pay/Earnings.tsx"));
const Ratings = lazy(() => import("./ratings/Ratings.tsx"));
const RateEmployer = lazy(() => import("./ratings/RateEmployer.tsx"));
const MePage = lazy(() => import("./account/MePage.tsx"));
const MyComplaints = lazy(() => import("./complaints/MyComplaints.tsx"));
const ComplaintForm = lazy(() => import("./complaints/ComplaintForm.tsx"));
const MessageSettings = lazy(() => import("./account/MessageSettings.tsx"));
const JobAlerts = lazy(() => import("./alerts/JobAlerts.tsx"));
const NotificationCentre = lazy(() => import("../notifications/NotificationCentre.tsx"));
const NotFound = lazy(() => import("./NotFound.tsx"));
const MyData = lazy(() => import("../privacy/WorkerMyData.tsx"));
const TerminalSignIn = lazy(() => import("./terminal/TerminalSignIn.tsx"));

export default function WorkerApp() {
  const { i18n } = useTranslation();
  useLargeText();
  useInstallable();
  const signedIn = (element: React.ReactNode) => <RequireSignIn>{element}</RequireSignIn>;
  return (
    <ConfigProvider locale={i18n.language === "en" ? enUS : zhCN}>
      <SessionProvider base="/worker" forRole="worker">
        <NotificationsProvider>
          <Suspense fallback={<PageLoading />}>
            <Routes>
              <Route path="sign-in" element={<SignIn />} />
              <Route path="profile" element={signedIn(<ProfileForm />)} />
              <Route element={<WorkerShell />}>
                <Route index element={<GigList />} />
                <Route path="gigs/:gigId" element={<GigDetail />} />
                <Route path="work" element={signedIn(<MyWork />)} />
                <Route path="shifts/:bookingId" element={signedIn(<ShiftScreen />)} />
                <Route path="earnings" element={signedIn(<Earnings />)} />
                <Route path="ratings" element={signedIn(<Ratings />)} />
                <Route path="ratings/:bookingId" element={signedIn(<RateEmployer />)} />
                <Route path="me" element={signedIn(<MePage />)} />
                <Route path="my-data" element={signedIn(<MyData />)} />
                <Route path="complaints" element={signedIn(<MyComplaints />)} />
                <Route path="complaints/new/:bookingId" element={signedIn(<ComplaintForm />)} />
                <Route
                  path="notifications"
                  element={signedIn(<NotificationCentre settingsTo="/worker/notifications/settings" />)}
                />
                <Route path="notifications/settings" element={signedIn(<MessageSettings />)} />
                <Route path="job-alerts" element={signedIn(<JobAlerts />)} />
                <Route path="terminal-sign-in" element={signedIn(<TerminalSignIn />)} />
                <Route path="*" element={<NotFound />} />
              </Route>
            </Routes>
          </Suspense>
        </NotificationsProvider>
      </SessionProvider>
    </ConfigProvider>
  );
}
