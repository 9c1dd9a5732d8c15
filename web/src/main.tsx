/** Entry: each face of the product is its own chunk, so the worker's phone downloads only the worker app. */
import { lazy, StrictMode, Suspense } from "react";
import { createRoot } from "react-dom/client";
import { BrowserRouter, Route, Routes } from "react-router-dom";
import { restoreLanguage } from "./shared/i18n.ts";
import "./shared/base.css";
import { PageLoading } from "./shared/PageLoading.tsx";

const WorkerApp = lazy(() => import("./worker/WorkerApp.tsx"));
const EmployerApp = lazy(() => import("./employer/EmployerApp.tsx"));
const AdminApp = lazy(() => import("./admin/AdminApp.tsx"));
const StationApp = lazy(() => import("./station/StationApp.tsx"));
const DisplayApp = lazy(() => import("./display/DisplayApp.tsx"));
const KioskApp = lazy(() => import("./kiosk/KioskApp.tsx"));
const NotOpen = lazy(() => import("./landing/NotOpen.tsx"));
const LegalApp = lazy(() => import("./privacy/LegalApp.tsx"));

function App() {
  return (
    <BrowserRouter>
      <Suspense fallback={<PageLoading />}>
        <Routes>
          <Route path="/worker/*" element={<WorkerApp />} />
          <Route path="/employer/*" element={<EmployerApp />} />
          <Route path="/admin/*" element={<AdminApp />} />
          <Route path="/station/*" element={<StationApp />} />
          <Route path="/display/*" element={<DisplayApp />} />
          <Route path="/kiosk/*" element={<KioskApp />} />
          <Route path="/legal/*" element={<LegalApp />} />
          <Route path="*" element={<NotOpen />} />
        </Routes>
      </Suspense>
    </BrowserRouter>
  );
}

const root = document.getElementById("root");
if (root)
  void restoreLanguage().finally(() =>
    createRoot(root).render(
      <StrictMode>
        <App />
      </StrictMode>,
    ),
  );
