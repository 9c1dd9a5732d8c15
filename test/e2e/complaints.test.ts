/**
 * A 欠薪 complaint at the station's counter in a browser: filed for a walk-in with her consent,
 * then staff take it, keep the follow-up log (a call, a mediation that recovered part of the pay)
 * and hand it to 劳动保障监察 with its case number; the worker's phone gets each step by SMS.
 * The district admin then reads the station's performance. Axe checks every screen; screenshots
 * go to docs/screenshots/complaint-*.png and admin-station-performance.png.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { asc, eq } from "drizzle-orm";
import type { BrowserContext, Page } from "playwright-core";
import { notificationOutbox } from "../../src/db/schema/index.ts";
import type { ManualClock } from "../../src/platform/clock.ts";
import { employer, postedGig, RUNZHOU, stationStaff } from "../support/market-fixtures.ts";
import { DESKTOP, type E2E, personContext, screen, startE2E } from "./support/browser.ts";
import { testPhone } from "./support/people.ts";

async function signedIn(e2e: E2E, token: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await personContext(e2e, { viewport: DESKTOP });
  await context.addCookies([{ name: "lg_session", value: token, url: e2e.baseUrl }]);
  return { context, page: await context.newPage() };
}

async function pickOption(page: Page, label: string, option: string): Promise<void> {
  await page.getByLabel(label, { exact: true }).click();
  await page.locator(".ant-select-dropdown:visible").getByTitle(option, { exact: true }).click();
}

const ARRIVAL_DAY = "2030-03-05";

describe("a 欠薪 complaint at the counter, in a browser", () => {
  let e2e: E2E;
  let page: Page;
  let workerId: string;
  let adminToken: string;

  before(async () => {
    e2e = await startE2E();
    const t = e2e.t;
    const clock = t.clock as ManualClock;
    const later = (minutes: number) => clock.set(new Date(clock.now().getTime() + minutes * 60_000));
    // 09:00 in Zhenjiang: she comes to the counter in the morning.
    clock.set(new Date(`${ARRIVAL_DAY}T01:00:00Z`));
    const staff = await stationStaff(t);
    adminToken = (await t.tokenFor("district_admin", { districtCode: RUNZHOU.districtCode })).token;
    const as = async (method: string, url: string, token: string, body?: unknown) => {
      const response = await t.request(method, url, { as: token, body });
      assert.ok(response.statusCode < 300, `${url}: ${response.body}`);
      return response.json();
    };
    workerId = (
      await as("POST", "/api/stations/walk-in-workers", staff.token, {
        phone: testPhone(),
        name: "周秀兰",
        sex: "female",
        birthYear: 1965,
        categoryCodes: ["cleaning"],
        districtCodes: [RUNZHOU.districtCode],
        verbalConsent: true,
      })
    ).userId;
    // She arrives and is registered; 12 minutes later staff apply for her, the employer takes her 13 later.
    later(12);
    const boss = await employer(t, "镇江润扬物业管理有限公司");
    const gigId = await postedGig(t, boss, { title: "小区楼道保洁" });
    const applied = await as("POST", `/api/stations/workers/${workerId}/applications`, staff.token, {
      gigId,
      consentNote: "本人到场口头同意",
    });
    later(13);
    const booking = await as("POST", `/api/applications/${applied.id}/accept`, boss.token);
    later(30);
    await as("POST", `/api/stations/workers/${workerId}/complaints`, staff.token, {
      kind: "wage_arrears",
      bookingId: booking.id,
      amountFen: 300_00,
      description: "干了一天楼道保洁，老板说月底结，到现在没给，共300元。",
      consentNote: "本人到场口头同意",
    });
    ({ page } = await signedIn(e2e, staff.token));
  });
  after(async () => {
    await e2e?.close();
  });

  it("staff open the complaint filed at the counter and take it", async () => {
    await page.goto("/station/complaints");
    await page.getByRole("heading", { name: "投诉处理", level: 1 }).waitFor();
    const row = page.locator(".ant-table-tbody tr.ant-table-row").first();
    await row.getByText("窗口代办").waitFor();
    await row.getByRole("button", { name: /查看/ }).click();
    await page.getByText("本人到场口头同意").waitFor();
    await page.getByRole("button", { name: /接\s*手/ }).click();
    await page.getByRole("button", { name: /记一笔跟进/ }).waitFor();
  });

  it("keeps the follow-up log: a call, then a mediation that recovered 150 元", async () => {
    const clock = e2e.t.clock as ManualClock;
    clock.set(new Date(clock.now().getTime() + 3_600_000));
    await page.getByLabel("跟进内容").fill("电话联系雇主，答应三天内付清");
    await page.getByRole("button", { name: /记一笔跟进/ }).click();
    await page.locator(".ant-timeline-item").filter({ hasText: "电话联系雇主" }).waitFor();
    clock.set(new Date(clock.now().getTime() + 24 * 3_600_000));
    await pickOption(page, "跟进方式", "调解");
    await page.getByLabel("跟进内容").fill("驿站当面调解，雇主当场付了一半");
    await page.getByLabel("本次追回工钱（元）").fill("150");
    await page.getByRole("button", { name: /记一笔跟进/ }).click();
    await page.getByText("追回工钱 ¥150").waitFor();
    await screen(page, "complaint-follow-up");
  });

  it("hands the rest to 劳动保障监察 with its case number and records that the case was opened", async () => {
    await page.getByLabel("案件编号").fill("镇人社监〔2030〕12号");
    await page.getByLabel("情况说明").fill("雇主拒付余下150元，移交监察大队");
    await page.getByRole("button", { name: /确认移交/ }).click();
    await page.getByRole("button", { name: /记为已立案/ }).waitFor();
    await page.getByLabel("情况说明").fill("监察大队已立案调查");
    await page.getByRole("button", { name: /记为已立案/ }).click();
    await page.getByRole("button", { name: /记为已结案/ }).waitFor();
    await page.locator(".ant-drawer-body").getByText("已移交监察").waitFor();
    await screen(page, "complaint-inspection");

    const sms = await e2e.t.ctx.database.db
      .select({ kind: notificationOutbox.kind, text: notificationOutbox.text })
      .from(notificationOutbox)
      .where(eq(notificationOutbox.userId, workerId))
      .orderBy(asc(notificationOutbox.createdAt));
    const aboutComplaint = sms.filter((m) => m.kind.startsWith("complaint"));
    assert.deepEqual(
      aboutComplaint.map((m) => m.kind),
      ["complaint_status", "complaint_recovered", "complaint_inspection", "complaint_inspection"],
    );
    assert.match(aboutComplaint[3].text, /镇人社监〔2030〕12号，进展：已立案调查/);
  });

  it("closes the case when the inspection concludes and the rest is paid, and she is told", async () => {
    await page.getByLabel("情况说明").fill("监察大队责令雇主付清，已结案");
    await page.getByRole("button", { name: /记为已结案/ }).click();
    await page.locator(".ant-drawer-body").getByText("已结案").first().waitFor();
    await page.getByLabel("处理结果").fill("经调解与监察，雇主已付清300元");
    await page.getByLabel("追回工钱（元）", { exact: true }).fill("300");
    await page.getByRole("button", { name: /确认办结/ }).click();
    await page.locator(".ant-drawer-body").getByText("已办结").first().waitFor();
    await screen(page, "complaint-closed");

    const told = await e2e.t.ctx.database.db
      .select({ kind: notificationOutbox.kind, text: notificationOutbox.text })
      .from(notificationOutbox)
      .where(eq(notificationOutbox.userId, workerId))
      .orderBy(asc(notificationOutbox.createdAt));
    const last = told.filter((m) => m.kind.startsWith("complaint")).at(-1);
    assert.ok(last, "she is sent a text about the closed complaint");
    assert.match(last.text, /已经处理好了/);
  });

  it("the district admin reads the station's performance", async () => {
    const admin = await signedIn(e2e, adminToken);
    await admin.page.goto(`/admin/station-performance?period=day&date=${ARRIVAL_DAY}`);
    await admin.page.getByRole("heading", { name: "驿站服务绩效", level: 1 }).waitFor();
    await admin.page
      .locator(".ant-table-tbody tr.ant-table-row")
      .first()
      .getByText("宝塔路零工驿站")
      .waitFor();
    await screen(admin.page, "admin-station-performance");
    await admin.context.close();
  });
});
