import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { type AlertGig, AlertIndex, type AlertSearch, dailyPayFen, searchMatches } from "./alert-index.ts";

const GIG: AlertGig = {
  categoryCode: "cleaning",
  districtCode: "321111",
  lat: 32.19,
  lng: 119.42,
  payFen: 200_00,
  payUnit: "day",
  settlement: "on_completion",
  startsAt: new Date("2030-03-05T00:00:00Z"),
  endsAt: new Date("2030-03-05T08:00:00Z"),
};

let n = 0;
function search(over: Partial<AlertSearch>): AlertSearch {
  n += 1;
  return {
    id: `s${n}`,
    workerId: `w${n}`,
    categoryCode: "cleaning",
    districtCode: "321111",
    lat: null,
    lng: null,
    radiusKm: null,
    minDailyPayFen: 0,
    sameDayPayOnly: false,
    ...over,
  };
}

/** A small seeded random, so a failure repeats. */
function random(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1_103_515_245 + 12_345) % 2_147_483_648;
    return s / 2_147_483_648;
  };
}

describe("the job alert index", () => {
  it("a new gig reaches the searches it fits and only them", () => {
    const index = new AlertIndex();
    const yes = [
      search({ minDailyPayFen: 150_00 }),
      search({ categoryCode: null, districtCode: null, lat: 32.2, lng: 119.43, radiusKm: 5 }),
      search({ categoryCode: null }),
    ];
    const no = [
      search({ districtCode: "321102" }),
      search({ categoryCode: "moving" }),
      search({ minDailyPayFen: 250_00 }),
      search({ sameDayPayOnly: true }),
      search({ districtCode: null, lat: 32.4, lng: 119.43, radiusKm: 10 }),
    ];
    for (const s of [...yes, ...no]) index.put(s);
    assert.deepEqual(
      index
        .matches(GIG)
        .map((s) => s.id)
        .sort(),
      yes.map((s) => s.id).sort(),
    );
    index.remove(yes[0].id);
    assert.equal(index.matches(GIG).length, 2);
    assert.equal(index.size, 7);
  });

  it("hourly pay counts by the day's hours; a piece rate meets no minimum", () => {
    assert.equal(dailyPayFen({ ...GIG, payUnit: "hour", payFen: 25_00 }), 200_00);
    assert.equal(dailyPayFen({ ...GIG, payUnit: "piece", payFen: 1_00 }), null);
    assert.equal(searchMatches(search({ minDailyPayFen: 1 }), { ...GIG, payUnit: "piece" }), false);
  });

  it("agrees with a scan of every search on random searches and gigs", () => {
    const rand = random(7);
    const categories = ["cleaning", "moving", "cooking", null];
    const districts = ["321102", "321111", "321112"];
    const searches = Array.from({ length: 3000 }, () =>
      rand() < 0.5
        ? search({
            categoryCode: categories[Math.floor(rand() * 4)],
            districtCode: districts[Math.floor(rand() * 3)],
          })
        : search({
            categoryCode: categories[Math.floor(rand() * 4)],
            districtCode: null,
            lat: 32.1 + rand() * 0.2,
            lng: 119.3 + rand() * 0.3,
            radiusKm: 1 + rand() * 30,
            minDailyPayFen: rand() < 0.3 ? 180_00 : 0,
            sameDayPayOnly: rand() < 0.2,
          }),
    );
    const index = new AlertIndex();
    for (const s of searches) index.put(s);
    for (let g = 0; g < 200; g++) {
      const gig: AlertGig = {
        ...GIG,
        categoryCode: categories[Math.floor(rand() * 3)] as string,
        districtCode: districts[Math.floor(rand() * 3)],
        lat: 32.1 + rand() * 0.2,
        lng: 119.3 + rand() * 0.3,
        payFen: 150_00 + Math.floor(rand() * 100_00),
        settlement: rand() < 0.5 ? "same_day" : "on_completion",
      };
      const scanned = searches
        .filter((s) => searchMatches(s, gig))
        .map((s) => s.id)
        .sort();
      assert.deepEqual(
        index
          .matches(gig)
          .map((s) => s.id)
          .sort(),
        scanned,
        `gig ${g}`,
      );
    }
  });
});
