import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { distanceMetres } from "../gigs/geography.ts";
import {
  type CheckInGig,
  decideCheckIn,
  decideCheckOut,
  measuredMinutes,
  minutesLate,
  sameCode,
} from "./check-in.rules.ts";

const gig: CheckInGig = {
  lat: 32.188365,
  lng: 119.421007,
  startsAt: new Date("2030-03-04T00:00:00Z"), // 08:00 in Zhenjiang
  endsAt: new Date("2030-03-04T09:00:00Z"),
  checkInCode: "482913",
};
const at = (minutesFromStart: number) => new Date(gig.startsAt.getTime() + minutesFromStart * 60_000);
const RADIUS = 500;

describe("great-circle distance, worked examples", () => {
  it("one degree of latitude is about 111.2 km", () => {
    assert.equal(Math.round(distanceMetres({ lat: 0, lng: 0 }, { lat: 1, lng: 0 })), 111_195);
  });
  it("from 润州区 to 京口区 centre is about 20.3 km", () => {
    const km = distanceMetres(gig, { lat: 32.184713, lng: 119.636307 }) / 1000;
    assert.equal(Math.round(km * 10) / 10, 20.3);
  });
});

describe("checking in", () => {
  it("a worker 182 m from the gig checks in by location", () => {
    const decision = decideCheckIn(gig, RADIUS, at(-5), { lat: 32.19, lng: 119.421 });
    assert.deepEqual(decision, {
      ok: true,
      method: "location",
      point: { lat: 32.19, lng: 119.421 },
      distanceM: 182,
    });
  });

  it("a worker cannot check in 2 km away without the employer's code", () => {
    const decision = decideCheckIn(gig, RADIUS, at(0), { lat: 32.206, lng: 119.421 });
    assert.deepEqual(decision, { ok: false, reason: "too_far", distanceM: 1961, radiusM: 500 });
  });

  it("with the code, a worker whose phone puts them 2 km away checks in by code", () => {
    const decision = decideCheckIn(gig, RADIUS, at(0), { lat: 32.206, lng: 119.421, code: "482913" });
    assert.equal(decision.ok && decision.method, "code");
    assert.equal(decision.ok && decision.distanceM, 1961);
  });

  it("when location is denied the code alone is enough, and a wrong code is refused", () => {
    assert.deepEqual(decideCheckIn(gig, RADIUS, at(10), { code: "482913" }), {
      ok: true,
      method: "code",
      point: null,
      distanceM: null,
    });
    assert.deepEqual(decideCheckIn(gig, RADIUS, at(10), { code: "111111" }), {
      ok: false,
      reason: "wrong_code",
    });
  });

  it("a code typed with full-width digits or spaces still matches", () => {
    assert.equal(sameCode("４８２ ９１３", "482913"), true);
    assert.equal(sameCode("48291", "482913"), false);
  });

  it("a fix less precise than the radius cannot show the worker is there", () => {
    const decision = decideCheckIn(gig, RADIUS, at(0), { lat: 32.19, lng: 119.421, accuracyM: 800 });
    assert.deepEqual(decision, { ok: false, reason: "too_imprecise", accuracyM: 800, radiusM: 500 });
  });

  it("a worker 560 m away by a fix of ±80 m may be inside the 500 m circle, and checks in", () => {
    const fix = { lat: 32.193405, lng: 119.421007 };
    const decision = decideCheckIn(gig, RADIUS, at(0), { ...fix, accuracyM: 80 });
    assert.deepEqual(decision, { ok: true, method: "location", point: fix, distanceM: 560 });
    const exact = decideCheckIn(gig, RADIUS, at(0), { ...fix, accuracyM: 5 });
    assert.deepEqual(exact, { ok: false, reason: "too_far", distanceM: 560, radiusM: 500 });
  });

  it("no more than 100 m of the reported accuracy is credited: 700 m away at ±400 m is too far", () => {
    const decision = decideCheckIn(gig, RADIUS, at(0), { lat: 32.194665, lng: 119.421007, accuracyM: 400 });
    assert.deepEqual(decision, { ok: false, reason: "too_far", distanceM: 701, radiusM: 500 });
  });

  it("opens 60 minutes before the start and closes at the end", () => {
    const here = { lat: gig.lat, lng: gig.lng };
    const early = decideCheckIn(gig, RADIUS, at(-61), here);
    assert.equal(early.ok === false && early.reason, "not_open_yet");
    assert.equal(decideCheckIn(gig, RADIUS, at(-60), here).ok, true);
    assert.equal(decideCheckIn(gig, RADIUS, at(539), here).ok, true);
    assert.deepEqual(decideCheckIn(gig, RADIUS, at(540), here), { ok: false, reason: "closed" });
  });

  it("asks for a position or a code when neither is sent", () => {
    assert.deepEqual(decideCheckIn(gig, RADIUS, at(0), {}), { ok: false, reason: "proof_required" });
  });
});

describe("checking out", () => {
  it("a worker who came early cannot check out before the start, when nothing has been worked", () => {
    assert.deepEqual(decideCheckOut(gig, at(-30)), {
      ok: false,
      reason: "before_start",
      startsAt: gig.startsAt,
    });
    assert.deepEqual(decideCheckOut(gig, at(-1)), {
      ok: false,
      reason: "before_start",
      startsAt: gig.startsAt,
    });
  });

  it("from the start on, a worker may check out, sent home early or after the end", () => {
    assert.deepEqual(decideCheckOut(gig, at(0)), { ok: true });
    assert.deepEqual(decideCheckOut(gig, at(90)), { ok: true });
    assert.deepEqual(decideCheckOut(gig, at(600)), { ok: true });
  });
});

describe("minutes late and minutes measured", () => {
  it("arriving early is not late, and early minutes are not paid", () => {
    assert.equal(minutesLate(gig.startsAt, at(-30)), 0);
    assert.equal(minutesLate(gig.startsAt, at(17.5)), 17);
    assert.equal(measuredMinutes(gig.startsAt, at(-30), at(480)), 480);
    assert.equal(measuredMinutes(gig.startsAt, at(20), at(480)), 460);
  });
});
