/**
 * How a distance is written, on every screen and in every message (the worker's gig list, the
 * employer's applicants, matching's reasons, the check-in refusal): whole metres under 1 km, then
 * kilometres with one decimal under 10 km, whole kilometres beyond. Pure, and imported by the web
 * app too, so 104 m is "104 米" everywhere and never "0.1 公里" in one place.
 *
 *   distanceShown(103.6)  → { unit: "m", value: "104" }
 *   distanceShown(999.7)  → { unit: "km", value: "1.0" }   (rounds to 1000 m first)
 *   distanceShown(17_240) → { unit: "km", value: "17" }
 */
export interface DistanceShown {
  unit: "m" | "km";
  value: string;
}

export function distanceShown(metres: number): DistanceShown {
  const m = Math.round(metres);
  if (m < 1000) return { unit: "m", value: String(m) };
  const km = m / 1000;
  return { unit: "km", value: km < 10 ? km.toFixed(1) : String(Math.round(km)) };
}

/** The same in words, for server messages: "104 米" / "104 m", "17 公里" / "17 km". */
export function distanceWords(metres: number): { zh: string; en: string } {
  const { unit, value } = distanceShown(metres);
  return { zh: `${value} ${unit === "m" ? "米" : "公里"}`, en: `${value} ${unit}` };
}
