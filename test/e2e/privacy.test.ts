/**
 * Personal information in the worker app: a first sign-in shows the 用户协议 and 隐私政策 and goes on
 * only once she accepts; the documents are public pages; 我的数据 downloads her copy as a workbook.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { after, before, describe, it } from "node:test";
import { eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import type { Page } from "playwright-core";
import { consentRecords, users } from "../../src/db/schema/index.ts";
import { type E2E, PHONE, personContext, screen, startE2E } from "./support/browser.ts";
import { testPhone } from "./support/people.ts";

describe("personal information in the worker app", () => {
  let e2e: E2E;
  let page: Page;
  const phone = testPhone();
  before(async () => {
    e2e = await startE2E();
    page = await (await personContext(e2e, { viewport: PHONE })).newPage();
  });
  after(async () => {
    await e2e?.close();
  });

  it("the privacy policy is a public page in plain words", async () => {
    await page.goto("/legal/privacy");
    await page.getByRole("heading", { name: "隐私政策", level: 1 }).waitFor();
    await page.getByRole("heading", { name: "三、保存多久" }).waitFor();
    await screen(page, "privacy-01-policy");
  });

  it("a first sign-in without ticking the box shows both documents, and 同意并登录 signs her in", async () => {
    await page.goto("/worker/sign-in");
    await page.getByLabel("手机号").fill(phone);
    await page.getByRole("button", { name: "获取验证码" }).click();
    await page.getByLabel("验证码").waitFor();
    await page.getByLabel("验证码").fill(e2e.t.sms.lastCodeFor(phone) ?? "");
    await page
      .locator(".lg-consent-check")
      .getByText(/我已阅读并同意/)
      .waitFor();
    await screen(page, "privacy-02-sign-in-consent-box");
    await page.getByRole("button", { name: "登录", exact: true }).click();
    const documents = page.getByTestId("consent-documents");
    await documents.getByRole("article", { name: "用户协议" }).waitFor();
    await documents.getByRole("article", { name: "隐私政策" }).waitFor();
    await documents.scrollIntoViewIfNeeded();
    await screen(page, "privacy-03-consent-asked");
    await page.getByRole("button", { name: "同意并登录" }).click();
    await page.waitForURL(/\/worker\/profile\?first=1/);

    const db = e2e.t.ctx.database.db;
    const [account] = await db.select().from(users).where(eq(users.phone, phone));
    const records = await db.select().from(consentRecords).where(eq(consentRecords.userId, account.id));
    assert.deepEqual(
      records.map((r) => r.channel),
      ["worker_app"],
    );
  });

  it("我的数据 downloads her copy as a workbook with Chinese sheet names", async () => {
    await page.goto("/worker/me");
    await page.getByText("我的数据").click();
    await page.getByRole("heading", { name: "我的数据", level: 2 }).waitFor();
    await screen(page, "privacy-04-my-data");
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "下载表格（Excel）" }).click(),
    ]);
    assert.match(download.suggestedFilename(), /\.xlsx$/);
    const file = await download.path();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
    const account = workbook.getWorksheet("账号");
    assert.ok(account, workbook.worksheets.map((s) => s.name).join());
    assert.equal(account.getRow(1).getCell(2).value, "手机号");
    assert.equal(account.getRow(2).getCell(2).value, phone);
    assert.ok(workbook.getWorksheet("同意记录")?.getRow(2).getCell(1).value);
  });
});
