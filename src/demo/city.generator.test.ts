import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { isValidCreditCode } from "../accounts/identity-codes.ts";
import { distanceMetres, insideBoundary } from "../gigs/geography.ts";
import { readTownships } from "../places/townships.loader.ts";
import { generateCity } from "./city.generator.ts";
import { generateOpenGigColumns, generateWorkerColumns } from "./columns.ts";
import { generateCreditCode } from "./credit-code.ts";
import { type DemoDistrict, zhenjiangPlaces } from "./places.ts";
import { Random } from "./random.ts";

const now = new Date("2024-03-04T02:00:00Z");
const small = { workers: 150, gigs: 60, historyDays: 21, now };
const city = generateCity({ seed: 7, ...small });
const places = zhenjiangPlaces();
const districtOf = (code: string) => places.districts.find((d) => d.code === code) as DemoDistrict;
const boundaryOf = (code: string) => {
  const district = places.districts.find((d) => d.code === code);
  assert.ok(district, `unknown district ${code}`);
  return district.boundary;
};

describe("the demo city generator", () => {
  it("gives the same city for the same seed and another city for another seed", () => {
    assert.deepEqual(generateCity({ seed: 7, ...small }), city);
    const other = generateCity({ seed: 8, ...small });
    assert.notDeepEqual(
      other.workerProfiles.map((w) => w.name),
      city.workerProfiles.map((w) => w.name),
    );
  });

  it("leaves every district work for tomorrow that is still taking people (the morning market)", () => {
    // At any hour of any day: browser tests start a demo city at the time they run.
    for (let hours = 0; hours < 7 * 24; hours += 11) {
      const at = new Date(now.getTime() + hours * 3_600_000);
      const market = generateCity({ seed: 7, ...small, now: at });
      for (const district of places.districts) {
        const open = market.gigs.filter(
          (g) =>
            g.districtCode === district.code &&
            g.status === "open" &&
            (g.filledCount ?? 0) < (g.headcount ?? 1) &&
            (g.startsAt as Date).getTime() > at.getTime() &&
            (g.startsAt as Date).getTime() < at.getTime() + 48 * 3_600_000,
        );
        assert.ok(open.length >= 1, `${district.name} at ${at.toISOString()}`);
      }
    }
  });

  it("places every station, home and gig inside its own district (point in polygon)", () => {
    for (const s of city.stations) assert.ok(insideBoundary(s, boundaryOf(s.districtCode)), s.name);
    for (const w of city.workerProfiles) {
      assert.equal(w.homeDistrictCode, (w.districtCodes as string[])[0], w.name);
      const home = { lat: w.homeLat as number, lng: w.homeLng as number };
      assert.ok(insideBoundary(home, boundaryOf(w.homeDistrictCode as string)), w.name);
    }
    for (const g of city.gigs) assert.ok(insideBoundary(g, boundaryOf(g.districtCode)), g.title);
  });

  it("gives markets and gigs a street address of their district, drawn where its streets are", () => {
    const addressed = [
      ...city.stations.filter((s) => s.kind === "market").map((s) => ({ ...s, label: s.name })),
      ...city.gigs.map((g) => ({ ...g, label: g.title })),
    ];
    for (const place of addressed) {
      const district = districtOf(place.districtCode);
      assert.match(place.address, new RegExp(`^${district.name}.*(${district.streets.join("|")})\\d+号$`));
      // The streets are the seat's: the point is in the urban core around it, not in far farmland.
      assert.ok(distanceMetres(place, district.core) < 15_000, `${place.label}: ${place.address}`);
    }
  });

  it("puts each neighbourhood station at the service centre of the township it is named after", () => {
    const townships = new Map(readTownships("321100").map((t) => [t.code, t]));
    const neighbourhood = city.stations.filter((s) => s.kind === "station");
    assert.ok(neighbourhood.length >= 6);
    for (const s of neighbourhood) {
      const township = townships.get(s.townshipCode as string);
      assert.ok(township, s.name);
      assert.equal(township.districtCode, s.districtCode, s.name);
      assert.equal(s.name, `${township.name}零工驿站`);
      assert.equal(s.address, `${districtOf(s.districtCode).name}${township.name}党群服务中心`);
      assert.ok(distanceMetres(s, districtOf(s.districtCode).core) < 15_000, s.name);
    }
  });

  it("gives every enterprise a valid unified social credit code, and most are verified", () => {
    const enterprises = city.employers.filter((e) => e.kind === "enterprise");
    assert.ok(enterprises.length > 5);
    for (const e of enterprises) assert.ok(isValidCreditCode(e.creditCode as string), e.creditCode as string);
    const verified = enterprises.filter((e) => e.verification === "verified").length;
    assert.ok(verified / enterprises.length > 0.7);
  });

  it("writes market events in time order and none in the future", () => {
    const times = city.marketEvents.map((e) => (e.at as Date).getTime());
    assert.ok(times.every((t, i) => t <= now.getTime() && (i === 0 || times[i - 1] <= t)));
    const posted = city.marketEvents.filter((e) => e.kind === "gig_posted").length;
    assert.equal(posted, city.gigs.length);
    const made = city.marketEvents.filter((e) => e.kind === "booking_made").length;
    assert.equal(made, city.bookings.length);
  });

  it("pays gigs around each category's reference and mostly rates 4–5 stars", () => {
    const day = city.gigs.filter((g) => g.payUnit === "day" && g.categoryCode === "cleaning");
    for (const g of day) assert.ok(g.payFen >= 10_000 && g.payFen <= 25_000, String(g.payFen));
    const high = city.ratings.filter((r) => r.stars >= 4).length;
    assert.ok(high / city.ratings.length > 0.75);
  });
});

describe("unified social credit codes (统一社会信用代码)", () => {
  it("accepts a generated code and rejects one with a wrong check character", () => {
    const code = generateCreditCode("321102", new Random(3));
    assert.ok(isValidCreditCode(code));
    const wrong = code.slice(0, 17) + (code[17] === "0" ? "1" : "0");
    assert.equal(isValidCreditCode(wrong), false);
  });
});

describe("columnar demo data for benchmarks", () => {
  it("is reproducible and plausible", () => {
    const a = generateOpenGigColumns(10_000, 42);
    assert.deepEqual(generateOpenGigColumns(10_000, 42).payFen, a.payFen);
    assert.ok(a.lat.every((lat) => lat > 31.5 && lat < 32.5));
    assert.ok(a.endMs.every((end, i) => end > a.startMs[i]));
    const w = generateWorkerColumns(10_000, 42);
    assert.ok(w.expectedDailyPayFen.every((p) => p > 5_000 && p < 60_000));
  });
});
