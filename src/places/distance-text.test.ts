import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { distanceShown, distanceWords } from "./distance-text.ts";

describe("how a distance is written", () => {
  it("is whole metres under a kilometre, one decimal under ten, whole kilometres beyond", () => {
    assert.deepEqual(distanceShown(103.6), { unit: "m", value: "104" });
    assert.deepEqual(distanceShown(999.4), { unit: "m", value: "999" });
    assert.deepEqual(distanceShown(999.7), { unit: "km", value: "1.0" });
    assert.deepEqual(distanceShown(2_002), { unit: "km", value: "2.0" });
    assert.deepEqual(distanceShown(9_960), { unit: "km", value: "10.0" });
    assert.deepEqual(distanceShown(17_240), { unit: "km", value: "17" });
  });

  it("reads the same in the server's Chinese and English words", () => {
    assert.deepEqual(distanceWords(104), { zh: "104 米", en: "104 m" });
    assert.deepEqual(distanceWords(17_240), { zh: "17 公里", en: "17 km" });
  });
});
