/**
 * What an employer may ask of the worker for a gig (用工要求): sex, an age band, the lowest
 * education accepted. Each is "any" (无要求) unless stated. The values follow the official
 * supply-and-demand tables, which break demand down by them with a 无要求 column; the bands are
 * finer above 45 than the tables' "45+" (both 45-54 and 55+ count there) because employers of
 * heavy work ask for "under 55".
 *
 * They inform; they do not exclude. Matching still shows a gig to every worker and lists every
 * worker for a gig: a requirement of sex or age is often unlawful as a bar (就业促进法 第二十七条
 * forbids refusing women except for work the state lists), and many posts state them out of habit.
 */
import { EDUCATION_LEVELS } from "../accounts/worker-traits.ts";

export const REQUIRED_SEXES = ["any", "male", "female"] as const;
export type RequiredSex = (typeof REQUIRED_SEXES)[number];

export const REQUIRED_AGE_BANDS = ["any", "16-24", "25-34", "35-44", "45-54", "55+"] as const;
export type RequiredAgeBand = (typeof REQUIRED_AGE_BANDS)[number];

export const REQUIRED_EDUCATIONS = ["any", ...EDUCATION_LEVELS] as const;
export type RequiredEducation = (typeof REQUIRED_EDUCATIONS)[number];
