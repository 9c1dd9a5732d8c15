import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { amountDueFen, type PayInput, shiftsInWindow } from "./pay.ts";

/** Local Asia/Shanghai wall time as a UTC instant. */
const local = (isoLocal: string) => new Date(`${isoLocal}+08:00`);

function pay(overrides: Partial<PayInput>): number | null {
  return amountDueFen({
    payUnit: "day",
    payFen: 200_00,
    startsAt: local("2030-03-04T08:00:00"),
    endsAt: local("2030-03-04T17:00:00"),
    minutes: 9 * 60,
    pieces: null,
    ...overrides,
  });
}

describe("the pay due for a shift", () => {
  it("hour pay is the rate times the minutes, rounded to the fen", () => {
    assert.equal(pay({ payUnit: "hour", payFen: 25_50, minutes: 440 }), 187_00);
    // ¥33.33/h for 10 minutes = 555.5 fen → 556
    assert.equal(pay({ payUnit: "hour", payFen: 33_33, minutes: 10 }), 556);
    assert.equal(pay({ payUnit: "hour", payFen: 30_00, minutes: 0 }), 0);
  });

  it("piece pay is the rate times the pieces, and unknown until the pieces are counted", () => {
    assert.equal(pay({ payUnit: "piece", payFen: 80, pieces: 1250 }), 1000_00);
    assert.equal(pay({ payUnit: "piece", payFen: 80, pieces: null }), null);
  });

  it("a day's work earns the day's pay, however long the day", () => {
    assert.equal(pay({ minutes: 9 * 60 }), 200_00);
    assert.equal(pay({ minutes: 4 * 60 }), 200_00);
  });

  it("a worker sent home after under 4 hours of a one-day gig earns half a day", () => {
    assert.equal(pay({ minutes: 4 * 60 - 1 }), 100_00);
    assert.equal(pay({ minutes: 0 }), 100_00);
    assert.equal(pay({ payFen: 155_55, minutes: 60 }), 77_78);
  });

  it("a three-day gig pays the days the worker stayed for", () => {
    const threeDays = { startsAt: local("2030-03-04T08:00:00"), endsAt: local("2030-03-06T17:00:00") };
    assert.equal(shiftsInWindow(threeDays.startsAt, threeDays.endsAt), 3);
    assert.equal(pay({ ...threeDays, minutes: 57 * 60 }), 600_00);
    assert.equal(pay({ ...threeDays, minutes: 33 * 60 }), 400_00, "left on the second evening");
    assert.equal(pay({ ...threeDays, minutes: 3 * 60 }), 100_00, "sent home on the first morning");
  });

  it("a night shift across local midnight is one shift and pays one day", () => {
    const night = { startsAt: local("2030-03-04T22:00:00"), endsAt: local("2030-03-05T06:00:00") };
    assert.equal(shiftsInWindow(night.startsAt, night.endsAt), 1);
    assert.equal(pay({ ...night, minutes: 8 * 60 }), 200_00);
  });

  it("overtime on a one-day gig does not make it two days", () => {
    assert.equal(pay({ minutes: 11 * 60 }), 200_00);
  });
});
