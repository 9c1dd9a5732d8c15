/**
 * One pay figure for the overview. The API gives the median daily pay per category; the overview
 * shows the median of those medians weighted by each category's gigs — an estimate of the median
 * over all gigs, labelled as such on the card.
 */
import type { Figure, WagesPage } from "../shared/api-types.ts";

type Pick = "value" | "previous" | "lastYear";

function weightedMedian(rows: WagesPage["byCategory"], pick: Pick): number | null {
  const points = rows
    .map((r) => ({ value: r.medianDailyPayFen[pick], weight: r.gigs }))
    .filter((p): p is { value: number; weight: number } => p.value !== null && p.weight > 0)
    .sort((a, b) => a.value - b.value);
  const total = points.reduce((n, p) => n + p.weight, 0);
  if (total === 0) return null;
  let seen = 0;
  for (const p of points) {
    seen += p.weight;
    if (seen >= total / 2) return p.value;
  }
  return null;
}

const change = (value: number | null, base: number | null) =>
  value === null || base === null || base === 0 ? null : (value - base) / base;

export function weightedMedianPay(rows: WagesPage["byCategory"]): Figure {
  const value = weightedMedian(rows, "value");
  const previous = weightedMedian(rows, "previous");
  const lastYear = weightedMedian(rows, "lastYear");
  return {
    value,
    previous,
    lastYear,
    vsPrevious: change(value, previous),
    vsLastYear: change(value, lastYear),
    changeIn: "percent",
  };
}
