/**
 * Screening of gig posts before they are published. Workers' most common complaint is
 * the post that asks for money up front (押金, 培训费, 体检费 ...): a real employer never
 * charges the worker to start, so such posts are refused outright.
 */

/** Words that name a charge to the worker. Matched after removing spaces and punctuation. */
export const UPFRONT_FEE_TERMS = [
  "押金",
  "保证金",
  "培训费",
  "体检费",
  "服装费",
  "工装费",
  "工服费",
  "介绍费",
  "中介费",
  "报名费",
  "资料费",
  "办卡费",
  "建档费",
  "入职费",
  "管理费",
  "上岗费",
  "押身份证",
  "扣押证件",
] as const;

export interface ScreeningResult {
  ok: boolean;
  /** The terms found, for the error message and for staff review. */
  terms: string[];
}

/** Phrases that mention a fee only to promise there is none ("无押金", "不收任何费用"). */
const DENIALS = /(无|免|免收|无需|不收|不收取|不需|不需要|不用|没有|不交|绝不收)(任何)?$/;

function normalise(text: string): string {
  return text.replace(/[\s\p{P}\p{S}]/gu, "");
}

/**
 * A term counts unless the words right before it deny it: "无押金" and "免培训费"
 * are what honest posts say, and must not be refused.
 */
function mentionsCharge(text: string, term: string): boolean {
  let from = text.indexOf(term);
  while (from !== -1) {
    const before = text.slice(Math.max(0, from - 4), from);
    if (!DENIALS.test(before)) return true;
    from = text.indexOf(term, from + term.length);
  }
  return false;
}

export function screenForUpfrontFees(...texts: string[]): ScreeningResult {
  const text = normalise(texts.join("\n"));
  const terms = UPFRONT_FEE_TERMS.filter((term) => mentionsCharge(text, term));
  return { ok: terms.length === 0, terms };
}
