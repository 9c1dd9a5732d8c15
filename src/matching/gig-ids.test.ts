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
});
