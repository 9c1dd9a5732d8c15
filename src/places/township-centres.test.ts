/**
 * Township centres are not shipped; a city that has a dataset drops in a file, which is read in its
 * datum, converted to WGS-84 once, checked against the districts, and then used by the fallback.
 */
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { startTestApp, type TestApp } from "../../test/support/app.ts";
import { fromGcj02 } from "./datum.ts";
import { geocodeAddress } from "./geocode.service.ts";
import { loadTownshipCentres, readTownshipCentres } from "./township-centres.loader.ts";

const DASHIKOU = "321102003"; // 大市口街道, 京口区
/** Near 大市口 as 高德 gives it (GCJ-02). */
const DASHIKOU_GCJ = { lng: 119.4545, lat: 32.2061 };
/** In 润州区, west of 京口 (GCJ-02). */
const RUNZHOU_GCJ = { lng: 119.3952, lat: 32.1853 };

function centresFile(body: unknown): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "centres-")), "centres.json");
  writeFileSync(file, JSON.stringify(body));
  return file;
}

describe("township centres from a dataset", () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
  });
  after(() => t.close());

  it("ships none, so without a key the pin falls back to the district's centre", async () => {
    const answer = await geocodeAddress(
      t.ctx,
      "321100",
      { districtCode: "321102", townshipCode: DASHIKOU, street: "中山东路301号" },
      { provider: null },
    );
    assert.equal(answer.precision, "district");
  });

  it("reads a file in its datum, converts it to WGS-84, and the fallback then uses the township's centre", async () => {
    const file = centresFile({ datum: "gcj02", centres: [{ code: DASHIKOU, ...DASHIKOU_GCJ }] });
    const centres = readTownshipCentres(file);
    assert.ok(centres);
    const expected = fromGcj02(DASHIKOU_GCJ);
    assert.ok(
      Math.abs(centres[0].lng - expected.lng) < 1e-6 && Math.abs(centres[0].lat - expected.lat) < 1e-6,
    );
    // GCJ-02 is shifted several hundred metres from WGS-84 in Zhenjiang: the conversion happened.
    assert.ok(Math.abs(centres[0].lng - DASHIKOU_GCJ.lng) > 0.003);

    await loadTownshipCentres(t.ctx.database.db, "321100", centres);
    const answer = await geocodeAddress(
      t.ctx,
      "321100",
      { districtCode: "321102", townshipCode: DASHIKOU, street: "中山东路301号" },
      { provider: null },
    );
    assert.deepEqual(
      { precision: answer.precision, lat: answer.lat, lng: answer.lng },
      { precision: "township", lat: centres[0].lat, lng: centres[0].lng },
    );
  });

  it("refuses a centre outside its district, an unknown township and an unnamed datum", async () => {
    const outside = readTownshipCentres(
      centresFile({ datum: "gcj02", centres: [{ code: DASHIKOU, ...RUNZHOU_GCJ }] }),
    );
    await assert.rejects(
      loadTownshipCentres(t.ctx.database.db, "321100", outside ?? []),
      /outside its district/,
    );
    await assert.rejects(
      loadTownshipCentres(t.ctx.database.db, "321100", [{ code: "999999999", ...DASHIKOU_GCJ }]),
      /no such township/,
    );
    assert.throws(() => readTownshipCentres(centresFile({ centres: [] })), /datum/);
    assert.equal(readTownshipCentres(path.join(tmpdir(), "no-such-centres.json")), null);
  });
});
