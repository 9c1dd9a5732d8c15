import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { CategoryTable, dayNumber } from "./catalog.ts";
import { toRadians } from "./geo.ts";
import { GigIndex, type GigRecord } from "./gig-index.ts";
import { NOT_A_MATCH, scorePair } from "./score.ts";
import { WorkerIndex, type WorkerRecord } from "./worker-index.ts";

const NOW = Date.parse("2024-03-04T00:00:00Z");
const HOUR = 3_600_000;
const CODES = ["cleaning", "loading", "security", "waiter", "driver"];
const DISTRICTS = ["321102", "321111", "321112"];
const categories = new CategoryTable(
  CODES.map((code) => ({ code, nameZh: code, nameEn: code, referenceDailyPayFen: 20_000 })),
);

function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function pick<T>(rand: () => number, list: readonly T[]): T {
  return list[Math.floor(rand() * list.length)];
}

function randomGig(rand: () => number, i: number): GigRecord {
  const startsAt = NOW + Math.floor(rand() * 24 * 7) * HOUR - 2 * HOUR;
  return {
    id: `g${i}`,
    districtCode: pick(rand, DISTRICTS),
    categoryCode: pick(rand, CODES),
    lat: 32.0 + rand() * 0.3,
    lng: 119.3 + rand() * 0.4,
    startsAt,
    endsAt: startsAt + (4 + Math.floor(rand() * 6)) * HOUR,
    dailyPayFen: 10_000 + Math.floor(rand() * 20) * 1_000,
    sameDayPay: rand() < 0.4,
    employerRatingSum: Math.floor(rand() * 50),
    employerRatingCount: Math.floor(rand() * 10),
    postedAt: NOW - Math.floor(rand() * 96) * HOUR,
    utcOffsetMin: 480,
  };
}

function randomWorker(rand: () => number, i: number, id = `w${i}`): WorkerRecord {
  const latDeg = 32.0 + rand() * 0.3;
  const lngDeg = 119.3 + rand() * 0.4;
  const lat = toRadians(latDeg);
  const cats = [categories.idOf(pick(rand, CODES)), categories.idOf(pick(rand, CODES))];
  const busyStart = NOW + Math.floor(rand() * 72) * HOUR;
  return {
    id,
    latDeg,
    lngDeg,
    latRad: lat,
    lngRad: toRadians(lngDeg),
    cosLat: Math.cos(lat),
    rangeKm: pick(rand, [3, 5, 8, 15, 30]),
    categories: [...new Set(cats)],
    anyCategory: rand() < 0.1,
    doneByCategory: new Map([[cats[0], Math.floor(rand() * 15)]]),
    availability: rand() < 0.3 ? null : { weekdayMask: 0b0111110, fromMin: 480, toMin: 1080 },
    expectedDailyPayFen: rand() < 0.2 ? null : 15_000 + Math.floor(rand() * 10) * 1_000,
    busy: rand() < 0.5 ? [busyStart, busyStart + 8 * HOUR] : [],
    completed: Math.floor(rand() * 30),
    noShow: Math.floor(rand() * 3),
    lateCancel: Math.floor(rand() * 3),
    ratingSum: Math.floor(rand() * 100),
    ratingCount: Math.floor(rand() * 25),
    recentBookings: Math.floor(rand() * 6),
    activeAtMs: NOW - Math.floor(rand() * 500) * HOUR,
    districtCodes: [pick(rand, DISTRICTS)],
  };
}

describe("the in-memory matching indexes", () => {
  const rand = random(7);
  const gigs = new GigIndex(categories);
  for (let i = 0; i < 20_000; i++) gigs.upsert(randomGig(rand, i));
  // Replaced and removed gigs leave free rows behind that must not be read.
  for (let i = 0; i < 2_000; i++) gigs.upsert(randomGig(rand, i));
  for (let i = 2_000; i < 3_000; i++) gigs.remove(`g${i}`);
  gigs.refreshMedians();
  const workers = new WorkerIndex(categories);
  /** The records the worker index was given, to score them as they were given. */
  const given = new Map<string, WorkerRecord>();
  const register = (w: WorkerRecord) => {
    given.set(w.id, w);
    workers.upsert(w);
  };
  const unregister = (id: string) => {
    given.delete(id);
    workers.remove(id);
  };
  for (let i = 0; i < 20_000; i++) register(randomWorker(rand, i));
  for (let i = 0; i < 1_000; i++) unregister(`w${i}`);

  it("returns exactly the full scan's top 20 gigs for 200 workers, with and without filters", () => {
    for (let i = 0; i < 200; i++) {
      const w = randomWorker(rand, 100_000 + i);
      const filters = [
        {},
        { maxKm: 4, sameDayPayOnly: true },
        { category: w.categories[0], district: pick(rand, DISTRICTS), day: dayNumber("2024-03-05") },
      ];
      for (const f of filters) {
        assert.deepEqual(gigs.topForWorker(w, NOW, 20, f), gigs.scanForWorker(w, NOW, 20, f));
      }
    }
  });

  it("never recommends a gig that breaks a hard filter", () => {
    for (let i = 0; i < 100; i++) {
      const w = randomWorker(rand, 200_000 + i);
      for (const { row } of gigs.topForWorker(w, NOW, 20, { maxKm: 6 })) {
        const g = gigs.facts(row);
        assert.ok(w.anyCategory || w.categories.includes(g.category), "category");
        assert.ok(g.startMs > NOW, "not started");
        assert.ok(scorePair(w, g, NOW, { maxKm: 6 }) !== NOT_A_MATCH, "distance and no clash");
        for (let b = 0; b < w.busy.length; b += 2)
          assert.ok(g.endMs <= w.busy[b] || g.startMs >= w.busy[b + 1]);
      }
    }
  });

  it("returns exactly the full scan's top 20 workers for 200 gigs", () => {
    for (let i = 0; i < 200; i++) {
      const record = randomGig(rand, 300_000 + i);
      gigs.upsert(record);
      const row = gigs.rowOfId(record.id) as number;
      const g = gigs.facts(row);
      assert.deepEqual(workers.topForGig(g, record.lat, record.lng, NOW, 20), workers.scanForGig(g, NOW, 20));
      gigs.remove(record.id);
    }
  });

  it("stays equal to the scan for workers after they change and leave, with a narrowed pool", () => {
    // Re-registered workers move within their cells' order; removed ones must not be read.
    for (let i = 1_000; i < 3_000; i++) register(randomWorker(rand, i + 500_000, `w${i}`));
    for (let i = 3_000; i < 3_500; i++) unregister(`w${i}`);
    const district = DISTRICTS[0];
    const inDistrict = (w: WorkerRecord) => w.districtCodes.includes(district);
    for (let i = 0; i < 100; i++) {
      const record = randomGig(rand, 600_000 + i);
      gigs.upsert(record);
      const g = gigs.facts(gigs.rowOfId(record.id) as number);
      assert.deepEqual(workers.topForGig(g, record.lat, record.lng, NOW, 20), workers.scanForGig(g, NOW, 20));
      assert.deepEqual(
        workers.topForGig(g, record.lat, record.lng, NOW, 5, inDistrict),
        workers.scanForGig(g, NOW, 5, inDistrict),
      );
      gigs.remove(record.id);
    }
  });

  it("scores each worker as scorePair scores the record it was given, and gives the record back", () => {
    for (let i = 0; i < 50; i++) {
      const record = randomGig(rand, 700_000 + i);
      gigs.upsert(record);
      const g = gigs.facts(gigs.rowOfId(record.id) as number);
      const best = [...given.values()]
        .map((w) => scorePair(w, g, NOW))
        .filter((score) => score !== NOT_A_MATCH)
        .sort((a, b) => b - a)
        .slice(0, 20);
      const top = workers.topForGig(g, record.lat, record.lng, NOW, 20);
      assert.deepEqual(
        top.map((r) => r.score),
        best,
      );
      for (const { row, score } of top)
        assert.equal(scorePair(given.get(workers.record(row).id) as WorkerRecord, g, NOW), score);
      gigs.remove(record.id);
    }
    for (const w of [...given.values()].slice(0, 500)) {
      const back = workers.get(w.id) as WorkerRecord;
      // Degrees are read back from the radians the index keeps.
      assert.ok(Math.abs(back.latDeg - w.latDeg) < 1e-9 && Math.abs(back.lngDeg - w.lngDeg) < 1e-9);
      assert.deepEqual({ ...back, latDeg: w.latDeg, lngDeg: w.lngDeg }, w);
    }
  });

  it("forgets a removed gig at once", () => {
    const w = randomWorker(rand, 400_000);
    const [first] = gigs.topForWorker(w, NOW, 1);
    if (!first) return assert.fail("the random city has a gig for this worker");
    const id = gigs.idOf(first.row);
    gigs.remove(id);
    assert.notEqual(gigs.topForWorker(w, NOW, 1)[0]?.row, first.row);
    assert.equal(gigs.rowOfId(id), undefined);
  });
});

describe("two cities in one index", () => {
  // Nanjing set its own reference pay for cleaning; Zhenjiang kept the base's.
  const table = new CategoryTable(
    CODES.map((code) => ({ code, nameZh: code, nameEn: code, referenceDailyPayFen: 20_000 })),
    [{ cityCode: "320100", code: "cleaning", referenceDailyPayFen: 26_000 }],
  );
  const rand = random(11);
  const gigs = new GigIndex(table);
  for (let i = 0; i < 6_000; i++) {
    const gig = randomGig(rand, i);
    // Cleaning gigs are Zhenjiang's, the rest split between the two cities.
    gigs.upsert({ ...gig, cityCode: gig.categoryCode === "cleaning" || i % 2 ? "321100" : "320100" });
  }
  // Two cleaning gigs in Nanjing: too few for a median, so its reference pay stands for its market.
  for (let i = 0; i < 2; i++)
    gigs.upsert({ ...randomGig(rand, 10_000 + i), categoryCode: "cleaning", cityCode: "320100" });
  gigs.refreshMedians();

  it("compares pay with the gig's own city's market, falling back to that city's reference pay", () => {
    const cleaning = table.idOf("cleaning");
    assert.equal(gigs.facts(gigs.rowOfId("g10000") as number).marketMedianFen, 26_000);
    const zhenjiangRows = [...Array(gigs.rows).keys()].filter(
      (row) =>
        gigs.alive[row] && gigs.city[row] === gigs.cityNumber("321100") && gigs.category[row] === cleaning,
    );
    const samples = zhenjiangRows.map((row) => gigs.dailyPay[row]).sort((a, b) => a - b);
    assert.ok(samples.length > 100);
    assert.equal(gigs.facts(zhenjiangRows[0]).marketMedianFen, samples[samples.length >> 1]);
    assert.equal(table.referencePay("321100", cleaning), 20_000);
  });

  it("stays equal to the full scan with a city and without one", () => {
    for (let i = 0; i < 100; i++) {
      const w = randomWorker(rand, 500_000 + i);
      for (const f of [{}, { city: gigs.cityNumber(i % 2 ? "321100" : "320100") }]) {
        assert.deepEqual(gigs.topForWorker(w, NOW, 20, f), gigs.scanForWorker(w, NOW, 20, f));
      }
      for (const { row } of gigs.topForWorker(w, NOW, 20, { city: gigs.cityNumber("320100") }))
        assert.equal(gigs.city[row], gigs.cityNumber("320100"));
    }
  });
});
