import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  afterFailure,
  backoffMs,
  DEFAULT_MESSAGE_RULES,
  localDayStart,
  MAX_ATTEMPTS,
  quietUntil,
} from "./delivery.rules.ts";

/** A Shanghai local time as a UTC instant. */
const local = (iso: string) => new Date(`${iso}+08:00`);

describe("delivery rules", () => {
  it("quiet hours 22:00–07:00 hold a message until seven the next morning", () => {
    assert.deepEqual(
      quietUntil(local("2030-03-05T22:30:00"), DEFAULT_MESSAGE_RULES),
      local("2030-03-06T07:00:00"),
    );
    assert.deepEqual(
      quietUntil(local("2030-03-06T03:00:00"), DEFAULT_MESSAGE_RULES),
      local("2030-03-06T07:00:00"),
    );
    assert.equal(quietUntil(local("2030-03-06T07:00:00"), DEFAULT_MESSAGE_RULES), null);
    assert.equal(quietUntil(local("2030-03-05T21:59:00"), DEFAULT_MESSAGE_RULES), null);
  });

  it("a city may keep a quiet window that does not cross midnight, or none", () => {
    const lunch = { quietFromHour: 12, quietToHour: 14 };
    assert.deepEqual(quietUntil(local("2030-03-05T12:10:00"), lunch), local("2030-03-05T14:00:00"));
    assert.equal(quietUntil(local("2030-03-05T14:10:00"), lunch), null);
    assert.equal(quietUntil(local("2030-03-05T23:00:00"), { quietFromHour: 0, quietToHour: 0 }), null);
  });

  it("retries back off from 30 s, doubling, and a message is dead after the last attempt", () => {
    assert.deepEqual([1, 2, 3, 4].map(backoffMs), [30_000, 60_000, 120_000, 240_000]);
    assert.equal(backoffMs(20), 3_600_000);
    const now = local("2030-03-05T10:00:00");
    assert.deepEqual(afterFailure(1, now), { status: "failed", retryAt: new Date(now.getTime() + 30_000) });
    assert.deepEqual(afterFailure(MAX_ATTEMPTS, now), { status: "dead" });
  });

  it("the SMS day starts at local midnight", () => {
    assert.deepEqual(localDayStart(local("2030-03-05T00:30:00")), local("2030-03-05T00:00:00"));
    assert.deepEqual(localDayStart(local("2030-03-05T23:59:00")), local("2030-03-05T00:00:00"));
  });
});
