/**
 * The official supply-and-demand table (部分城市公共就业服务机构市场供求状况) in a browser: the city
 * admin opens it from the menu on a small demo city, in zh-CN and in English. Axe checks both.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { BrowserContext, Page } from "playwright-core";
import { DEFAULT_SEED, loadDemoCity } from "../../src/demo/demo-city.ts";
import { MonitoringRollup } from "../../src/monitoring/rollup.ts";
import { capture, checkA11y, DESKTOP, type E2E, personContext, startE2E } from "./support/browser.ts";

const PASSWORD = "linggong-demo";

async function shot(page: Page, name: string): Promise<void> {
  await checkA11y(page, name);
  await capture(page, name, { live: true });
}

describe("the official supply-and-demand table in a browser", () => {
  let e2e: E2E;
  let city: BrowserContext;

  before(async () => {
    e2e = await startE2E();
    await loadDemoCity(e2e.t.ctx.database.db, {
      seed: DEFAULT_SEED,
      now: e2e.t.clock.now(),
      workers: 300,
      gigs: 150,
      historyDays: 60,
    });
    await new MonitoringRollup(e2e.t.ctx).catchUp();
    city = await personContext(e2e, { viewport: { ...DESKTOP, height: 1400 } });
    const signedIn = await city.request.post("/api/auth/sign-in/password", {
      data: { username: "admin.city", password: PASSWORD },
    });
    assert.equal(signedIn.status(), 200);
  });
  after(async () => {
    await city?.close();
    await e2e?.close();
  });

  it("shows 需求人数, 求职人数 and 求人倍率 registered in the period, by group, category, requirements and traits", async () => {
    const page = await city.newPage();
    await page.goto("/admin/overview");
    await page.getByRole("menuitem", { name: "官方供求状况" }).click();
    await page.getByRole("heading", { name: "人力资源市场供求状况（官方口径）", level: 1 }).waitFor();
    await page.getByTestId("official-categories").getByRole("row").nth(2).waitFor();
    const groups = await page.getByTestId("official-groups").innerText();
    assert.match(groups, /社会生产服务和生活服务人员/);
    assert.doesNotMatch(groups, /第\d大类/);
    assert.match(await page.locator(".lg-admin-content main").innerText(), /无要求/);
    await shot(page, "admin-official-flow");

    await page.evaluate(`localStorage.setItem('lg.lang', 'en')`);
    await page.reload();
    await page
      .getByRole("heading", { name: "Labour market supply and demand (official definition)", level: 1 })
      .waitFor();
    await page.getByTestId("official-categories").getByRole("row").nth(2).waitFor();
    assert.match(await page.locator(".lg-admin-content main").innerText(), /No requirement/);
    await shot(page, "admin-official-flow-en");
    await page.close();
  });
});
