/**
 * The station console (驿站工作台) in a browser, on a small demo city: staff sign in, see today's
 * counts, register a walk-in worker without a smartphone, run a morning dispatch preview on the
 * seeded gigs and workers, print a job slip with its QR code, and take a complaint. Axe checks
 * every screen; screenshots go to docs/screenshots/station-*.png.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { and, eq } from "drizzle-orm";
import { chromium, type Page } from "playwright-core";
import { buildApp } from "../../src/app.ts";
import { bookings, complaints, gigs } from "../../src/db/schema/index.ts";
import { DEFAULT_SEED, loadDemoCity } from "../../src/demo/demo-city.ts";
import { ManualClock } from "../../src/platform/clock.ts";
import { loadConfig } from "../../src/platform/config.ts";
import type { App } from "../../src/platform/http/types.ts";
import { LogSmsProvider } from "../../src/platform/sms.ts";
import { loadReferenceData } from "../../src/reference/reference.loader.ts";
import { createScratchDatabase, type ScratchDatabase } from "../support/database.ts";
import {
  capture,
  captureWhole,
  checkA11y,
  DESKTOP,
  type E2E,
  personContext,
  untilTrue,
} from "./support/browser.ts";
import { testPhone } from "./support/people.ts";

const PASSWORD = "linggong-demo";

/** A fresh 欠薪 complaint in 京口区, so the counter has one waiting whatever the demo generated. */
async function arrearsInJingkou(scratch: ScratchDatabase, now: Date): Promise<void> {
  const db = scratch.database.db;
  const [booking] = await db
    .select({ id: bookings.id, workerId: bookings.workerId, employerId: bookings.employerId, gigId: gigs.id })
    .from(bookings)
    .innerJoin(gigs, eq(gigs.id, bookings.gigId))
    .where(and(eq(gigs.districtCode, "321102"), eq(bookings.status, "completed")))
    .limit(1);
  assert.ok(booking, "the demo city has a completed booking in 京口区");
  await db.insert(complaints).values({
    cityCode: "321100",
    districtCode: "321102",
    kind: "wage_arrears",
    complainantUserId: booking.workerId,
    againstEmployerId: booking.employerId,
    gigId: booking.gigId,
    bookingId: booking.id,
    amountFen: 240_00,
    description: "干完活已经五天，老板一直没结工钱，共240元。",
    dueAt: new Date(now.getTime() + 7 * 86_400_000),
    createdAt: now,
  });
}

/**
 * Like startE2E, but the demo city is loaded before the server starts: the matching indexes are
 * built from the database at start, so the dispatch sees the seeded gigs and workers.
 */
async function startWithDemoCity(): Promise<E2E & { scratch: ScratchDatabase; app: App }> {
  const scratch = await createScratchDatabase();
  const clock = new ManualClock(new Date());
  const db = scratch.database.db;
  await loadReferenceData(db);
  await loadDemoCity(db, { seed: DEFAULT_SEED, now: clock.now(), workers: 400, gigs: 240, historyDays: 30 });
  await arrearsInJingkou(scratch, clock.now());
  const ctx = {
    config: { ...loadConfig({}), demo: false, logLevel: "silent" },
    database: scratch.database,
    clock,
    sms: new LogSmsProvider(() => {}),
  };
  const app = await buildApp(ctx, { logger: false });
  const baseUrl = await app.listen({ port: 0, host: "127.0.0.1" });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--lang=zh-CN"],
  });
  const cspViolations: string[] = [];
  return {
    // Only the fields the shared helpers read.
    t: { clock } as unknown as E2E["t"],
    baseUrl,
    browser,
    cspViolations,
    scratch,
    app,
    close: async () => {
      await browser.close();
      await app.close();
      await scratch.drop();
      assert.deepEqual(cspViolations, [], "the pages broke the Content-Security-Policy");
    },
  };
}

async function shot(page: Page, name: string): Promise<void> {
  // Settled means no finite animation still running (a spinner or caret may run forever).
  await page.evaluate(`document.activeElement?.blur?.()`);
  await untilTrue(
    page,
    `document.getAnimations().every((a) => a.playState !== "running" || a.effect?.getTiming().iterations === Infinity)`,
  );
  await checkA11y(page, name);
  await capture(page, name);
}

/** Runs a step; when it breaks, keeps what the counter showed for whoever reads the CI log. */
async function step(page: Page, body: () => Promise<void>): Promise<void> {
  try {
    await body();
  } catch (error) {
    await page.screenshot({ path: `test-results/failed-station-${Date.now()}.png` }).catch(() => undefined);
    throw error;
  }
}

async function pickOption(page: Page, label: string, option: string): Promise<void> {
  await page.getByLabel(label, { exact: true }).click();
  await page.locator(".ant-select-dropdown:visible").getByTitle(option, { exact: true }).click();
  await page.keyboard.press("Escape");
}

describe("the station console in a browser", () => {
  let e2e: Awaited<ReturnType<typeof startWithDemoCity>>;
  let page: Page;

  before(async () => {
    e2e = await startWithDemoCity();
    const context = await personContext(e2e, { viewport: DESKTOP });
    page = await context.newPage();
  });
  after(async () => {
    await e2e?.close();
  });

  it("staff sign in with username and password and see today's counts", () =>
    step(page, async () => {
      await page.goto("/station");
      await page.getByLabel("用户名").waitFor();
      await shot(page, "station-sign-in");
      await page.getByLabel("用户名").fill("station.jingkou");
      await page.getByLabel("密码").fill(PASSWORD);
      await page.getByRole("button", { name: /登\s*录/ }).click();
      await page.getByRole("heading", { name: /今日工作/, level: 1 }).waitFor();
      await page.getByTestId("open-complaints").getByText(/^\d+$/).waitFor();
      await shot(page, "station-home");
    }));

  it("registers a walk-in worker who has no smartphone", () =>
    step(page, async () => {
      await page.getByRole("link", { name: "登记零工" }).first().click();
      await page.getByRole("heading", { name: "登记零工", level: 1 }).waitFor();
      await page.getByLabel("手机号").fill(testPhone());
      await page.getByLabel("姓名").fill("王桂兰");
      // Her ID card gives her birth date and sex; the two fields close while it is typed.
      await page.getByLabel("身份证号").fill("321102196903141244");
      // The fields close once the form has read the number: wait for that rather than race it.
      const birthDate = page.getByLabel("出生日期");
      for (let tries = 0; tries < 50 && !(await birthDate.isDisabled()); tries++)
        await page.waitForTimeout(100);
      assert.ok(await birthDate.isDisabled(), "the birth date comes from the ID number");
      await pickOption(page, "文化程度", "初中");
      await pickOption(page, "持有证书", "健康证");
      await pickOption(page, "想做的工种", "保洁");
      await page.getByLabel("期望日薪（元）").fill("180");
      await page.getByLabel("备注").fill("没有智能手机，女儿代收短信");
      await page.getByRole("checkbox", { name: /本人已口头同意/ }).check();
      await shot(page, "station-walk-in");
      await captureWhole(page, ".lg-station-form", "station-walk-in-form");
      await page.getByRole("button", { name: /登\s*记/ }).click();
      await page.getByText(/已登记：王桂兰/).waitFor();
      await page.getByText("已为其开通账号").waitFor();
    }));

  it("runs a morning dispatch preview on the seeded gigs and workers, with scores and reasons", () =>
    step(page, async () => {
      await page.getByRole("link", { name: "早市派工" }).click();
      await page.getByRole("heading", { name: "早市派工", level: 1 }).waitFor();
      await page.getByLabel("开工时间在多少小时内").fill("72");
      await page.getByRole("button", { name: "生成派工方案" }).click();
      await page.getByText(/拟派工 \d+ 人/).waitFor();
      const rows = page.locator(".ant-table-tbody tr.ant-table-row");
      assert.ok((await rows.count()) > 0, "the preview proposes offers");
      await shot(page, "station-dispatch");
    }));

  it("opens a printable job slip with a QR code to the gig's page", () =>
    step(page, async () => {
      await page.getByRole("link", { name: "派工单" }).first().click();
      await page.getByRole("heading", { name: "零工派工单", level: 1 }).waitFor();
      const qr = page.getByTestId("slip-qr");
      await qr.waitFor();
      assert.match((await qr.getAttribute("alt")) ?? "", /\/worker\/gigs\/[0-9a-f-]{36}$/);
      await shot(page, "station-slip");
      await page.emulateMedia({ media: "print" });
      assert.equal(await page.locator(".lg-slip-toolbar").isVisible(), false, "the toolbar does not print");
      // Back to no emulation: a PDF is then made with print media, as a print would.
      await page.emulateMedia({ media: null });
      // The print dialog is given the paper chosen: an 80 mm receipt roll, or an A4 sheet.
      const pageSize = async () => {
        const pdf = (await page.pdf({ preferCSSPageSize: true })).toString("latin1");
        const box = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(pdf);
        assert.ok(box, "the PDF names its page size");
        return {
          widthMm: Math.round((Number(box[1]) / 72) * 25.4),
          heightMm: Math.round((Number(box[2]) / 72) * 25.4),
        };
      };
      await page.getByText("80毫米小票").click();
      await page.locator(".lg-slip--roll80").waitFor();
      assert.match(page.url(), /paper=roll80/);
      assert.equal((await pageSize()).widthMm, 80);
      await shot(page, "station-slip-80mm");
      await page.getByText("A4", { exact: true }).click();
      await page.locator(".lg-slip--a4").waitFor();
      assert.deepEqual(await pageSize(), { widthMm: 210, heightMm: 297 });
      await page.getByRole("button", { name: /返\s*回/ }).click();
    }));

  it("takes a complaint of the district and sees the employer's open arrears", () =>
    step(page, async () => {
      await page.goto("/station/complaints");
      await page.getByRole("heading", { name: "投诉处理", level: 1 }).waitFor();
      await pickOption(page, "状态", "待处理");
      await page.locator(".ant-table-tbody tr.ant-table-row").first().waitFor();
      await shot(page, "station-complaints");
      await page
        .locator(".ant-table-tbody tr.ant-table-row")
        .first()
        .getByRole("button", { name: /查看/ })
        .click();
      await page.getByRole("button", { name: /接\s*手/ }).click();
      await page.getByRole("button", { name: /确认办结/ }).waitFor();
      await shot(page, "station-complaint");
    }));

  it("finds an employer who phoned in and lists the week's services", () =>
    step(page, async () => {
      await page.goto("/station/post");
      await page.getByLabel("查找用工方").fill("有限公司");
      await page.getByRole("button", { name: /查\s*找/ }).click();
      await page
        .getByRole("button", { name: /选\s*择/ })
        .first()
        .waitFor();
      await shot(page, "station-post");
      // On the phone with her: the employer's gigs here, and who applied to one.
      await page
        .getByRole("button", { name: /选\s*择/ })
        .first()
        .click();
      await page.getByRole("heading", { name: "该单位在本区的岗位" }).waitFor();
      const see = page.getByRole("button", { name: "查看报名" });
      await see.first().or(page.getByText("该单位在本区还没有岗位")).first().waitFor();
      if ((await see.count()) > 0) {
        await see.first().click();
        await page.getByTestId("employer-applicants").waitFor();
      }
      await shot(page, "station-post-employer-gigs");
      await page.goto("/station/services");
      await page.getByRole("heading", { name: "服务记录", level: 1 }).waitFor();
      await page.getByText("王**").first().waitFor();
      await shot(page, "station-services");
    }));
});
