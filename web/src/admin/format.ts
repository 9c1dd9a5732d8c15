/**
 * How the bureau reads its figures and records: rates in per cent, 求人倍率 with two decimals,
 * changes with a sign, whole yuan grouped, record times to the minute (or second). What people
 * read elsewhere (yuan, times of day, distances) is in shared/format.ts.
 */
import i18n from "../shared/i18n.ts";

const number = (value: number, digits = 0) =>
  new Intl.NumberFormat(i18n.language === "en" ? "en-GB" : "zh-CN", {
    maximumFractionDigits: digits,
    minimumFractionDigits: digits,
  }).format(value);

/** An instant as the bureau's records read it, "2024-05-07 10:00" (":00" more with seconds); "—" if none. */
export function recordTime(iso: string | null | undefined, withSeconds = false): string {
  if (!iso) return "—";
  return new Intl.DateTimeFormat("sv-SE", {
    timeZone: "Asia/Shanghai",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    ...(withSeconds ? { second: "2-digit" } : {}),
  }).format(new Date(iso));
}

export type FigureKind = "count" | "rate" | "ratio" | "fen" | "hours" | "stars" | "decimal";

export function formatValue(value: number | null | undefined, kind: FigureKind): string {
  if (value === null || value === undefined) return "—";
  switch (kind) {
    case "rate":
      return `${number(value * 100, 1)}%`;
    case "ratio":
      return number(value, 2);
    case "fen":
      return `¥${number(value / 100)}`;
    case "hours":
    case "decimal":
      return number(value, 1);
    case "stars":
      return number(value, 2);
    default:
      return number(value, 0);
  }
}

/**
 * A change: of a count as a fraction (+12.5%); of 求人倍率 in its points (+0.12); of a rate in
 * percentage points (+2.5, the label says 百分点).
 */
export function formatChange(value: number | null | undefined, inPoints = false, rate = false): string {
  if (value === null || value === undefined) return "—";
  const sign = value > 0 ? "+" : value < 0 ? "−" : "";
  const size = Math.abs(value);
  if (inPoints) return rate ? `${sign}${number(size * 100, 1)}` : `${sign}${number(size, 2)}`;
  return `${sign}${number(size * 100, 1)}%`;
}

export function direction(value: number | null | undefined): "up" | "down" | "flat" {
  if (value === null || value === undefined || value === 0) return "flat";
  return value > 0 ? "up" : "down";
}
