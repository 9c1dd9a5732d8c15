/**
 * The monitoring platform (就业监测云平台) in a browser: the city admin signs in to a small demo
 * city, reads the overview, watches a figure change live as a booking is made, opens supply and
 * demand with the district map, downloads the official table; a district admin sees only her
 * district; the big screen fills a 1920×1080 wall display. Axe checks every screen.
 */
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import ExcelJS from "exceljs";
import type { BrowserContext, Page } from "playwright-core";
import { DEFAULT_SEED, loadDemoCity } from "../../src/demo/demo-city.ts";
import { MonitoringRollup } from "../../src/monitoring/rollup.ts";
import type { ManualClock } from "../../src/platform/clock.ts";
import { bookedShift } from "../support/shift-fixtures.ts";
import {
  checkA11y,
  DESKTOP,
  type E2E,
  personContext,
  SCREENSHOTS,
  startE2E,
  untilTrue,
} from "./support/browser.ts";

const PASSWORD = "linggong-demo";
const WALL = { width: 1920, height: 1080 };

/** The pages keep a live connection open (server-sent events), so "network idle" never comes: wait for content. */
async function shot(page: Page, name: string): Promise<void> {
  await checkA11y(page, name);
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });
}

async function signIn(page: Page, username: string, shots = false): Promise<void> {
  await page.goto("/admin");
  await page.getByLabel("用户名").waitFor();
  if (shots) await shot(page, "admin-sign-in");
  await page.getByLabel("用户名").fill(username);
  await page.getByLabel("密码").fill(PASSWORD);
  await page.getByRole("button", { name: /登\s*录/ }).click();
  await page.getByRole("heading", { name: "总览", level: 1 }).waitFor();
}

/** Waits until the charts have drawn: every ECharts canvas on the page has a size. */
async function chartsDrawn(page: Page): Promise<void> {
  await untilTrue(
    page,
    `[...document.querySelectorAll("[role=img] canvas")].length > 0 &&
     [...document.querySelectorAll("[role=img] canvas")].every((c) => c.width > 0 && c.height > 0)`,
  );
  await page.waitForTimeout(800); // ECharts animates its first drawing
}

/** Opens a page from the side menu; on a busy machine a click during a live refresh is tried again. */
async function openMenu(page: Page, item: string, heading: string): Promise<void> {
  const title = page.getByRole("heading", { name: heading, level: 1 });
  for (let attempt = 0; attempt < 3; attempt++) {
    await page.getByRole("menuitem", { name: item }).click();
    if (
      await title.waitFor({ timeout: 7_000 }).then(
        () => true,
        () => false,
      )
    )
      return;
  }
  await title.waitFor();
}

describe("the monitoring platform in a browser", () => {
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
    // The pages after the first are the city admin's, signed in once (the first test signs in on screen).
    city = await personContext(e2e, { viewport: DESKTOP });
    const signedIn = await city.request.post("/api/auth/sign-in/password", {
      data: { username: "admin.city", password: PASSWORD },
    });
    assert.equal(signedIn.status(), 200);
  });
  after(async () => {
    await city?.close();
    await e2e?.close();
  });

  it("the city admin signs in, reads the overview and sees a booking arrive live", async () => {
    const context = await personContext(e2e, { viewport: DESKTOP });
    const page = await context.newPage();
    await signIn(page, "admin.city", true);
    await page.getByTestId("scope-name").getByText("镇江市").waitFor();
    await page.getByTestId("live-indicator").getByText("实时").waitFor();
    const bookings = page.getByTestId("live-bookings").locator("strong");
    await bookings.waitFor();
    await page
      .getByTestId("figure-ratio")
      .locator(".lg-admin-figure-value")
      .getByText(/\d\.\d\d/)
      .waitFor();
    // The period's use of the self-service terminals, beside the station services.
    await page.getByTestId("overview-terminal-use").getByText("打印派工单").waitFor();
    await chartsDrawn(page);
    await shot(page, "admin-overview");

    const before = Number(await bookings.textContent());
    await bookedShift(e2e.t, e2e.t.clock as ManualClock);
    await untilTrue(
      page,
      `Number(document.querySelector('[data-testid="live-bookings"] strong')?.textContent) === ${before + 1}`,
      15_000,
    );
    await context.close();
  });

  it("supply and demand shows 求人倍率 by category and on the district map, and downloads the official table", async () => {
    const page = await city.newPage();
    await page.goto("/admin/overview");
    await openMenu(page, "供求分析", "供求分析");
    await page.getByTestId("table-category").getByRole("row").nth(2).waitFor();
    await page.getByTestId("district-map").locator("canvas").waitFor();
    await chartsDrawn(page);
    await shot(page, "admin-supply-demand");

    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: /供求表 Excel/ }).click();
    const file = await download;
    assert.match(file.suggestedFilename(), /\.xlsx$/);
    const dir = mkdtempSync(path.join(tmpdir(), "lg-admin-"));
    try {
      const saved = path.join(dir, file.suggestedFilename());
      await file.saveAs(saved);
      const book = new ExcelJS.Workbook();
      await book.xlsx.readFile(saved);
      const texts: string[] = [];
      book.eachSheet((sheet) =>
        sheet.eachRow((row) => row.eachCell((cell) => texts.push(String(cell.value)))),
      );
      assert.ok(texts.includes("求人倍率"), `no 求人倍率 header in ${texts.slice(0, 20).join(", ")}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    await page.close();
  });

  it("every other page of the city admin passes axe and is captured", async () => {
    const page = await city.newPage();
    await page.goto("/admin/overview?period=quarter");
    await page.getByRole("heading", { name: "总览", level: 1 }).waitFor();
    await openMenu(page, "工资价位", "工资价位");
    await chartsDrawn(page);
    await shot(page, "admin-wages");
    await openMenu(page, "就业质量", "就业质量");
    await page.getByText("岗位满足率").first().waitFor();
    await shot(page, "admin-quality");
    await openMenu(page, "投诉与欠薪", "投诉与欠薪");
    await page.getByText("欠薪", { exact: true }).first().waitFor();
    await shot(page, "admin-complaints");
    await openMenu(page, "区县对比", "区县对比");
    await page.getByTestId("table-districts").getByText("丹阳市").waitFor();
    await chartsDrawn(page);
    await shot(page, "admin-districts");
    await openMenu(page, "总览", "总览");
    await page.getByRole("link", { name: /查看明细.*有效需求人数/ }).click();
    await page.getByRole("heading", { name: "岗位明细", level: 1 }).waitFor();
    await page.getByTestId("drill-table").locator(".ant-table-row").first().waitFor();
    await shot(page, "admin-drill-vacancies");
    await page.goto("/admin/drill/seekers?period=quarter");
    const phone = page
      .getByTestId("drill-table")
      .getByText(/^1\d\d\*\*\*\*\d{4}$/)
      .first();
    await phone.waitFor();
    await page.getByRole("menuitem", { name: "打印报表" }).click();
    await page.getByRole("heading", { name: /就业监测统计报表/ }).waitFor();
    await page.emulateMedia({ media: "print" });
    await shot(page, "admin-print");
    await page.close();
  });

  it("a district admin sees only her district, without the district comparison", async () => {
    const context = await personContext(e2e, { viewport: DESKTOP });
    try {
      const page = await context.newPage();
      await signIn(page, "admin.jingkou");
      await page.getByTestId("scope-name").getByText("京口区").waitFor();
      assert.equal(await page.getByRole("menuitem", { name: "区县对比" }).count(), 0);
      const answer = await page.request.get("/api/monitoring/supply-demand");
      assert.equal((await answer.json()).scope.district, "321102");
      const others = await page.request.get("/api/monitoring/districts");
      assert.equal(others.status(), 403);
      await chartsDrawn(page);
      await shot(page, "admin-district-overview");
    } finally {
      await context.close();
    }
  });

  it("the big screen fills a 1920×1080 wall display with the figures, the map, 30-day trends, arrears, stations and a feed of new gigs and hires, in Chinese and English", async () => {
    const context = await personContext(e2e, { viewport: WALL });
    try {
      await context.addCookies(await city.cookies());
      const page = await context.newPage();
      await page.goto("/admin/screen");
      await page.getByTestId("screen-ticker").locator("li").first().waitFor();
      await page
        .getByTestId("screen-ratio")
        .getByText(/\d\.\d\d/)
        .waitFor();
      await chartsDrawn(page);
      const box = await page.getByTestId("big-screen").boundingBox();
      assert.ok(
        box && Math.round(box.width) === 1920 && Math.round(box.height) === 1080,
        JSON.stringify(box),
      );
      // The 30-day panels and the arrears and station lists are drawn from /api/monitoring/screen.
      await page.getByText("近30天求人倍率与录用").waitFor();
      await page.getByTestId("screen-arrears").getByText("追回工钱").waitFor();
      await page.getByText("近30天日薪与岗位满足率").waitFor();
      // The feed runs the newest gigs and today's bookings together, so it is never nearly empty.
      const ticker = page.getByTestId("screen-ticker");
      await ticker.getByText("招工", { exact: true }).first().waitFor();
      await ticker.getByText("录用", { exact: true }).first().waitFor();
      assert.ok((await ticker.locator("li:not([aria-hidden])").count()) >= 10);
      await shot(page, "admin-bigscreen");

      // In English: words of their own, not glued Chinese parts, and dates in English.
      await page.evaluate(`localStorage.setItem('lg.lang', 'en')`);
      await page.reload();
      await page.getByText("Bookings today", { exact: true }).waitFor();
      await page.getByText("Ratio and bookings, 30 days").waitFor();
      await page.getByText("Pay (¥) and fill rate, 30 days").waitFor();
      await page.getByTestId("screen-ticker").getByText("Hired", { exact: true }).first().waitFor();
      await page.getByTestId("screen-ticker").locator("li").first().waitFor();
      await chartsDrawn(page);
      const words = (await page.getByTestId("big-screen").textContent()) ?? "";
      assert.doesNotMatch(words, /TodayBookings|今日|近30天/);
      await shot(page, "admin-bigscreen-en");
      await page.evaluate(`localStorage.removeItem('lg.lang')`);
    } finally {
      await context.close();
    }
  });
});
