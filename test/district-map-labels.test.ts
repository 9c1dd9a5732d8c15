/**
 * The district map's names (web/src/admin/charts/mapLabels.ts) on 镇江's real boundaries: at the
 * 大屏's size and at the supply-and-demand page's, no two names cover each other, and only the small
 * districts tucked against 丹徒 leave their own.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { type DistrictShape, placeLabels, textBox } from "../web/src/admin/charts/mapLabels.ts";

const geo = JSON.parse(
  readFileSync(new URL("../src/reference/data/321100_zhenjiang_districts.json", import.meta.url), "utf8"),
) as {
  features: Array<{
    properties: { name: string; center: [number, number] };
    geometry: DistrictShape["geometry"];
  }>;
};
const districts: DistrictShape[] = geo.features.map((f) => ({
  name: f.properties.name,
  center: f.properties.center,
  geometry: f.geometry,
}));

describe("names on the district map", () => {
  for (const [where, width, height, fontSize] of [
    ["the 大屏", 443, 680, 24],
    ["the supply-and-demand page", 540, 420, 12],
  ] as const) {
    it(`none covers another on ${where}`, () => {
      const box = (name: string) => textBox([name, "12.34"], fontSize);
      const frame = {
        width,
        height,
        center: [0.5, 0.46] as [number, number],
        size: 0.92,
        aspectScale: 0.85,
        bottom: 40,
      };
      const places = placeLabels(districts, frame, box);
      assert.equal(places.size, 6);
      const rects = [...places].map(([name, p]) => {
        const { width: w, height: h } = box(name);
        return { name, left: p.x - w / 2, right: p.x + w / 2, top: p.y - h / 2, bottom: p.y + h / 2 };
      });
      for (const a of rects)
        for (const b of rects)
          if (a !== b)
            assert.ok(
              a.right <= b.left || b.right <= a.left || a.bottom <= b.top || b.bottom <= a.top,
              `${a.name} and ${b.name} overlap`,
            );
      assert.equal(places.get("句容市")?.moved, false, "a big district keeps its name");
      assert.equal(places.get("润州区")?.moved, true, "润州 would sit on 京口 and 丹徒");
    });
  }
});
