/**
 * 批量导入 in a browser: the city admin imports an employers sheet and reads every row's outcome,
 * with the rejected rows' reasons and their .csv; a district admin's stations sheet keeps to her
 * district; the page in English. Axe checks every screen; screenshots go to docs/screenshots/.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { after, before, describe, it } from "node:test";
import type { BrowserContext, Page } from "playwright-core";
import { creditCodeCheck } from "../../src/accounts/identity-codes.ts";
import { loadDemoCity } from "../../src/demo/demo-city.ts";
import { captureWhole, DESKTOP, type E2E, personContext, screen, startE2E } from "./support/browser.ts";

const PASSWORD = "linggong-demo";

async function signedIn(e2e: E2E, username: string): Promise<BrowserContext> {
  const context = await personContext(e2e, { viewport: DESKTOP });
  const answer = await context.request.post("/api/auth/sign-in/password", {
    data: { username, password: PASSWORD },
  });
  assert.equal(answer.status(), 200);
  return context;
}

function creditCode(n: number): string {
  const first17 = `91321100MA1E2E${String(n).padStart(3, "0")}`;
  return first17 + creditCodeCheck(first17);
}

/** What to import: antd draws each choice as a button over its hidden radio. */
async function chooseKind(page: Page, label: string): Promise<void> {
  await page.locator(".ant-radio-button-wrapper", { hasText: label }).click();
  assert.ok(await page.getByRole("radio", { name: label }).isChecked());
}

/** Checks and saves the screen with the pointer off every button (a hovered one is drawn lighter). */
async function shot(page: Page, name: string): Promise<void> {
  await page.mouse.move(1400, 880);
  await screen(page, name);
}

/** A sheet as the clerk uploads it: a .csv file chosen in the page's file picker. */
async function upload(page: Page, name: string, lines: string[]): Promise<void> {
  await page
    .locator("input[type=file]")
    .setInputFiles({ name, mimeType: "text/csv", buffer: Buffer.from(lines.join("\n")) });
  await page.getByText(name).waitFor();
}

describe("imports (批量导入) in a browser", () => {
  let e2e: E2E;

  before(async () => {
    e2e = await startE2E();
    await loadDemoCity(e2e.t.ctx.database.db, {
      seed: 7,
      now: e2e.t.clock.now(),
      workers: 20,
      gigs: 10,
      historyDays: 3,
    });
  });
  after(async () => {
    await e2e?.close();
  });

  it("the city admin imports employers and reads each row's outcome, the rejected ones with reasons and a .csv", async () => {
    const context = await signedIn(e2e, "admin.city");
    const page = await context.newPage();
    await page.goto("/admin/imports");
    await page.getByRole("heading", { name: "批量导入", level: 1 }).waitFor();
    await page.getByText("导入到全市").waitFor();
    await shot(page, "admin-imports");

    await chooseKind(page, "用人单位");
    await page.getByText("导入的用人单位直接为已认证").waitFor();
    const template = page.getByRole("link", { name: /下载模板/ });
    assert.equal(await template.getAttribute("href"), "/api/admin/imports/employers/template");
    const [file] = await Promise.all([page.waitForEvent("download"), template.click()]);
    assert.equal(file.suggestedFilename(), "用人单位名录-导入模板.xlsx");

    await upload(page, "用人单位名录.csv", [
      "单位名称,统一社会信用代码,联系人,联系电话,所在区县",
      `镇江金山物业管理有限公司,${creditCode(1)},王经理,13911120001,京口区`,
      `镇江润州酒店管理有限公司,${creditCode(2)},李主管,13911120002,润州区`,
      `校验位错误的公司,${creditCode(3).slice(0, 17)}0,,13911120003,丹徒区`,
      `手机号错误的公司,${creditCode(4)},,1391112000,丹阳市`,
    ]);
    await page.getByRole("button", { name: "开始导入" }).click();
    const result = page.getByTestId("import-result");
    await result.getByText("共 4 行：已导入 2，已存在 0，不合格 2").waitFor();
    await result.getByText("统一社会信用代码有误，请核对").waitFor();
    await result.getByText("手机号不是 11 位大陆手机号").waitFor();
    await shot(page, "admin-imports-employers");
    await captureWhole(page, "[data-testid=import-result]", "admin-imports-employers-report");

    const [rejects] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: /下载不合格的行/ }).click(),
    ]);
    assert.equal(rejects.suggestedFilename(), "employers-rejected.csv");
    const csv = readFileSync((await rejects.path()) ?? "", "utf8");
    assert.match(csv, /\r\n4,校验位错误的公司,.*credit_code_invalid/);
    assert.match(csv, /\r\n5,手机号错误的公司,.*phone_invalid/);

    // The same sheet again: nothing twice.
    await page.getByRole("button", { name: "开始导入" }).click();
    await result.getByText("共 4 行：已导入 0，已存在 2，不合格 2").waitFor();
    assert.equal(await result.getByText("已存在，跳过").count(), 2);
    await context.close();
  });

  it("a district admin imports stations into her district only, and reads the page in English", async () => {
    const context = await signedIn(e2e, "admin.jingkou");
    const page = await context.newPage();
    await page.goto("/admin/imports");
    await page.getByText("只能导入京口区的数据").waitFor();
    await chooseKind(page, "驿站");
    await upload(page, "驿站.csv", [
      "驿站名称,类型,所在区县,镇街,地址,电话,开放时间",
      "大市口社区零工驿站（导入）,驿站,京口区,大市口街道,中山东路301号,0511-85010001,周一至周六 7:00–12:00",
      "金山社区零工驿站（导入）,驿站,润州区,,金山路1号,,",
    ]);
    await page.getByRole("button", { name: "开始导入" }).click();
    const result = page.getByTestId("import-result");
    await result.getByText("共 2 行：已导入 1，已存在 0，不合格 1").waitFor();
    await result.getByText("超出您的管辖范围").waitFor();
    await shot(page, "admin-imports-district-stations");

    // In English, the same sheet again: the station is there now, the other district's row is not hers.
    await page.getByRole("button", { name: "English" }).click();
    await page.getByRole("heading", { name: "Imports", level: 1 }).waitFor();
    await page.getByText("You can import into").waitFor();
    await page.getByRole("button", { name: "Import", exact: true }).click();
    await result.getByText("2 rows: 0 imported, 1 already there, 1 rejected").waitFor();
    await result.getByText("This is outside the area you administer").waitFor();
    await shot(page, "admin-imports-en");
    await captureWhole(page, "[data-testid=import-result]", "admin-imports-en-report");
    await context.close();
  });
});
