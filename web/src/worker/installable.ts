/**
 * Makes the worker app installable (添加到主屏幕): links its web manifest and registers the service
 * worker that keeps the app's shell (web/public/worker-sw.js). Only in a built app: the Vite dev
 * server's modules must not be kept.
 */
import { useEffect } from "react";

export function useInstallable(): void {
  useEffect(() => {
    if (!document.querySelector('link[rel="manifest"]')) {
      const link = document.createElement("link");
      link.rel = "manifest";
      link.href = "/worker.webmanifest";
      document.head.appendChild(link);
    }
    if (import.meta.env.PROD && "serviceWorker" in navigator) {
      navigator.serviceWorker.register("/worker-sw.js", { scope: "/worker" }).catch(() => undefined);
    }
  }, []);
}
