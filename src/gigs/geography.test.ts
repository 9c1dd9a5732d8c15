import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { readDivisionFeatures } from "../reference/reference.loader.ts";
import { distanceMetres, insideBoundary, isMultiPolygon, type MultiPolygon } from "./geography.ts";

/** A 10 × 10 square with a 2 × 2 hole in the middle, and a separate island. */
const squareWithHoleAndIsland: MultiPolygon = {
  type: "MultiPolygon",
  coordinates: [
    [
      [
        [0, 0],
        [10, 0],
        [10, 10],
        [0, 10],
        [0, 0],
      ],
      [
        [4, 4],
        [6, 4],
        [6, 6],
        [4, 6],
        [4, 4],
      ],
    ],
    [
      [
        [20, 20],
        [22, 20],
        [22, 22],
        [20, 22],
        [20, 20],
      ],
    ],
  ],
};

function boundaryOf(code: number): MultiPolygon {
  const feature = readDivisionFeatures().find((f) => f.properties.adcode === code);
  assert.ok(feature && isMultiPolygon(feature.geometry));
  return feature.geometry as MultiPolygon;
}

describe("where a gig may be", () => {
  it("a point inside the outer ring is inside, one in a hole is not", () => {
    assert.equal(insideBoundary({ lng: 1, lat: 1 }, squareWithHoleAndIsland), true);
    assert.equal(insideBoundary({ lng: 5, lat: 5 }, squareWithHoleAndIsland), false);
    assert.equal(insideBoundary({ lng: 15, lat: 5 }, squareWithHoleAndIsland), false);
  });

  it("a point on the second polygon of a district (an island) is inside", () => {
    assert.equal(insideBoundary({ lng: 21, lat: 21 }, squareWithHoleAndIsland), true);
  });

  it("the centre of 京口区 lies in 京口区 and not in 润州区 or 丹阳市", () => {
    const point = { lat: 32.184713, lng: 119.636307 };
    assert.equal(insideBoundary(point, boundaryOf(321102)), true);
    assert.equal(insideBoundary(point, boundaryOf(321111)), false);
    assert.equal(insideBoundary(point, boundaryOf(321181)), false);
  });

  it("a point in Nanjing is in none of Zhenjiang's districts", () => {
    const nanjing = { lat: 32.0603, lng: 118.7969 };
    for (const code of [321102, 321111, 321112, 321181, 321182, 321183]) {
      assert.equal(insideBoundary(nanjing, boundaryOf(code)), false, String(code));
    }
  });
});

describe("great-circle distance", () => {
  it("is zero for the same point and about 111 km for one degree of latitude", () => {
    assert.equal(distanceMetres({ lat: 32, lng: 119 }, { lat: 32, lng: 119 }), 0);
    const oneDegree = distanceMetres({ lat: 32, lng: 119 }, { lat: 33, lng: 119 });
    assert.ok(Math.abs(oneDegree - 111_195) < 50, String(oneDegree));
  });

  it("puts Zhenjiang railway station about 60 km from Nanjing's", () => {
    const km = distanceMetres({ lat: 32.2093, lng: 119.4243 }, { lat: 32.0872, lng: 118.7977 }) / 1000;
    assert.ok(km > 55 && km < 65, String(km));
  });
});
