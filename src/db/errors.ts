/**
 * What a failed database call means, read from the driver's error: its SQLSTATE, or for
 * errors without one (a socket reset, a pool timeout) the Node.js code or node-postgres's
 * message. Drizzle wraps driver errors in DrizzleQueryError, so the cause chain is searched.
 */

interface DriverError {
  code?: unknown;
  message?: unknown;
  cause?: unknown;
}

/** SQLSTATEs that say the connection, or the server behind it, went away. */
const CONNECTION_STATES = new Set([
  "57P01", // admin_shutdown: pg_terminate_backend, a fast shutdown
  "57P02", // crash_shutdown
  "57P03", // cannot_connect_now: starting up, in recovery
  "08000", // connection_exception
  "08001", // sqlclient_unable_to_establish_sqlconnection
  "08003", // connection_does_not_exist
  "08004", // sqlserver_rejected_establishment_of_sqlconnection
  "08006", // connection_failure
  "25006", // read_only_sql_transaction: reached a standby after a failover
  "53300", // too_many_connections
]);

/** Socket errors: the server is down, restarting, or the network between is cut. */
const SOCKET_CODES = new Set([
  "ECONNRESET",
  "ECONNREFUSED",
  "ECONNABORTED",
  "EPIPE",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
]);

/** node-postgres and pg-pool raise these without a code. */
const CONNECTION_MESSAGES = [
  "Connection terminated",
  "Client has encountered a connection error and is not queryable",
  "timeout exceeded when trying to connect",
  "Connection timeout",
  "Cannot use a pool after calling end on the pool",
];

/** SQLSTATEs after which running the whole transaction again may well succeed. */
const RETRYABLE_STATES = new Set([
  "40001", // serialization_failure
  "40P01", // deadlock_detected
]);

/** The error and its causes, innermost last (bounded: causes can loop). */
function chain(error: unknown): DriverError[] {
  const found: DriverError[] = [];
  for (let e = error; e && typeof e === "object" && found.length < 5; e = (e as DriverError).cause) {
    found.push(e as DriverError);
  }
  return found;
}

/** Five characters with a digit: a SQLSTATE, not a Node.js code such as EPERM. */
const SQLSTATE = /^(?=.*\d)[0-9A-Z]{5}$/;

/** The first SQLSTATE found on the error or its causes. */
export function sqlStateOf(error: unknown): string | undefined {
  for (const e of chain(error)) {
    if (typeof e.code === "string" && SQLSTATE.test(e.code)) return e.code;
  }
  return undefined;
}

/** Whether the database could not be reached or the connection was lost mid-request. */
export function isConnectionFailure(error: unknown): boolean {
  return chain(error).some((e) => {
    const code = typeof e.code === "string" ? e.code : "";
    const message = typeof e.message === "string" ? e.message : "";
    return (
      CONNECTION_STATES.has(code) ||
      SOCKET_CODES.has(code) ||
      CONNECTION_MESSAGES.some((text) => message.startsWith(text))
    );
  });
}

/** A serialization failure or a deadlock: the transaction lost a race and may run again. */
export function isRetryableConflict(error: unknown): boolean {
  const state = sqlStateOf(error);
  return state !== undefined && RETRYABLE_STATES.has(state);
}
