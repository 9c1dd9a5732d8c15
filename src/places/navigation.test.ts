import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { toBd09, toGcj02 } from "./datum.ts";
import { navigationLinks } from "./navigation.ts";

const GIG = { lng: 119.449906, lat: 32.205919, name: "仓库搬运 · 中山东路301号" };

function numbersAfter(url: string, key: string): number[] {
  const match = new RegExp(`${key}([0-9.]+),([0-9.]+)`).exec(url);
  assert.ok(match, `${key} in ${url}`);
  return [Number(match[1]), Number(match[2])];
}

describe("导航: the phone's map app opens at the gig, in the app's own datum", () => {
  const links = navigationLinks(GIG);

  it("高德 gets lng,lat in GCJ-02 and is told so (coordinate=gaode)", () => {
    const gcj = toGcj02(GIG);
    const [lng, lat] = numbersAfter(links.amap, "position=");
    assert.ok(links.amap.startsWith("https://uri.amap.com/marker?"));
    assert.ok(links.amap.includes("coordinate=gaode"));
    assert.ok(Math.abs(lng - gcj.lng) < 1e-6 && Math.abs(lat - gcj.lat) < 1e-6);
    assert.ok(Math.abs(lng - GIG.lng) > 0.003, "not the WGS-84 point, which 高德 would show ~500 m off");
  });

  it("百度 gets lat,lng in BD-09 (coord_type=bd09ll), in the app and on its web page", () => {
    const bd = toBd09(GIG);
    for (const url of [links.baidu.app, links.baidu.web]) {
      const [lat, lng] = numbersAfter(url, "location=");
      assert.ok(Math.abs(lat - bd.lat) < 1e-6 && Math.abs(lng - bd.lng) < 1e-6);
      assert.ok(url.includes("coord_type=bd09ll"));
    }
    assert.ok(links.baidu.app.startsWith("baidumap://map/marker?"));
    assert.ok(links.baidu.web.startsWith("https://api.map.baidu.com/marker?"));
  });

  it("腾讯 gets lat,lng in GCJ-02 and the name as the title, escaped", () => {
    const gcj = toGcj02(GIG);
    const [lat, lng] = numbersAfter(links.tencent, "coord:");
    assert.ok(Math.abs(lat - gcj.lat) < 1e-6 && Math.abs(lng - gcj.lng) < 1e-6);
    assert.ok(links.tencent.includes(`title:${encodeURIComponent(GIG.name)}`));
    const awkward = navigationLinks({ ...GIG, name: "A;B:C" }).tencent;
    assert.ok(awkward.includes(`title:${encodeURIComponent("A B C")}&`));
  });
});
