import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  dailyEquivalentFen,
  payWithinBounds,
  shanghaiDayRange,
  shanghaiYear,
  timeWindowProblem,
} from "./gig.rules.ts";

const now = new Date("2024-05-01T00:00:00Z");
const at = (iso: string) => new Date(iso);

describe("a gig's time window", () => {
  it("must start in the future and end after its start", () => {
    assert.equal(
      timeWindowProblem(at("2024-04-30T23:00:00Z"), at("2024-05-01T08:00:00Z"), now),
      "starts_in_past",
    );
    assert.equal(
      timeWindowProblem(at("2024-05-02T08:00:00Z"), at("2024-05-02T08:00:00Z"), now),
      "ends_before_start",
    );
    assert.equal(timeWindowProblem(at("2024-05-02T00:00:00Z"), at("2024-05-02T08:00:00Z"), now), null);
  });

  it("lasts at most 31 days", () => {
    assert.equal(timeWindowProblem(at("2024-05-02T00:00:00Z"), at("2024-06-02T00:00:00Z"), now), null);
    assert.equal(timeWindowProblem(at("2024-05-02T00:00:00Z"), at("2024-06-02T00:00:01Z"), now), "too_long");
  });
});

describe("pay", () => {
  it("compares hourly pay as eight hours a day and leaves piece pay out", () => {
    assert.equal(dailyEquivalentFen(250_00, "day"), 250_00);
    assert.equal(dailyEquivalentFen(25_00, "hour"), 200_00);
    assert.equal(dailyEquivalentFen(50, "piece"), null);
  });

  it("refuses yuan typed as fen and absurd amounts", () => {
    assert.equal(payWithinBounds(200, "day"), false);
    assert.equal(payWithinBounds(200_00, "day"), true);
    assert.equal(payWithinBounds(2_000_00, "hour"), false);
  });
});

describe("the local day in Asia/Shanghai", () => {
  it("runs from 16:00 UTC the day before", () => {
    const { from, to } = shanghaiDayRange("2024-05-01");
    assert.equal(from.toISOString(), "2024-04-30T16:00:00.000Z");
    assert.equal(to.toISOString(), "2024-05-01T16:00:00.000Z");
  });

  it("turns the year at 16:00 UTC on 31 December", () => {
    assert.equal(shanghaiYear(at("2024-12-31T15:59:00Z")), 2024);
    assert.equal(shanghaiYear(at("2024-12-31T16:00:00Z")), 2025);
  });
});
