import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { directionOf, firstUnknownTag, RATING_TAGS } from "./rating-tags.ts";

describe("rating tags", () => {
  it("each side has five tags, some of them warnings", () => {
    for (const direction of ["worker_to_employer", "employer_to_worker"] as const) {
      const mine = RATING_TAGS.filter((t) => t.direction === direction);
      assert.equal(mine.length, 5);
      assert.ok(mine.some((t) => t.negative));
    }
  });

  it("a worker rates the employer with the employer's tags, not the worker's", () => {
    assert.equal(directionOf("worker"), "worker_to_employer");
    assert.equal(firstUnknownTag("worker_to_employer", ["按时结算", "拖欠工资"]), null);
    assert.equal(firstUnknownTag("worker_to_employer", ["按时结算", "准时"]), "准时");
    assert.equal(firstUnknownTag("employer_to_worker", ["技术好", "迟到"]), null);
    assert.equal(firstUnknownTag("employer_to_worker", ["好人"]), "好人");
  });
});
