import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Db, Tx } from "./client.ts";
import { inTransaction, TRANSACTION_ATTEMPTS } from "./transaction.ts";

/** A database whose transactions fail with the given errors, one per attempt, then succeed. */
function databaseFailingWith(errors: unknown[]): { db: Db; attempts: () => number } {
  let attempts = 0;
  const db = {
    transaction: async <T>(work: (tx: Tx) => Promise<T>): Promise<T> => {
      const error = errors[attempts];
      attempts += 1;
      if (error) throw error;
      return work({} as Tx);
    },
  } as unknown as Db;
  return { db, attempts: () => attempts };
}

const deadlock = Object.assign(new Error("deadlock detected"), { code: "40P01" });
const serialization = Object.assign(new Error("could not serialize access"), { code: "40001" });

describe("a transaction that loses a lock race runs again", () => {
  it("a deadlock and a serialization failure are retried, and the third attempt commits", async () => {
    const { db, attempts } = databaseFailingWith([deadlock, serialization]);
    assert.equal(await inTransaction(db, async () => "booked"), "booked");
    assert.equal(attempts(), 3);
  });

  it("gives up after a bounded number of attempts and lets the conflict through", async () => {
    const { db, attempts } = databaseFailingWith(Array(10).fill(deadlock));
    await assert.rejects(
      inTransaction(db, async () => "never"),
      /deadlock/,
    );
    assert.equal(attempts(), TRANSACTION_ATTEMPTS);
  });

  it("any other failure is not retried", async () => {
    const { db, attempts } = databaseFailingWith([new Error("gig_full")]);
    await assert.rejects(
      inTransaction(db, async () => "never"),
      /gig_full/,
    );
    assert.equal(attempts(), 1);
  });
});
