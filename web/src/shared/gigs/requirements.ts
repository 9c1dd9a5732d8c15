/** A gig's requirements of the worker (sex, age band, lowest education) in words; 无要求 is left out. */
import type { TFunction } from "i18next";
import type { Gig } from "../api-types.ts";

export function requirementWords(t: TFunction, gig: Gig): string[] {
  return [
    gig.requiredSex === "any" ? null : t(`requirement.sexValue.${gig.requiredSex}`),
    gig.requiredAgeBand === "any" ? null : t(`requirement.ageBandValue.${gig.requiredAgeBand}`),
    gig.requiredEducation === "any" ? null : t(`requirement.educationValue.${gig.requiredEducation}`),
  ].filter((word): word is string => word !== null);
}

/** "限女性 · 45–54 岁", or "无要求". */
export function requirementLine(t: TFunction, gig: Gig): string {
  const words = requirementWords(t, gig);
  return words.length > 0 ? words.join(" · ") : t("requirement.any");
}
