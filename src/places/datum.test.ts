import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { distanceMetres, insideBoundary, type MultiPolygon } from "../gigs/geography.ts";
import { readDivisionFeatures } from "../reference/reference.loader.ts";
import { decideCheckIn } from "../shifts/check-in.rules.ts";
import { convert, fromBd09, fromGcj02, toBd09, toGcj02 } from "./datum.ts";

/**
 * Reference values published with the widely used coordtransform library (wandergis/coordtransform,
 * README): the point 116.404, 39.915 (Tiananmen) through each conversion.
 */
const PUBLISHED = {
  point: { lng: 116.404, lat: 39.915 },
  wgs84ToGcj02: { lng: 116.41024449916938, lat: 39.91640428150164 },
  gcj02ToBd09: { lng: 116.41036949371029, lat: 39.92133699351021 },
  bd09ToGcj02: { lng: 116.39762729119315, lat: 39.90865673957631 },
  gcj02ToWgs84: { lng: 116.39775550083061, lat: 39.91359571849836 },
};

/** Within a metre: the published inverse GCJ-02 → WGS-84 is the one-step approximation. */
function near(actual: { lng: number; lat: number }, expected: { lng: number; lat: number }, metres = 1) {
  const d = distanceMetres(actual, expected);
  assert.ok(d < metres, `${JSON.stringify(actual)} is ${d.toFixed(2)} m from ${JSON.stringify(expected)}`);
}

function boundaryOf(code: number): MultiPolygon {
  const feature = readDivisionFeatures().find((f) => f.properties.adcode === code);
  assert.ok(feature);
  return feature.geometry as MultiPolygon;
}

describe("one coordinate system, converted at the edges", () => {
  it("matches the published reference points for every conversion", () => {
    near(toGcj02(PUBLISHED.point), PUBLISHED.wgs84ToGcj02, 0.01);
    near(convert(PUBLISHED.point, "gcj02", "bd09"), PUBLISHED.gcj02ToBd09, 0.01);
    near(convert(PUBLISHED.point, "bd09", "gcj02"), PUBLISHED.bd09ToGcj02, 0.01);
    near(fromGcj02(PUBLISHED.point), PUBLISHED.gcj02ToWgs84, 2);
  });

  it("a stored point comes back to itself through 高德's and 百度's datums", () => {
    const stored = { lng: 119.449906, lat: 32.205919 };
    near(fromGcj02(toGcj02(stored)), stored, 0.5);
    near(fromBd09(toBd09(stored)), stored, 0.5);
    assert.deepEqual(convert(stored, "wgs84", "wgs84"), stored);
  });

  it("the datums differ by hundreds of metres in Zhenjiang, which is why they must not be mixed", () => {
    const stored = { lng: 119.449906, lat: 32.205919 };
    const offsetGcj = distanceMetres(stored, toGcj02(stored));
    const offsetBd = distanceMetres(stored, toBd09(stored));
    assert.ok(offsetGcj > 400 && offsetGcj < 700, String(offsetGcj));
    assert.ok(offsetBd > 1000, String(offsetBd));
  });

  it("the bundled boundaries are converted: a place lies in its district in both datums alike", () => {
    const published = JSON.parse(
      // The file as DataV publishes it, GCJ-02, before the loader converts it.
      readFileSync(new URL("../reference/data/321100_zhenjiang_districts.json", import.meta.url), "utf8"),
    ) as { features: Array<{ properties: { adcode: number }; geometry: MultiPolygon }> };
    const jingkouGcj = published.features.find((f) => f.properties.adcode === 321102)?.geometry;
    assert.ok(jingkouGcj);
    const place = { lng: 119.449906, lat: 32.205919 }; // WGS-84, near 中山东路, 京口区
    assert.equal(insideBoundary(place, boundaryOf(321102)), true);
    assert.equal(insideBoundary(toGcj02(place), jingkouGcj), true);
    const firstStored = boundaryOf(321102).coordinates[0][0][0];
    const firstPublished = jingkouGcj.coordinates[0][0][0];
    near(toGcj02({ lng: firstStored[0], lat: firstStored[1] }), {
      lng: firstPublished[0],
      lat: firstPublished[1],
    });
  });

  it("a worker standing at the gig checks in; the same spot in 高德's datum would be 'too far'", () => {
    const gig = {
      ...{ lng: 119.449906, lat: 32.205919 },
      startsAt: new Date("2026-03-02T00:00:00Z"),
      endsAt: new Date("2026-03-02T09:00:00Z"),
      checkInCode: "123456",
    };
    const now = new Date("2026-03-02T00:05:00Z");
    const phone = { lat: gig.lat, lng: gig.lng, accuracyM: 20 };
    assert.equal(decideCheckIn(gig, 300, now, phone).ok, true);
    const mixed = decideCheckIn({ ...gig, ...toGcj02(gig) }, 300, now, phone);
    assert.equal(mixed.ok, false);
  });
});
