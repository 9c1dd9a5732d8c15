import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { explainPair } from "./explain.ts";
import { toRadians } from "./geo.ts";
import { type GigFacts, NOT_A_MATCH, scorePair, type WorkerFacts } from "./score.ts";

const CLEANING = 0;
const LOADING = 1;
const cleaning = { zh: "保洁", en: "Cleaning" };
const NOW = Date.parse("2024-03-04T00:00:00Z"); // Monday 08:00 in Zhenjiang
const HOUR = 3_600_000;

function worker(over: Partial<WorkerFacts> = {}): WorkerFacts {
  const lat = toRadians(32.2);
  return {
    latRad: lat,
    lngRad: toRadians(119.45),
    cosLat: Math.cos(lat),
    rangeKm: 10,
    categories: [CLEANING],
    anyCategory: false,
    doneByCategory: new Map(),
    availability: { weekdayMask: 0b0111110, fromMin: 8 * 60, toMin: 18 * 60 },
    expectedDailyPayFen: 20_000,
    busy: [],
    completed: 0,
    noShow: 0,
    lateCancel: 0,
    ratingSum: 0,
    ratingCount: 0,
    recentBookings: 0,
    activeAtMs: NOW,
    ...over,
  };
}

/** A cleaning gig `km` kilometres north of the worker, tomorrow 09:00–17:00 local time. */
function gig(km: number, over: Partial<GigFacts> = {}): GigFacts {
  const lat = toRadians(32.2 + km / 111.195);
  return {
    latRad: lat,
    lngRad: toRadians(119.45),
    category: CLEANING,
    startMs: NOW + 25 * HOUR,
    endMs: NOW + 33 * HOUR,
    localWeekday: 2,
    localStartMin: 9 * 60,
    localEndMin: 17 * 60,
    dailyPayFen: 20_000,
    marketMedianFen: 16_000,
    employerRatingSum: 0,
    employerRatingCount: 0,
    postedMs: NOW - HOUR,
    ...over,
  };
}

describe("the matching score", () => {
  it("never matches a gig beyond the worker's range or the asked distance", () => {
    assert.equal(scorePair(worker(), gig(10.5), NOW), NOT_A_MATCH);
    assert.ok(scorePair(worker(), gig(9.5), NOW) > 0);
    assert.equal(scorePair(worker(), gig(4), NOW, { maxKm: 3 }), NOT_A_MATCH);
  });

  it("never matches a gig that clashes with one of the worker's bookings", () => {
    const g = gig(2);
    const busy = worker({ busy: [g.startMs - HOUR, g.startMs + HOUR] });
    assert.equal(scorePair(busy, g, NOW), NOT_A_MATCH);
    const before = worker({ busy: [g.startMs - 3 * HOUR, g.startMs] });
    assert.ok(scorePair(before, g, NOW) > 0, "a booking that ends when the gig starts is no clash");
  });

  it("matches another category only for a worker open to any work, and ranks it lower", () => {
    const loading = gig(2, { category: LOADING });
    assert.equal(scorePair(worker(), loading, NOW), NOT_A_MATCH);
    const open = worker({ anyCategory: true });
    assert.ok(scorePair(open, loading, NOW) > 0);
    assert.ok(scorePair(open, gig(2), NOW) > scorePair(open, loading, NOW));
  });

  it("never matches a gig that has already started", () => {
    assert.equal(scorePair(worker(), gig(1, { startMs: NOW - HOUR }), NOW), NOT_A_MATCH);
  });

  it("prefers the nearer, better-paid gig inside the worker's hours", () => {
    const w = worker();
    assert.ok(scorePair(w, gig(1), NOW) > scorePair(w, gig(5), NOW));
    assert.ok(scorePair(w, gig(2, { dailyPayFen: 24_000 }), NOW) > scorePair(w, gig(2), NOW));
    const sunday = gig(2, { localWeekday: 0 });
    assert.ok(scorePair(w, gig(2), NOW) > scorePair(w, sunday, NOW));
  });

  it("prefers a reliable, well-rated worker and a well-rated employer", () => {
    const g = gig(2);
    const reliable = worker({ completed: 20, ratingSum: 95, ratingCount: 20 });
    const noShows = worker({ completed: 20, noShow: 5, ratingSum: 60, ratingCount: 20 });
    assert.ok(scorePair(reliable, g, NOW) > scorePair(noShows, g, NOW));
    const liked = gig(2, { employerRatingSum: 50, employerRatingCount: 10 });
    assert.ok(scorePair(worker(), liked, NOW) > scorePair(worker(), g, NOW));
  });

  it("gives a worker with little recent work a boost that can be switched off for measurement", () => {
    const g = gig(2);
    const idle = worker({ recentBookings: 0 });
    const busy = worker({ recentBookings: 6 });
    assert.ok(scorePair(idle, g, NOW) > scorePair(busy, g, NOW));
    assert.equal(scorePair(idle, g, NOW, { fairness: false }), scorePair(busy, g, NOW, { fairness: false }));
  });

  it("explains a match to the worker in the words they see", () => {
    const w = worker({ doneByCategory: new Map([[CLEANING, 12]]) });
    const g = gig(2.1, { dailyPayFen: 24_000, employerRatingSum: 48, employerRatingCount: 10 });
    const zh = explainPair(w, g, NOW, "worker", cleaning).map((r) => r.zh);
    assert.deepEqual(zh, [
      "2.1 公里",
      "日薪比你期望高 20%",
      "日薪高于同类岗位 50%",
      "你做过 12 次保洁",
      "时间合适",
      "雇主评分 4.8",
      "新发布",
    ]);
    const en = explainPair(w, g, NOW, "worker", cleaning).map((r) => r.en);
    assert.ok(en.includes("Pays 20% above your expectation"));
  });

  it("explains a candidate to the employer without speaking to the worker", () => {
    const w = worker({ completed: 19, noShow: 1, ratingSum: 46, ratingCount: 10 });
    const zh = explainPair(w, gig(0.8), NOW, "employer", cleaning).map((r) => r.zh);
    assert.ok(zh.includes("800 米"));
    assert.ok(zh.includes("完成率 95%，评分 4.6"));
    assert.ok(zh.includes("近期活少，优先照顾"));
    assert.ok(!zh.some((r) => r.includes("你")));
  });
});
