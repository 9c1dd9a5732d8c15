/**
 * Reasons for a match in the words its reader sees, zh-CN and English.
 * The worker reads "你做过 12 次保洁"; the employer and staff read "做过 12 次保洁".
 * Only the strongest reasons are shown, so a list stays short enough for a phone or a kiosk.
 */

import { distanceWords } from "../places/distance-text.ts";
import { distanceIfMatch, fairnessBoost, type GigFacts, timePart, type WorkerFacts } from "./score.ts";

export interface Reason {
  zh: string;
  en: string;
}

export type Audience = "worker" | "employer";

export interface CategoryName {
  zh: string;
  en: string;
}

const MS_PER_HOUR = 3_600_000;

export function explainPair(
  w: WorkerFacts,
  g: GigFacts,
  nowMs: number,
  audience: Audience,
  categoryName: CategoryName,
): Reason[] {
  const km = distanceIfMatch(w, g, nowMs, Number.POSITIVE_INFINITY);
  if (km < 0) return [];
  const you = audience === "worker";
  const reasons: Array<Reason | null> = [
    distanceReason(km),
    payReason(w.expectedDailyPayFen, g, you),
    marketReason(g),
    experienceReason(w.doneByCategory.get(g.category) ?? 0, categoryName, you),
    timePart(w.availability, g) === 1 ? { zh: "时间合适", en: "Fits the available hours" } : null,
    you ? employerReason(g) : workerReasons(w),
    you && nowMs - g.postedMs < 24 * MS_PER_HOUR ? { zh: "新发布", en: "Just posted" } : null,
    !you && fairnessBoost(w.recentBookings) > 0.5
      ? { zh: "近期活少，优先照顾", en: "Little recent work: given priority" }
      : null,
  ];
  return reasons.filter((r): r is Reason => r !== null);
}

/** Written by the one rule the web's `distance()` uses too (src/places/distance-text.ts). */
export function distanceReason(km: number): Reason {
  const words = distanceWords(km * 1000);
  return { zh: words.zh, en: `${words.en} away` };
}

function percentAbove(payFen: number, referenceFen: number): number {
  return Math.round((payFen / referenceFen - 1) * 100);
}

function payReason(expectedFen: number | null, g: GigFacts, you: boolean): Reason | null {
  if (g.dailyPayFen <= 0 || expectedFen === null || expectedFen <= 0) return null;
  const pct = percentAbove(g.dailyPayFen, expectedFen);
  const who = you ? "你" : "其";
  const whoEn = you ? "your" : "their";
  if (pct > 0) return { zh: `日薪比${who}期望高 ${pct}%`, en: `Pays ${pct}% above ${whoEn} expectation` };
  if (pct === 0) return { zh: `日薪符合${who}期望`, en: `Pays ${whoEn} expected rate` };
  return { zh: `日薪比${who}期望低 ${-pct}%`, en: `Pays ${-pct}% below ${whoEn} expectation` };
}

function marketReason(g: GigFacts): Reason | null {
  if (g.dailyPayFen <= 0) return null;
  const pct = percentAbove(g.dailyPayFen, g.marketMedianFen);
  if (pct < 5) return null;
  return { zh: `日薪高于同类岗位 ${pct}%`, en: `Pays ${pct}% above similar gigs` };
}

function experienceReason(done: number, name: CategoryName, you: boolean): Reason | null {
  if (done <= 0) return null;
  return {
    zh: `${you ? "你" : ""}做过 ${done} 次${name.zh}`,
    en: `${you ? "You have done" : "Has done"} ${done} ${name.en.toLowerCase()} gig${done === 1 ? "" : "s"}`,
  };
}

function employerReason(g: GigFacts): Reason | null {
  if (g.employerRatingCount === 0) return null;
  const stars = (g.employerRatingSum / g.employerRatingCount).toFixed(1);
  return { zh: `雇主评分 ${stars}`, en: `Employer rated ${stars}` };
}

function workerReasons(w: WorkerFacts): Reason | null {
  const shifts = w.completed + w.noShow + w.lateCancel;
  if (shifts === 0) return null;
  const rate = Math.round((w.completed / shifts) * 100);
  const stars = w.ratingCount > 0 ? (w.ratingSum / w.ratingCount).toFixed(1) : null;
  const zh = stars ? `完成率 ${rate}%，评分 ${stars}` : `完成率 ${rate}%`;
  const en = stars ? `${rate}% completed, rated ${stars}` : `${rate}% completed`;
  return { zh, en };
}
