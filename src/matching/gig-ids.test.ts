import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { describe, it } from "node:test";
import { GigIds } from "./gig-ids.ts";

describe("the gig index's ids", () => {
  it("finds each of 20,000 gigs by its UUID and spells the UUID back, through every table growth", () => {
    const ids = new GigIds();
    const given = Array.from({ length: 20_000 }, () => randomUUID());
    ids.reserve(given.length);
    for (const [row, id] of given.entries()) ids.set(row, id);
    for (const [row, id] of given.entries()) {
      assert.equal(ids.rowOf(id), row);
      assert.equal(ids.idOf(row), id);
    }
    assert.equal(ids.rowOf(randomUUID()), undefined);
  });

  it("forgets a closed gig, and its row can carry the next gig posted", () => {
    const ids = new GigIds();
    ids.reserve(3_000);
    const first = Array.from({ length: 3_000 }, () => randomUUID());
    for (const [row, id] of first.entries()) ids.set(row, id);
    const next = first.map(() => randomUUID());
    for (const [row, id] of next.entries()) {
      ids.delete(row);
      ids.set(row, id);
    }
    for (const id of first) assert.equal(ids.rowOf(id), undefined);
    for (const [row, id] of next.entries()) assert.equal(ids.rowOf(id), row);
  });

  it("keeps ids that are not lower-case UUIDs as they were given", () => {
    const ids = new GigIds();
    ids.reserve(2);
    const upper = randomUUID().toUpperCase();
    ids.set(0, "g7");
    ids.set(1, upper);
    assert.equal(ids.idOf(0), "g7");
    assert.equal(ids.rowOf(upper), 1);
    ids.delete(0);
    assert.equal(ids.rowOf("g7"), undefined);
  });

  it("orders two rows as their ids sort as strings, UUIDs and other ids alike", () => {
    const ids = new GigIds();
    // Words with the top bit set, and ids equal but for their last digit, are the cases to get right.
    const given = [
      ...Array.from({ length: 200 }, () => randomUUID()),
      "ffffffff-ffff-4fff-bfff-fffffffffff0",
      "ffffffff-ffff-4fff-bfff-fffffffffff1",
      "00000000-0000-4000-8000-000000000000",
      "gig-a",
      "Gig-B",
    ];
    ids.reserve(given.length);
    for (const [row, id] of given.entries()) ids.set(row, id);
    const sign = (n: number) => Math.sign(n);
    for (let a = 0; a < given.length; a++)
      for (const b of [0, 7, 200, 201, 202, 203, 204, a])
        assert.equal(
          sign(ids.compare(a, b)),
          given[a] < given[b] ? -1 : given[a] > given[b] ? 1 : 0,
          `${given[a]} against ${given[b]}`,
        );
  });
});
