/** 大字模式: one switch that scales every worker screen, remembered on the phone. */
import { useEffect, useSyncExternalStore } from "react";

const STORAGE_KEY = "lg.largeText";
const listeners = new Set<() => void>();

export function isLargeText(): boolean {
  return localStorage.getItem(STORAGE_KEY) === "1";
}

export function setLargeText(on: boolean): void {
  localStorage.setItem(STORAGE_KEY, on ? "1" : "0");
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useLargeTextValue(): boolean {
  return useSyncExternalStore(subscribe, isLargeText);
}

/** Applies the switch to <html>, so pop-ups rendered outside the app scale too. */
export function useLargeText(): void {
  const on = useLargeTextValue();
  useEffect(() => {
    document.documentElement.classList.toggle("lg-large", on);
    return () => document.documentElement.classList.remove("lg-large");
  }, [on]);
}
