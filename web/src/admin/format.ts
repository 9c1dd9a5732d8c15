/** How the bureau reads its figures: rates in per cent, 求人倍率 with two decimals, changes with a sign. */
import { formatNumber as number, wholeYuan } from "../shared/format.ts";

export type FigureKind = "count" | "rate" | "ratio" | "fen" | "hours" | "stars";

export function formatValue(value: number | null | undefined, kind: FigureKind): string {
  if (value === null || value === undefined) return "—";
  switch (kind) {
    case "rate":
      return `${number(value * 100, 1)}%`;
    case "ratio":
      return number(value, 2);
    case "fen":
      return wholeYuan(value);
    case "hours":
      return number(value, 1);
    case "stars":
      return number(value, 2);
    default:
      return number(value, 0);
  }
}

/** A change as a fraction (+12.5%), or in points for 求人倍率 (+0.12). */
export function formatChange(value: number | null | undefined, inPoints = false): string {
  if (value === null || value === undefined) return "—";
  const sign = value > 0 ? "+" : value < 0 ? "−" : "";
  const size = Math.abs(value);
  return inPoints ? `${sign}${number(size, 2)}` : `${sign}${number(size * 100, 1)}%`;
}

export function direction(value: number | null | undefined): "up" | "down" | "flat" {
  if (value === null || value === undefined || value === 0) return "flat";
  return value > 0 ? "up" : "down";
}
