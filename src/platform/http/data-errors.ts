/**
 * The safety net under input validation: a value the database refuses as data (SQLSTATE class 22:
 * out of range, bad date, NUL or bad encoding in text, invalid text representation, ...) was the
 * caller's bad input, so it is a 400, not a 500. Validation at the edge should catch these first.
 */
import type { AppError } from "../errors.ts";
import { httpErrors } from "./http.errors.ts";

interface DatabaseErrorLike {
  code?: unknown;
  cause?: unknown;
}

/** The SQLSTATE of a database error, looking through Drizzle's wrapping (`cause`). */
export function sqlStateOf(error: unknown): string | null {
  let current = error as DatabaseErrorLike | undefined;
  for (let depth = 0; current && depth < 4; depth++) {
    if (typeof current.code === "string" && /^[0-9A-Z]{5}$/.test(current.code)) return current.code;
    current = current.cause as DatabaseErrorLike | undefined;
  }
  return null;
}

/** `value_out_of_range` for a data exception, or null for any other error. */
export function dataErrorToAppError(error: unknown): AppError | null {
  return sqlStateOf(error)?.startsWith("22") ? httpErrors.value_out_of_range() : null;
}
