/**
 * The fixed vocabulary of rating tags, one list per direction. Tags are stored as the
 * Chinese words users see, so old ratings read the same after a translation changes.
 * Negative tags (拖欠工资, 迟到 ...) are what the bureau follows up on.
 */
export type RatingDirection = "worker_to_employer" | "employer_to_worker";

export interface RatingTag {
  code: string;
  nameZh: string;
  nameEn: string;
  direction: RatingDirection;
  negative: boolean;
}

const tag = (direction: RatingDirection, nameZh: string, nameEn: string, negative = false): RatingTag => ({
  code: nameZh,
  nameZh,
  nameEn,
  direction,
  negative,
});

export const RATING_TAGS: readonly RatingTag[] = [
  tag("worker_to_employer", "按时结算", "Paid on time"),
  tag("worker_to_employer", "工作环境好", "Good working conditions"),
  tag("worker_to_employer", "态度友善", "Friendly"),
  tag("worker_to_employer", "与描述不符", "Not as described", true),
  tag("worker_to_employer", "拖欠工资", "Wages withheld", true),
  tag("employer_to_worker", "准时", "Punctual"),
  tag("employer_to_worker", "认真负责", "Conscientious"),
  tag("employer_to_worker", "技术好", "Skilled"),
  tag("employer_to_worker", "迟到", "Late", true),
  tag("employer_to_worker", "态度差", "Poor attitude", true),
];

/** The worker rates the employer; the employer rates the worker. */
export function directionOf(rater: "worker" | "employer"): RatingDirection {
  return rater === "worker" ? "worker_to_employer" : "employer_to_worker";
}

/** The first tag that is not in the direction's vocabulary, or null when all are. */
export function firstUnknownTag(direction: RatingDirection, tags: readonly string[]): string | null {
  const known = new Set(RATING_TAGS.filter((t) => t.direction === direction).map((t) => t.code));
  return tags.find((t) => !known.has(t)) ?? null;
}
