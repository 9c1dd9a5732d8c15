/**
 * Places in a browser: an employer posts a gig by its address (no coordinates typed), the geocoder
 * (a local stub speaking 天地图's format) puts the pin on the street in the chosen district and
 * township; a worker sees the gig on the map of gigs near her, opens 导航, stands at the pin
 * (Chromium's geolocation override, WGS-84) and checks in by location.
 */
import assert from "node:assert/strict";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { eq } from "drizzle-orm";
import { bookings, workerProfiles } from "../../src/db/schema/index.ts";
import { insideBoundary, type MultiPolygon } from "../../src/gigs/geography.ts";
import { toGcj02 } from "../../src/places/datum.ts";
import type { ManualClock } from "../../src/platform/clock.ts";
import { readDivisionFeatures } from "../../src/reference/reference.loader.ts";
import { DESKTOP, type E2E, PHONE, personContext, SCREENSHOTS, screen, startE2E } from "./support/browser.ts";
import { choose, employerAccepts, employerSignsUp, placeByAddress } from "./support/employer.ts";
import { testPhone } from "./support/people.ts";
import { workerConfirms, workerFindsAndApplies } from "./support/worker.ts";

/** 中山东路 in 大市口街道, 京口区, as 天地图 would answer (CGCS2000 ≈ WGS-84). */
const ZHONGSHAN_EAST_301 = { lon: 119.449906, lat: 32.205919 };

async function tiandituStub(): Promise<{ url: string; server: Server; asked: string[] }> {
  const asked: string[] = [];
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://stub");
    const { keyWord } = JSON.parse(url.searchParams.get("ds") ?? "{}") as { keyWord?: string };
    asked.push(keyWord ?? "");
    response.setHeader("content-type", "application/json; charset=utf-8");
    response.end(
      JSON.stringify(
        keyWord?.includes("中山东路")
          ? { status: "0", msg: "ok", location: { ...ZHONGSHAN_EAST_301, level: "门址", score: 100 } }
          : { status: "101", msg: "结果为空" },
      ),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/geocoder`, server, asked };
}

describe("places in the browser", () => {
  let e2e: E2E;
  let stub: Awaited<ReturnType<typeof tiandituStub>>;
  before(async () => {
    e2e = await startE2E();
    stub = await tiandituStub();
    // The real provider's code, pointed at the stub; no tile key, so the map draws the boundaries.
    e2e.t.ctx.config.places = {
      ...e2e.t.ctx.config.places,
      geocoder: "tianditu",
      tiandituKey: "e2e-key",
      tiandituGeocoderUrl: stub.url,
    };
  });
  after(async () => {
    stub.server.close();
    await e2e.close();
  });

  it("posts a gig by address, finds it on the map, offers 导航 and checks in standing at the pin", async () => {
    const employer = await personContext(e2e, { viewport: DESKTOP });
    const worker = await personContext(e2e, {
      viewport: PHONE,
      geolocation: { latitude: ZHONGSHAN_EAST_301.lat, longitude: ZHONGSHAN_EAST_301.lon },
    });
    const boss = await employer.newPage();
    const phone = await worker.newPage();
    try {
      await employerSignsUp(e2e, boss, testPhone(), false);
      await boss.goto("/employer/gigs/new");
      await boss.getByLabel("工种").fill("搬运");
      await boss.keyboard.press("Enter");
      await boss.getByLabel("标题").fill("超市卸货 2 人");
      await placeByAddress(boss);
      await boss.getByText("已按地址定位").waitFor();
      await boss.getByLabel("报酬（元）").fill("200");
      await boss.getByRole("group", { name: "地图" }).scrollIntoViewIfNeeded();
      await boss.mouse.move(0, 0);
      await screen(boss, "places-01-address-form");
      assert.ok(stub.asked.includes("镇江市京口区大市口街道中山东路 301 号"), stub.asked.join(" | "));
      await boss.getByRole("button", { name: "发布", exact: true }).click();
      await boss.waitForURL(/\/employer\/gigs\/[0-9a-f-]{36}$/);
      const gigId = boss.url().split("/").pop() ?? "";

      const posted = (await e2e.t.request("GET", `/api/gigs/${gigId}`)).json();
      assert.equal(posted.address, "京口区大市口街道中山东路 301 号");
      assert.deepEqual({ lon: posted.lng, lat: posted.lat }, ZHONGSHAN_EAST_301);
      const jingkou = readDivisionFeatures().find((f) => f.properties.adcode === 321102);
      assert.ok(jingkou && insideBoundary(posted, jingkou.geometry as MultiPolygon));

      const gig = { id: gigId, title: "超市卸货 2 人", checkInCode: "" };
      await phone.goto("/worker");
      await phone.getByRole("button", { name: "离我最近" }).click();
      await phone.getByRole("button", { name: "地图", exact: true }).click();
      await phone.getByRole("button", { name: /超市卸货 2 人/ }).waitFor();
      await screen(phone, "places-02-gigs-map");

      await workerFindsAndApplies(e2e, phone, gig, { phone: testPhone(), name: "陈秀兰" }, false);
      await employerAccepts(boss, gig, "陈秀兰", false);
      await workerConfirms(phone, gig, false);

      const card = phone.getByRole("region", { name: gig.title });
      // Booked, she can ring the employer from the card (their own number: no private numbers here).
      const call = card.getByRole("link", { name: /^打电话给雇主 1[3-9]\d{9}$/ });
      assert.match((await call.getAttribute("href")) ?? "", /^tel:1[3-9]\d{9}$/);
      await screen(phone, "places-03-booked-call-employer");
      await card.getByRole("button", { name: "导航" }).click();
      const amap = phone.getByRole("link", { name: "高德地图" });
      await amap.waitFor();
      const gcj = toGcj02({ lng: posted.lng, lat: posted.lat });
      assert.ok(
        (await amap.getAttribute("href"))?.includes(`position=${gcj.lng.toFixed(6)},${gcj.lat.toFixed(6)}`),
      );
      await screen(phone, "places-04-navigate");
      await phone.keyboard.press("Escape");

      const clock = e2e.t.clock as ManualClock;
      clock.set(new Date(new Date(posted.startsAt).getTime() - 5 * 60_000));
      await phone.goto("/worker/work");
      await phone.getByRole("region", { name: gig.title }).getByRole("link", { name: "去签到" }).click();
      await phone.getByRole("button", { name: "签到", exact: true }).click();
      await phone.getByRole("button", { name: "签退", exact: true }).waitFor();
      const [booking] = await e2e.t.scratch.database.db
        .select({ method: bookings.checkInMethod })
        .from(bookings)
        .where(eq(bookings.gigId, gigId));
      assert.equal(booking.method, "location");

      // Her home area, by address too: 象山街道 without a known street puts the pin at the
      // district's centre (no township centres ship); she drags it, saves, and it reads back.
      await phone.goto("/worker/profile");
      await choose(phone, "区县", "京口区");
      await choose(phone, "乡镇街道", "象山街道");
      await phone.getByLabel("路名门牌").fill("梦溪路 12 号");
      await phone.getByRole("button", { name: "在地图上定位" }).click();
      await phone.getByRole("status").filter({ hasText: "区县中心" }).waitFor();
      const homePin = phone.getByRole("button", { name: "地点图钉，可拖动" });
      await homePin.focus();
      for (let step = 0; step < 4; step++) await homePin.press("ArrowRight");
      await phone.getByRole("status").filter({ hasText: "图钉已移动" }).waitFor();
      await homePin.scrollIntoViewIfNeeded();
      // Off the 定位 button, which a hover would pale.
      await phone.mouse.move(0, 0);
      await screen(phone, "places-05-home-area");
      // The checks above ran on the whole screen; the picture for the docs is the address part.
      await phone
        .getByRole("group", { name: "住在哪儿附近（用来算路程）" })
        .screenshot({ path: path.join(SCREENSHOTS, "places-05-home-area.png") });
      await phone.getByRole("button", { name: "保存", exact: true }).click();
      await phone.waitForURL(/\/worker\/me$/);
      const [home] = await e2e.t.scratch.database.db
        .select()
        .from(workerProfiles)
        .where(eq(workerProfiles.name, "陈秀兰"));
      assert.equal(home.homeDistrictCode, "321102");
      assert.equal(home.homeStreet, "梦溪路 12 号");
      const jingkouCentre = (await e2e.t.request("GET", "/api/reference"))
        .json()
        .divisions.find((d: { code: string }) => d.code === "321102");
      assert.ok((home.homeLng as number) > jingkouCentre.centerLng, "the dragged pin was kept");
      assert.ok(
        insideBoundary(
          { lat: home.homeLat as number, lng: home.homeLng as number },
          jingkou.geometry as MultiPolygon,
        ),
      );
      await phone.goto("/worker/profile");
      assert.equal(await phone.getByLabel("路名门牌").inputValue(), "梦溪路 12 号");
      await phone.getByText("象山街道").first().waitFor();
    } catch (error) {
      await boss.screenshot({ path: "test-results/failed-places-employer.png" }).catch(() => undefined);
      await phone.screenshot({ path: "test-results/failed-places-worker.png" }).catch(() => undefined);
      throw error;
    } finally {
      await employer.close();
      await worker.close();
    }
  });
});
