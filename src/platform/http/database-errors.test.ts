import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { classifyDatabaseError } from "./database-errors.ts";

/** What node-postgres raises for a server error: a message and a SQLSTATE in `code`. */
function pgError(code: string, message = "server error"): Error {
  return Object.assign(new Error(message), { code, severity: "FATAL" });
}

/** Drizzle wraps every driver error in one of its own, with the driver's as `cause`. */
function wrapped(cause: unknown): Error {
  return Object.assign(new Error("Failed query: select 1\nparams: "), { cause });
}

describe("database errors as the caller sees them", () => {
  it("a connection cut by the server (pg_terminate_backend, failover) is 503 database_unavailable", () => {
    for (const state of ["57P01", "57P02", "57P03", "08000", "08001", "08003", "08006"]) {
      const error = classifyDatabaseError(wrapped(pgError(state)));
      assert.equal(error?.code, "database_unavailable", state);
      assert.equal(error?.status, 503);
      assert.ok(Number(error?.params.retryAfterSeconds) > 0, "tells the client when to retry");
    }
  });

  it("a dead socket, a refused connection and node-postgres's own messages are 503 too", () => {
    const dead = [
      Object.assign(new Error("read ECONNRESET"), { code: "ECONNRESET" }),
      Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" }),
      new Error("Connection terminated unexpectedly"),
      new Error("Client has encountered a connection error and is not queryable"),
      new Error("timeout exceeded when trying to connect"),
    ];
    for (const error of dead) {
      assert.equal(classifyDatabaseError(wrapped(error))?.code, "database_unavailable", error.message);
    }
  });

  it("a deadlock or serialization failure that outlived its retries is the caller's 409 conflict", () => {
    assert.equal(classifyDatabaseError(wrapped(pgError("40P01", "deadlock detected")))?.status, 409);
    assert.equal(classifyDatabaseError(pgError("40001"))?.code, "conflict");
  });

  it("leaves programming errors and other database errors alone", () => {
    assert.equal(classifyDatabaseError(new TypeError("cannot read properties of undefined")), undefined);
    assert.equal(classifyDatabaseError(wrapped(pgError("42P01", 'relation "x" does not exist'))), undefined);
    assert.equal(
      classifyDatabaseError(Object.assign(new Error("not permitted"), { code: "EPERM" })),
      undefined,
    );
    assert.equal(classifyDatabaseError(undefined), undefined);
  });
});
