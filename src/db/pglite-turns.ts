/**
 * PGlite runs PostgreSQL inside this process, on the event loop's own thread: a statement blocks
 * everything else while it runs, and its answer comes back as a resolved promise. When requests
 * queue for it (PGlite takes one statement or transaction at a time), each one's turn starts in
 * the microtask that ended the previous one, so the whole queue is worked off without the event
 * loop ever reaching the network: under load it stalled for half a second at a time, requests
 * already sent waited unread, and clients timed out (the morning rush, bench/results/rush.md).
 *
 * This wrapper gives the event loop back between statements: one caller at a time, in the order
 * they asked, each turn (a statement, or a whole transaction) starting in its own macrotask after
 * pending I/O, and the statements inside a transaction each starting in a macrotask too. A stall is
 * then at most one statement long. Nothing else changes: the same client, statements and order.
 */
import { setImmediate as nextMacrotask } from "node:timers/promises";
import type { PGlite, Transaction } from "@electric-sql/pglite";

type Query = PGlite["query"];
type Exec = PGlite["exec"];

/** The part of PGlite the query builder and `Database.exec` use, taking turns. */
export interface TurnTakingClient {
  query: Query;
  exec: Exec;
  transaction<T>(work: (tx: Transaction) => Promise<T>): Promise<T>;
}

/** A transaction whose statements each wait for the next macrotask. */
function yieldingTransaction(tx: Transaction): Transaction {
  const query: Query = async (...args) => {
    await nextMacrotask();
    return tx.query(...args);
  };
  const exec: Exec = async (...args) => {
    await nextMacrotask();
    return tx.exec(...args);
  };
  return new Proxy(tx, {
    get: (target, key, receiver) =>
      key === "query" ? query : key === "exec" ? exec : Reflect.get(target, key, receiver),
  });
}

export function takingTurns(client: PGlite): TurnTakingClient {
  let last: Promise<unknown> = Promise.resolve();
  /** Runs `work` after every turn asked for before it, starting in a fresh macrotask. */
  function turn<T>(work: () => Promise<T>): Promise<T> {
    const mine = last.then(async () => {
      await nextMacrotask();
      return work();
    });
    last = mine.catch(() => undefined);
    return mine;
  }
  return {
    query: ((...args: Parameters<Query>) => turn(() => client.query(...args))) as Query,
    exec: (...args) => turn(() => client.exec(...args)),
    transaction: (work) => turn(() => client.transaction((tx) => work(yieldingTransaction(tx)))),
  };
}
