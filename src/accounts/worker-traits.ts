/**
 * A worker's traits as the bureau counts them (sex, age, education) and as employers ask for
 * them, and how they are read from what a worker or a clerk enters: a date of birth, or the
 * resident ID number (公民身份号码, GB 11643-1999), whose birth date and sex digit are checked
 * against the rest. Pure: no I/O; the services turn a `TraitProblem` into an error.
 */
import { createHmac } from "node:crypto";
import { isValidIdNumber } from "./identity-codes.ts";

export type Sex = "male" | "female";

/**
 * The five levels of the official tables (文化程度): 小学及以下, 初中, 高中/中专 (technical
 * schools counted with senior middle school, as the MOHRSS tables do), 大专, 本科及以上.
 */
export const EDUCATION_LEVELS = ["primary", "junior", "senior", "college", "bachelor_plus"] as const;
export type EducationLevel = (typeof EDUCATION_LEVELS)[number];

/** Certificates employers ask for most; a worker may add others as free text. */
export const CERTIFICATES = [
  "electrician",
  "welder",
  "health",
  "forklift",
  "work_at_height",
  "driving_c1",
  "driving_b2",
  "cook",
  "elderly_care",
  "childcare",
  "housekeeping",
  "security_guard",
] as const;
export type Certificate = (typeof CERTIFICATES)[number];

/** The youngest age at which a person may be registered for work (劳动法 第十五条). */
export const MINIMUM_WORKING_AGE = 16;

export interface IdNumberFacts {
  /** yyyy-mm-dd */
  birthDate: string;
  sex: Sex;
}

/** Upper-cases the check character; the rest must already be digits. */
export function normaliseIdNumber(id: string): string {
  return id.trim().toUpperCase();
}

function isCalendarDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * What an 18-character ID number says about its holder, or null when it is not a valid number:
 * a wrong check character (ISO 7064 MOD 11-2), or a birth date that is not a day of the calendar.
 * The 17th character (the sequence's last digit) is odd for men and even for women.
 */
export function readIdNumber(raw: string): IdNumberFacts | null {
  const id = normaliseIdNumber(raw);
  if (!isValidIdNumber(id)) return null;
  const [year, month, day] = [id.slice(6, 10), id.slice(10, 12), id.slice(12, 14)].map(Number);
  if (year < 1900 || !isCalendarDate(year, month, day)) return null;
  return {
    birthDate: `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`,
    sex: Number(id[16]) % 2 === 1 ? "male" : "female",
  };
}

/** Whole years from a yyyy-mm-dd birth date to a yyyy-mm-dd day. */
export function ageOn(birthDate: string, day: string): number {
  const [by, bm, bd] = birthDate.split("-").map(Number);
  const [y, m, d] = day.split("-").map(Number);
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

export interface StatedTraits {
  idNumber?: string | null;
  birthDate?: string | null;
  birthYear?: number | null;
  sex?: Sex | null;
  /** What the ID number already on file says, when no new number is given. */
  idOnFile?: IdNumberFacts | null;
}

export interface ResolvedTraits {
  birthDate: string | null;
  birthYear: number | null;
  sex: Sex | null;
  /** The ID number's facts, when one was given (or is on file) and is valid. */
  fromIdNumber: IdNumberFacts | null;
}

export type TraitProblem =
  | "id_number_invalid"
  | "id_number_mismatch"
  | "birth_mismatch"
  | "under_working_age";

/**
 * One consistent set of traits from what was entered, or the problem with it. The ID number,
 * when given, decides the birth date and the sex; a date or sex entered beside it must agree, so
 * a typo in either is caught at the counter instead of skewing the bureau's age tables.
 * `today` is the local day (yyyy-mm-dd) the age is checked on.
 */
export function resolveTraits(
  stated: StatedTraits,
  today: string,
): { ok: true; traits: ResolvedTraits } | { ok: false; problem: TraitProblem } {
  const fromIdNumber = stated.idNumber ? readIdNumber(stated.idNumber) : (stated.idOnFile ?? null);
  if (stated.idNumber && !fromIdNumber) return { ok: false, problem: "id_number_invalid" };
  const birthDate = fromIdNumber?.birthDate ?? stated.birthDate ?? null;
  const sex = fromIdNumber?.sex ?? stated.sex ?? null;
  if (fromIdNumber) {
    const dateDiffers = stated.birthDate && stated.birthDate !== fromIdNumber.birthDate;
    const sexDiffers = stated.sex && stated.sex !== fromIdNumber.sex;
    if (dateDiffers || sexDiffers) return { ok: false, problem: "id_number_mismatch" };
  }
  const yearOfDate = birthDate ? Number(birthDate.slice(0, 4)) : null;
  if (yearOfDate !== null && stated.birthYear && stated.birthYear !== yearOfDate) {
    return { ok: false, problem: fromIdNumber ? "id_number_mismatch" : "birth_mismatch" };
  }
  const birthYear = yearOfDate ?? stated.birthYear ?? null;
  const tooYoung = birthDate
    ? ageOn(birthDate, today) < MINIMUM_WORKING_AGE
    : birthYear !== null && Number(today.slice(0, 4)) - birthYear < MINIMUM_WORKING_AGE;
  if (tooYoung) return { ok: false, problem: "under_working_age" };
  return { ok: true, traits: { birthDate, birthYear, sex, fromIdNumber } };
}

/**
 * Skills and certificates as stored: each entry trimmed, once, in the order given. Free text is
 * kept beside the listed certificate codes because a clerk must be able to write what is on the card.
 */
export function distinctEntries(values: readonly string[]): string[] {
  return [...new Set(values.map((v) => v.trim()).filter((v) => v.length > 0))];
}

/**
 * The key under which a worker's ID number is kept for finding a second registration of the same
 * person: an HMAC with the deployment's secret, so a copy of the database alone cannot be searched
 * for a known number or turned back into numbers (decision 0012).
 */
export function idNumberDigest(pepper: string, idNumber: string): string {
  return createHmac("sha256", pepper)
    .update(`id:${normaliseIdNumber(idNumber)}`)
    .digest("hex");
}
