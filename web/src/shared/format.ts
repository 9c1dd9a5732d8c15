/** Money is integer fen and time is UTC on the wire; people read yuan and Asia/Shanghai. */

import { distanceShown } from "../../../src/places/distance-text.ts";
import i18n from "./i18n.ts";

const TIME_ZONE = "Asia/Shanghai";

export function yuan(fen: number): string {
  const value = fen / 100;
  return `¥${Number.isInteger(value) ? value : value.toFixed(2)}`;
}

export function payLabel(fen: number, unit: "day" | "hour" | "piece"): string {
  return `${yuan(fen)}${i18n.t(`pay.per.${unit}`)}`;
}

function locale(): string {
  return i18n.language === "en" ? "en-GB" : "zh-CN";
}

/** "11月29日周六": the day alone. */
export function dayDate(iso: string): string {
  return new Intl.DateTimeFormat(locale(), {
    timeZone: TIME_ZONE,
    month: "short",
    day: "numeric",
    weekday: "short",
  }).format(new Date(iso));
}

/** "11月29日 周六 08:00" */
export function dateTime(iso: string): string {
  return new Intl.DateTimeFormat(locale(), {
    timeZone: TIME_ZONE,
    month: "short",
    day: "numeric",
    weekday: "short",
    hour: "2-digit",
    minute: "2-digit",
    hour12: false,
  }).format(new Date(iso));
}

export function clock(iso: string): string {
  return new Intl.DateTimeFormat(locale(), {
    timeZone: TIME_ZONE,
    hour: "2-digit",
    minute: "2-digit",
    hour12: false,
  }).format(new Date(iso));
}

/** "11月29日 周六 08:00–17:00", the end's date only when it differs. */
export function timeRange(startIso: string, endIso: string): string {
  const sameDay = localDate(startIso) === localDate(endIso);
  return `${dateTime(startIso)}–${sameDay ? clock(endIso) : dateTime(endIso)}`;
}

/** YYYY-MM-DD in Asia/Shanghai. */
export function localDate(iso: string | Date): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: TIME_ZONE }).format(new Date(iso));
}

/** A local date and time in Asia/Shanghai (UTC+8, no daylight saving) as a UTC ISO string. */
export function shanghaiToIso(date: string, time: string): string {
  return new Date(`${date}T${time}:00+08:00`).toISOString();
}

/** The one distance formatter of the web app; the rule is the server's (src/places/distance-text.ts). */
export function distance(metres: number | null | undefined): string {
  if (metres === null || metres === undefined) return "";
  const { unit, value } = distanceShown(metres);
  return unit === "m" ? i18n.t("distance.m", { m: value }) : i18n.t("distance.km", { km: value });
}

export function hours(minutes: number): string {
  return i18n.t("time.hours", { h: Math.round((minutes / 60) * 10) / 10 });
}

/** 138****5678: phones stay masked unless the viewer needs them; the server masks, this is for display of own input. */
export function maskPhone(phone: string): string {
  return phone.length === 11 ? `${phone.slice(0, 3)}****${phone.slice(7)}` : phone;
}
