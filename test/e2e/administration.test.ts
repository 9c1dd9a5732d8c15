/**
 * 系统管理 in a browser: the city admin adds a station and a staff account for it, and the new
 * account can sign in; the catalogue, the city settings and the audit log show what happened;
 * a district admin's menu has no city-only items. Axe checks every screen.
 */
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import type { BrowserContext, Page } from "playwright-core";
import { loadDemoCity } from "../../src/demo/demo-city.ts";
import { checkA11y, DESKTOP, type E2E, personContext, SCREENSHOTS, startE2E } from "./support/browser.ts";
import { placeByAddress } from "./support/employer.ts";

const PASSWORD = "linggong-demo";

async function shot(page: Page, name: string): Promise<void> {
  await page.evaluate("window.scrollTo(0, 0)");
  await page.mouse.move(700, 880); // off any button: a hovered button is drawn lighter
  await page.waitForTimeout(400); // drawers and toasts slide in
  await checkA11y(page, name);
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `admin-administration-${name}.png`) });
}

async function signedIn(e2e: E2E, username: string): Promise<BrowserContext> {
  const context = await personContext(e2e, { viewport: DESKTOP });
  const answer = await context.request.post("/api/auth/sign-in/password", {
    data: { username, password: PASSWORD },
  });
  assert.equal(answer.status(), 200);
  return context;
}

const heading = (page: Page, name: string) => page.getByRole("heading", { name, level: 1 });

/** Picks an option of an antd select in the drawer by its label. */
async function choose(page: Page, label: string, option: string): Promise<void> {
  await page.getByRole("dialog").getByLabel(label, { exact: true }).click();
  await page.locator(".ant-select-dropdown:visible").getByTitle(option, { exact: true }).click();
}

describe("administration (系统管理) in a browser", () => {
  let e2e: E2E;
  let city: BrowserContext;

  before(async () => {
    e2e = await startE2E();
    await loadDemoCity(e2e.t.ctx.database.db, {
      seed: 7,
      now: e2e.t.clock.now(),
      workers: 40,
      gigs: 20,
      historyDays: 7,
    });
    city = await signedIn(e2e, "admin.city");
  });
  after(async () => {
    await city?.close();
    await e2e?.close();
  });

  it("the city admin adds a station and a staff account for it, who can then sign in", async () => {
    const page = await city.newPage();
    await page.goto("/admin/stations");
    await heading(page, "驿站管理").waitFor();
    await page.getByRole("cell", { name: /京口区零工市场/ }).waitFor();
    await shot(page, "stations");

    await page.getByRole("button", { name: "新增驿站" }).click();
    const drawer = page.getByRole("dialog");
    await drawer.getByLabel("名称").fill("大市口社区零工驿站");
    await drawer.getByLabel("联系电话").fill("0511-85010001");
    await drawer.getByLabel("开放时间").fill("周一至周六 7:00–12:00");
    // The address, not coordinates: district → township → street, then the pin on the map.
    await placeByAddress(page);
    await drawer.getByRole("button", { name: "地点图钉，可拖动" }).scrollIntoViewIfNeeded();
    await shot(page, "station-drawer");
    await drawer.getByRole("button", { name: /保\s*存/ }).click();
    await page.getByRole("cell", { name: /大市口社区零工驿站/ }).waitFor();
    await page.getByRole("cell", { name: "京口区大市口街道中山东路 301 号" }).waitFor();

    await page.getByRole("menuitem", { name: "工作人员" }).click();
    await heading(page, "工作人员").waitFor();
    await page.getByRole("button", { name: "新增工作人员" }).click();
    await drawer.getByLabel("登录用户名").fill("station.dashikou");
    await drawer.getByLabel("姓名").fill("陈晓梅");
    await choose(page, "所在驿站", "大市口社区零工驿站");
    await drawer.getByLabel("初始密码").fill("dashikou-2026");
    await drawer.getByLabel("再次输入密码").fill("dashikou-2026");
    await shot(page, "staff-drawer");
    await drawer.getByRole("button", { name: /保\s*存/ }).click();
    await page.getByRole("cell", { name: "station.dashikou" }).waitFor();
    await drawer.waitFor({ state: "detached" });
    await shot(page, "staff");

    const staffSignIn = await e2e.t.app.inject({
      method: "POST",
      url: "/api/auth/sign-in/password",
      payload: { username: "station.dashikou", password: "dashikou-2026" },
    });
    assert.equal(staffSignIn.statusCode, 200);
    assert.equal(staffSignIn.json().user.districtCode, "321102");
    await page.close();
  });

  it("a taken username is refused with the server's message", async () => {
    const page = await city.newPage();
    await page.goto("/admin/staff");
    await page.getByRole("button", { name: "新增工作人员" }).click();
    const drawer = page.getByRole("dialog");
    await drawer.getByLabel("登录用户名").fill("station.dashikou");
    await drawer.getByLabel("姓名").fill("重名");
    await choose(page, "所在驿站", "大市口社区零工驿站");
    await drawer.getByLabel("初始密码").fill("dashikou-2026");
    await drawer.getByLabel("再次输入密码").fill("dashikou-2026");
    await drawer.getByRole("button", { name: /保\s*存/ }).click();
    await drawer.getByRole("alert").getByText("该用户名已被使用").waitFor();
    await page.close();
  });

  it("the catalogue, the city settings and the audit log", async () => {
    const page = await city.newPage();
    await page.goto("/admin/categories");
    await heading(page, "工种目录").waitFor();
    await page.getByRole("cell", { name: "4-10-05-01" }).first().waitFor();
    await shot(page, "categories");
    // A national category: the city sets its own reference pay; the national names stay as they are.
    const cleaning = page.getByRole("row").filter({ has: page.getByRole("cell", { name: "4-10-05-01" }) });
    await cleaning.getByRole("button", { name: "编辑" }).click();
    const drawer = page.getByRole("dialog");
    await drawer.getByText("这是全国基础工种").waitFor();
    assert.ok(await drawer.getByLabel("中文名称").isDisabled());
    await drawer.getByLabel("参考日薪").fill("175");
    await shot(page, "category-national");
    await drawer.getByRole("button", { name: /保\s*存/ }).click();
    await cleaning.getByRole("cell", { name: "¥175" }).waitFor();

    await page.getByRole("menuitem", { name: "城市设置" }).click();
    await heading(page, "城市设置").waitFor();
    await page.getByLabel("签到范围").waitFor();
    await page.getByLabel("签到范围").fill("800");
    await page.getByRole("button", { name: /保\s*存/ }).click();
    await page.getByText("已保存").waitFor();
    await shot(page, "settings");

    await page.getByRole("menuitem", { name: "审计日志" }).click();
    await heading(page, "审计日志").waitFor();
    await page.getByRole("cell", { name: "新增驿站" }).waitFor();
    await page.getByRole("cell", { name: "新增工作人员" }).waitFor();
    await page.getByRole("cell", { name: "修改城市设置" }).waitFor();
    // Who viewed personal data, per staff member, sits above the log.
    await page.getByRole("heading", { name: "谁看过个人信息" }).waitFor();
    await shot(page, "audit");
    // Narrowed to the one staff member who did these: her actions stay, and the filter can be lifted.
    await page.getByRole("button", { name: "只看此人的操作" }).first().click();
    await page.getByText("只看一名工作人员").waitFor();
    await page.getByRole("cell", { name: "新增驿站" }).waitFor();
    assert.equal(await page.getByRole("button", { name: "只看此人的操作" }).count(), 0);
    await page.close();
  });

  it("a district admin manages her district's stations and staff, without the city-only items", async () => {
    const context = await signedIn(e2e, "admin.jingkou");
    try {
      const page = await context.newPage();
      await page.goto("/admin/stations");
      await heading(page, "驿站管理").waitFor();
      await page.getByRole("cell", { name: /京口区零工市场/ }).waitFor();
      assert.equal(await page.getByRole("cell", { name: /润州区零工市场/ }).count(), 0);
      assert.equal(await page.getByRole("menuitem", { name: "工种目录" }).count(), 0);
      assert.equal(await page.getByRole("menuitem", { name: "城市设置" }).count(), 0);
      await shot(page, "district-stations");
    } finally {
      await context.close();
    }
  });
});
