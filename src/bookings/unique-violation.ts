/**
 * Whether a database error is a unique-constraint violation (SQLSTATE 23505) on the named
 * index. Drizzle wraps driver errors in DrizzleQueryError, so the code may sit on `cause`.
 */
interface PgLikeError {
  code?: string;
  constraint?: string;
  message?: string;
  cause?: unknown;
}

export function isUniqueViolation(error: unknown, indexName: string): boolean {
  for (
    let e = error as PgLikeError | undefined, depth = 0;
    e && depth < 4;
    e = e.cause as PgLikeError, depth++
  ) {
    if (e.code === "23505") return e.constraint === indexName || (e.message ?? "").includes(indexName);
  }
  return false;
}
