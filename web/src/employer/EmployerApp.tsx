/** The employer portal (antd): a side menu, my gigs as home, a form to post, a page per gig. */
import { ConfigProvider } from "antd";
import { lazy, Suspense } from "react";
import { Route, Routes } from "react-router-dom";
import { useAntdLocale } from "../shared/antdLocale.ts";
import { PageLoading } from "../shared/PageLoading.tsx";
import { RequireSignIn, SessionProvider } from "../shared/session.tsx";
import "./employer.css";

const SignIn = lazy(() => import("./account/SignIn.tsx"));
// The signed-in frame (menu, messages, notifications, the portal's words) is not on the sign-in screen.
const EmployerShell = lazy(() => import("./EmployerShell.tsx"));
const EmployerProfileForm = lazy(() => import("./account/EmployerProfileForm.tsx"));
const MyGigs = lazy(() => import("./gigs/MyGigs.tsx"));
const PostGig = lazy(() => import("./gigs/PostGig.tsx"));
const GigManage = lazy(() => import("./gigs/GigManage.tsx"));
const NotificationCentre = lazy(() => import("../notifications/NotificationCentre.tsx"));
const ChannelsCard = lazy(() => import("../notifications/ChannelsCard.tsx"));
const NotFound = lazy(() => import("../shared/NotFound.tsx"));
const MyData = lazy(() => import("../privacy/EmployerMyData.tsx"));

/** antd's default greys and blue fail WCAG AA contrast on white; these pass. */
const theme = {
  token: {
    colorPrimary: "#0958d9",
    colorTextSecondary: "rgba(0, 0, 0, 0.68)",
    colorTextTertiary: "rgba(0, 0, 0, 0.62)",
    colorTextDescription: "rgba(0, 0, 0, 0.65)",
    colorTextPlaceholder: "rgba(0, 0, 0, 0.55)",
    colorTextDisabled: "rgba(0, 0, 0, 0.5)",
    colorError: "#c4161c",
    colorSuccess: "#237804",
    fontSize: 15,
  },
};

export default function EmployerApp() {
  const antdLocale = useAntdLocale();
  return (
    // autoInsertSpace off: antd would write "登 录", which reads oddly and breaks the accessible name.
    <ConfigProvider locale={antdLocale} theme={theme} button={{ autoInsertSpace: false }}>
      <SessionProvider base="/employer" forRole="employer">
        <Suspense fallback={<PageLoading />}>
          <Routes>
            <Route path="sign-in" element={<SignIn />} />
            <Route
              element={
                <RequireSignIn>
                  <EmployerShell />
                </RequireSignIn>
              }
            >
              <Route index element={<MyGigs />} />
              <Route path="profile" element={<EmployerProfileForm />} />
              <Route path="gigs/new" element={<PostGig />} />
              <Route path="gigs/:gigId" element={<GigManage />} />
              <Route
                path="notifications"
                element={<NotificationCentre settingsTo="/employer/notifications/settings" />}
              />
              <Route path="notifications/settings" element={<ChannelsCard />} />
              <Route path="my-data" element={<MyData />} />
              <Route path="*" element={<NotFound home="/employer" />} />
            </Route>
          </Routes>
        </Suspense>
      </SessionProvider>
    </ConfigProvider>
  );
}
