import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Role } from "../db/schema/index.ts";
import type { SessionUser } from "../platform/http/access.ts";
import { assertDistrictScope, coversDistrict } from "./scope.ts";

function person(role: Role, districtCode: string | null = null, cityCode = "321100"): SessionUser {
  return { id: "u", role, cityCode, districtCode, stationId: null, displayName: "" };
}

describe("district scope", () => {
  it("a district admin and station staff act in their own district only", () => {
    for (const role of ["district_admin", "station_staff"] as const) {
      const jingkou = person(role, "321102");
      assert.doesNotThrow(() => assertDistrictScope(jingkou, "321102"));
      assert.throws(() => assertDistrictScope(jingkou, "321111"), { code: "out_of_scope" });
      assert.throws(
        () => assertDistrictScope(jingkou, null),
        { code: "out_of_scope" },
        "no district: the city's",
      );
    }
  });

  it("the city admin acts anywhere in her city, and nowhere else", () => {
    const admin = person("city_admin");
    assert.doesNotThrow(() => assertDistrictScope(admin, "321183"));
    assert.doesNotThrow(() => assertDistrictScope(admin, null));
    assert.equal(coversDistrict(admin, "320100", "320102"), false);
  });

  it("staff not bound to a district cover none", () => {
    assert.throws(() => assertDistrictScope(person("station_staff"), "321102"), { code: "out_of_scope" });
  });

  it("workers and employers administer no district", () => {
    assert.equal(coversDistrict(person("worker", "321102"), "321100", "321102"), false);
    assert.equal(coversDistrict(person("employer", "321102"), "321100", "321102"), false);
  });
});
