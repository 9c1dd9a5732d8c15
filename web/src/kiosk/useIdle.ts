/**
 * The terminal's idle reset: after IDLE_SECONDS without a touch a countdown of
 * COUNTDOWN_SECONDS shows; then everything the person entered is cleared and the start screen
 * returns. 60 s is a constant here (the default); a per-city setting is not built yet.
 */
import { useEffect, useState } from "react";

export const IDLE_SECONDS = 60;
export const COUNTDOWN_SECONDS = 10;

/** Seconds left in the countdown, or null while the person is active. */
export function useIdle(active: boolean, onTimeout: () => void): { left: number | null; stay: () => void } {
  const [lastTouch, setLastTouch] = useState(() => Date.now());
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const touched = () => setLastTouch(Date.now());
    const events = ["pointerdown", "keydown", "touchstart"] as const;
    for (const name of events) window.addEventListener(name, touched, { capture: true });
    const timer = setInterval(() => setNow(Date.now()), 1_000);
    return () => {
      for (const name of events) window.removeEventListener(name, touched, { capture: true });
      clearInterval(timer);
    };
  }, []);
  const idle = (now - lastTouch) / 1_000;
  const left =
    active && idle >= IDLE_SECONDS ? Math.max(0, Math.ceil(IDLE_SECONDS + COUNTDOWN_SECONDS - idle)) : null;
  useEffect(() => {
    if (left === 0) {
      setLastTouch(Date.now());
      onTimeout();
    }
  }, [left, onTimeout]);
  return { left, stay: () => setLastTouch(Date.now()) };
}
