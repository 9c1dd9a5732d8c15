/**
 * The information screen by the station's door (信息发布屏) in Chromium: staff enrol the screen
 * from the station console, the screen trades the code for its token, pages through the open
 * gigs nearby, shows a gig posted through the API within seconds, marks its data stale when the
 * server stops and catches up after the restart. Portrait too. Axe on every screen; screenshots
 * into docs/screenshots/display-*.png and station-devices.png.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { eq, sql } from "drizzle-orm";
import type { Page } from "playwright-core";
import { hashPassword } from "../../src/accounts/password.ts";
import { buildApp } from "../../src/app.ts";
import { stations, users } from "../../src/db/schema/index.ts";
import type { App } from "../../src/platform/http/types.ts";
import { employer, gigBody, postedGig, stationStaff } from "../support/market-fixtures.ts";
import { DESKTOP, type E2E, personContext, screen, startE2E, untilTrue } from "./support/browser.ts";

const LANDSCAPE = { width: 1920, height: 1080 };
const PORTRAIT = { width: 1080, height: 1920 };

describe("the information screen (/display)", () => {
  let e2e: E2E;
  let staff: { token: string; userId: string };
  let boss: Awaited<ReturnType<typeof employer>>;
  let stationId: string;
  let restarted: App | null = null;

  before(async () => {
    e2e = await startE2E();
    const { t } = e2e;
    staff = await stationStaff(t);
    const passwordHash = await hashPassword("counter-pass-1");
    await t.ctx.database.db.execute(
      sql`update users set username = 'station.screen', password_hash = ${passwordHash}, display_name = '宝塔路驿站 陈洁'
          where id = ${staff.userId}`,
    );
    const [row] = await t.ctx.database.db
      .select({ stationId: users.stationId })
      .from(users)
      .where(eq(users.id, staff.userId));
    stationId = row.stationId as string;
    await t.ctx.database.db
      .update(stations)
      .set({ phone: "0511-85012345", openingHours: "周一至周六 7:00-17:00" })
      .where(eq(stations.id, stationId));
    boss = await employer(t);
    const titles = [
      "商场开荒保洁",
      "超市理货",
      "搬家小工",
      "餐厅洗碗",
      "仓库分拣",
      "小区绿化",
      "展会布展",
      "快递装卸",
    ];
    for (const [i, title] of titles.entries())
      await postedGig(t, boss, { title, headcount: 2 + (i % 3), payFen: 180_00 + i * 10_00 }, 20 + i * 3);
  });
  after(async () => {
    await restarted?.close();
    await e2e?.close();
  });

  async function enrolFromConsole(kind: "信息发布屏"): Promise<string> {
    const context = await personContext(e2e, { viewport: DESKTOP });
    const page = await context.newPage();
    await page.goto("/station");
    await page.getByLabel("用户名").fill("station.screen");
    await page.getByLabel("密码").fill("counter-pass-1");
    await page.getByRole("button", { name: /登\s*录/ }).click();
    await page.getByRole("heading", { name: /今日工作/, level: 1 }).waitFor();
    await page.getByRole("link", { name: "自助设备" }).click();
    await page.getByRole("heading", { name: "自助设备", level: 1 }).waitFor();
    await page.getByLabel("设备类型").click();
    await page.locator(".ant-select-dropdown:visible").getByTitle(kind, { exact: true }).click();
    await page.getByLabel("设备名称").fill("门口大屏");
    await page.getByRole("button", { name: "登记设备" }).click();
    const code = (await page.getByTestId("enrolment-code").textContent()) ?? "";
    await screen(page, "station-devices-code");
    await page.getByRole("button", { name: /OK|确\s*定/ }).click();
    await page.getByRole("cell", { name: "等待登记" }).first().waitFor();
    await screen(page, "station-devices");
    await context.close();
    return code;
  }

  async function enrolScreen(page: Page, code: string): Promise<void> {
    await page.goto("/display");
    await page.getByRole("heading", { name: /登记本设备/ }).waitFor();
    await page.getByLabel("登记码").fill(code);
    await page.getByRole("button", { name: "登记" }).click();
    await page.getByRole("heading", { name: /宝塔路零工驿站/ }).waitFor();
  }

  const pageLabel = (page: Page) => page.getByTestId("display-page").textContent();

  it("enrolled from the console, it pages through the station's open gigs with QR codes, hours and phone", async () => {
    const code = await enrolFromConsole("信息发布屏");
    assert.match(code, /^[2-9A-Z]{4}-[2-9A-Z]{4}$/);
    const context = await personContext(e2e, { viewport: LANDSCAPE });
    const page = await context.newPage();
    await page.goto("/display");
    await screen(page, "display-enrol");
    await enrolScreen(page, code);
    assert.equal(await page.getByTestId("display-gig").count(), 6, "3 × 2 on a landscape screen");
    assert.equal(await pageLabel(page), "第 1/2 页");
    await page.getByRole("img", { name: /扫码报名：商场开荒保洁/ }).waitFor();
    await page.getByText("咨询电话：0511-85012345").waitFor();
    await screen(page, "display-landscape", { live: true });
    // 12 s a page: the second page comes up by itself.
    await untilTrue(
      page,
      `document.querySelector('[data-testid=display-page]').textContent === "第 2/2 页"`,
      20_000,
    );
    assert.equal(await page.getByTestId("display-gig").count(), 2);
    assert.doesNotMatch(
      await page.content(),
      /镇江好帮手|1[3-9]\d{9}/,
      "no employer, no mobile number on the wall",
    );

    // A gig posted through the API shows up live.
    await postedGig(e2e.t, boss, { title: "临时搬运工" }, 6);
    await page.getByText("附近在招 9 个岗位").waitFor({ timeout: 10_000 });

    // The server stops: the screen keeps the last data under a clear stale mark.
    await e2e.t.app.close();
    await page.getByTestId("stale-mark").waitFor({ timeout: 15_000 });
    assert.match((await page.getByTestId("stale-mark").textContent()) ?? "", /网络中断.*\d{2}:\d{2}/);
    assert.equal((await page.getByTestId("display-gig").count()) > 0, true, "the last gigs stay up");
    await screen(page, "display-stale", { live: true });

    // Meanwhile a gig is posted on another instance; the restarted server's stream catches up.
    restarted = await buildApp(e2e.t.ctx, { logger: false });
    await restarted.ready();
    const posted = await restarted.inject({
      method: "POST",
      url: "/api/gigs",
      headers: { authorization: `Bearer ${boss.token}` },
      payload: gigBody(e2e.t, { title: "夜班保安" }, 30),
    });
    assert.equal(posted.statusCode, 201, posted.body);
    const port = new URL(e2e.baseUrl).port;
    await restarted.listen({ port: Number(port), host: "127.0.0.1" });
    await page.getByText("附近在招 10 个岗位").waitFor({ timeout: 30_000 });
    await page.getByTestId("stale-mark").waitFor({ state: "detached" });
    await context.close();
  });

  it("stands upright too: 2 × 4 on a portrait screen", async () => {
    const created = await (restarted as App).inject({
      method: "POST",
      url: "/api/devices",
      headers: { authorization: `Bearer ${staff.token}` },
      payload: { stationId, kind: "screen", name: "二楼竖屏" },
    });
    assert.equal(created.statusCode, 201, created.body);
    const context = await personContext(e2e, { viewport: PORTRAIT });
    const page = await context.newPage();
    await enrolScreen(page, created.json().enrolmentCode);
    assert.equal(await page.getByTestId("display-gig").count(), 8);
    await screen(page, "display-portrait", { live: true });
    await context.close();
  });
});
