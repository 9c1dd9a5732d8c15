import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { PGlite } from "@electric-sql/pglite";
import { takingTurns } from "./pglite-turns.ts";

describe("the embedded database takes turns with the event loop", () => {
  let client: PGlite;
  before(async () => {
    client = new PGlite();
    await client.waitReady;
    await client.exec("create table seen (n int)");
  });
  after(() => client.close());

  it("a queue of statements lets a timer run between them instead of after all of them", async () => {
    const turns = takingTurns(client);
    let done = 0;
    let doneWhenTimerRan = -1;
    const queue = Array.from({ length: 20 }, () => turns.query("select 1").then(() => done++));
    setTimeout(() => {
      doneWhenTimerRan = done;
    }, 0);
    await Promise.all(queue);
    assert.ok(doneWhenTimerRan >= 0 && doneWhenTimerRan < 20, `timer ran after ${doneWhenTimerRan}`);
  });

  it("statements run in the order asked, and a failed one does not stop the queue", async () => {
    const turns = takingTurns(client);
    await turns.exec("delete from seen");
    const asked = [
      turns.query("insert into seen values (1)"),
      turns.query("insert into nowhere values (2)"),
      turns.transaction(async (tx) => {
        await tx.query("insert into seen values (3)");
        await tx.query("insert into seen values (4)");
      }),
      turns.query("insert into seen values (5)"),
    ];
    const settled = await Promise.allSettled(asked);
    assert.deepEqual(
      settled.map((s) => s.status),
      ["fulfilled", "rejected", "fulfilled", "fulfilled"],
    );
    const { rows } = await turns.query<{ n: number }>("select n from seen order by n");
    assert.deepEqual(
      rows.map((r) => r.n),
      [1, 3, 4, 5],
    );
  });

  it("a transaction that throws is rolled back", async () => {
    const turns = takingTurns(client);
    await turns.exec("delete from seen");
    await assert.rejects(
      turns.transaction(async (tx) => {
        await tx.query("insert into seen values (7)");
        throw new Error("refused");
      }),
      /refused/,
    );
    const { rows } = await turns.query("select n from seen");
    assert.equal(rows.length, 0);
  });
});
