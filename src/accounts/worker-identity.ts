/**
 * Turns the birth, sex and ID number a worker or a clerk entered into the profile's columns:
 * checked against each other (worker-traits.ts), the ID number kept only as a digest and a
 * masked form (decision 0012). Shared by the worker's own profile and the station's registration.
 */
import { isUniqueViolation } from "../bookings/unique-violation.ts";
import { localDay } from "../monitoring/periods.ts";
import type { AppContext } from "../platform/context.ts";
import { maskIdNumber } from "../privacy/mask.ts";
import { accountErrors } from "./accounts.errors.ts";
import type { WorkerProfileRow } from "./profile.repository.ts";
import { idNumberDigest, normaliseIdNumber, resolveTraits, type StatedTraits } from "./worker-traits.ts";

export interface IdentityValues {
  sex: "male" | "female" | null;
  birthYear: number | null;
  birthDate: string | null;
  /** Present only when the ID number changes: absent keeps the one on file. */
  idNumberDigest?: string | null;
  idNumberMasked?: string | null;
}

/** What the ID number on file says: its birth date and sex were taken from it when it was given. */
function idOnFile(row: WorkerProfileRow | null) {
  if (!row?.idNumberMasked || !row.birthDate || !row.sex) return null;
  return { birthDate: row.birthDate, sex: row.sex };
}

export function identityValues(
  ctx: AppContext,
  stated: StatedTraits,
  onFile: WorkerProfileRow | null = null,
): IdentityValues {
  const keepsId = stated.idNumber === undefined;
  const result = resolveTraits(
    { ...stated, idOnFile: keepsId ? idOnFile(onFile) : null },
    localDay(ctx.clock.now()),
  );
  if (!result.ok) throw accountErrors[result.problem]();
  const { birthDate, birthYear, sex } = result.traits;
  if (keepsId) return { sex, birthYear, birthDate };
  const id = stated.idNumber ? normaliseIdNumber(stated.idNumber) : null;
  return {
    sex,
    birthYear,
    birthDate,
    idNumberDigest: id ? idNumberDigest(ctx.config.idNumberPepper, id) : null,
    idNumberMasked: id ? maskIdNumber(id) : null,
  };
}

/** A second profile with the same ID number, lost in a race with the check: the same 409. */
export function isIdNumberTaken(error: unknown): boolean {
  return isUniqueViolation(error, "worker_profiles_city_id_number");
}
