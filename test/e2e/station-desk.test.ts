/**
 * From the door to paid work for a woman without a smartphone, at the station's counter: staff
 * register her, find her a gig, book her with her consent, print her slip, check her in on the
 * day with the employer's code read over the phone, and confirm she was paid. The employer's part
 * (accepting, approving hours, paying) goes through the API as the employer's own portal would.
 * The test counts the staff's actions and a simulated counter time from the model below.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { sql } from "drizzle-orm";
import type { Page } from "playwright-core";
import { hashPassword } from "../../src/accounts/password.ts";
import { queryRows } from "../../src/db/client.ts";
import type { ManualClock } from "../../src/platform/clock.ts";
import { employer, JINGKOU, postedGig, stationStaff } from "../support/market-fixtures.ts";
import { DESKTOP, type E2E, personContext, screen, startE2E } from "./support/browser.ts";
import { testPhone } from "./support/people.ts";

/** A counter clerk's pace: a click or choice takes 3 s, each typed character 0.4 s. */
const SECONDS_PER_ACTION = 3;
const SECONDS_PER_CHARACTER = 0.4;

class Counter {
  actions = 0;
  seconds = 0;
  async click(locator: ReturnType<Page["getByRole"]>): Promise<void> {
    await locator.click();
    this.actions += 1;
    this.seconds += SECONDS_PER_ACTION;
  }
  /** Ticks a box (clicking its label could open the link inside it). */
  async tick(locator: ReturnType<Page["getByRole"]>): Promise<void> {
    await locator.check();
    this.actions += 1;
    this.seconds += SECONDS_PER_ACTION;
  }
  async type(locator: ReturnType<Page["getByRole"]>, text: string): Promise<void> {
    await locator.fill(text);
    this.actions += 1;
    this.seconds += SECONDS_PER_ACTION + text.length * SECONDS_PER_CHARACTER;
  }
}

describe("the counter carries a walk-in from the door to paid work (代办)", () => {
  let e2e: E2E;
  let page: Page;
  let gigId: string;
  let bookingId: string;
  let boss: Awaited<ReturnType<typeof employer>>;
  const counter = new Counter();

  before(async () => {
    e2e = await startE2E();
    const { t } = e2e;
    const staff = await stationStaff(t, JINGKOU.districtCode);
    // The fixture's staff account gets a username and password to sign in with, as real staff do.
    const passwordHash = await hashPassword("counter-pass-1");
    await t.ctx.database.db.execute(
      sql`update users set username = 'station.desk', password_hash = ${passwordHash}, display_name = '京口驿站 李敏'
          where id = ${staff.userId}`,
    );
    // The station stands in 京口; a walk-in's home is taken as the station's point.
    await t.ctx.database.db.execute(
      sql`update stations set lat = ${JINGKOU.lat}, lng = ${JINGKOU.lng}, name = '京口区大市口零工驿站'
          where id = (select station_id from users where id = ${staff.userId})`,
    );
    boss = await employer(t, "镇江市京口区好邻居家政服务部");
    gigId = await postedGig(
      t,
      boss,
      { ...JINGKOU, title: "小区楼道保洁", address: "镇江市京口区中山东路301号", headcount: 2 },
      24,
      8,
    );
    const context = await personContext(e2e, { viewport: DESKTOP });
    page = await context.newPage();
    await page.goto("/station");
    await page.getByLabel("用户名").fill("station.desk");
    await page.getByLabel("密码").fill("counter-pass-1");
    await page.getByRole("button", { name: /登\s*录/ }).click();
    await page.getByRole("heading", { name: /今日工作/, level: 1 }).waitFor();
  });
  after(async () => {
    await e2e?.close();
  });

  it("registers her, finds her a gig and books her with her consent in at most 15 actions and 3 minutes", async () => {
    await counter.click(page.getByRole("link", { name: "登记零工" }).first());
    await counter.type(page.getByLabel("手机号"), testPhone());
    await counter.type(page.getByLabel("姓名"), "周桂芳");
    await counter.click(page.getByRole("radio", { name: "女" }));
    await page.getByLabel("想做的工种", { exact: true }).click();
    await counter.click(page.locator(".ant-select-dropdown:visible").getByTitle("保洁", { exact: true }));
    await page.keyboard.press("Escape");
    await counter.tick(page.getByRole("checkbox", { name: /本人已口头同意/ }));
    await counter.click(page.getByRole("button", { name: /登\s*记/ }));
    await counter.click(page.getByRole("button", { name: "为她找活" }));
    await page.getByRole("heading", { name: /为 周\*\* 办理/, level: 1 }).waitFor();
    const offer = page.getByTestId(`recommended-${gigId}`);
    await offer.waitFor();
    await screen(page, "station-desk-recommended");
    await counter.click(offer.getByRole("button", { name: "代她报名" }));
    await page.getByText("已为她报名").waitFor();

    // The employer accepts in the portal; the counter sees the booking when it looks again.
    const { t } = e2e;
    const applicants = await t.request("GET", `/api/gigs/${gigId}/applications`, { as: boss.token });
    const accepted = await t.request("POST", `/api/applications/${applicants.json()[0].id}/accept`, {
      as: boss.token,
    });
    assert.equal(accepted.statusCode, 200, accepted.body);
    bookingId = accepted.json().id;
    await page.reload();
    await counter.click(page.getByRole("button", { name: "确认会去" }));
    await page.getByText("已确认").first().waitFor();
    await screen(page, "station-desk-booked");

    assert.ok(counter.actions <= 15, `${counter.actions} actions from arrival to booked`);
    assert.ok(counter.seconds <= 180, `${counter.seconds} s of counter time from arrival to booked`);
  });

  it("prints her job slip with her name and the employer's number", async () => {
    await page.getByRole("button", { name: "打印派工单" }).click();
    await page.getByRole("heading", { name: "零工派工单", level: 1 }).waitFor();
    await page.getByText("周桂芳").waitFor();
    await page
      .getByText(/1[3-9]\d{9}/)
      .first()
      .waitFor();
    await screen(page, "station-desk-slip");
    await page.getByRole("button", { name: /返\s*回/ }).click();
  });

  it("checks her in with the code the employer reads on the phone, and confirms her pay", async () => {
    const { t } = e2e;
    const gig = (await t.request("GET", `/api/gigs/${gigId}`, { as: boss.token })).json();
    const clock = t.clock as ManualClock;
    clock.set(new Date(new Date(gig.startsAt).getTime() + 5 * 60_000));
    await page.reload();
    await page.getByLabel("签到码").fill(gig.checkInCode);
    await page.getByRole("button", { name: "代她签到" }).click();
    await page.getByText("已签到").first().waitFor();

    clock.set(new Date(gig.endsAt));
    await page.reload();
    await page.getByRole("button", { name: "代她签退" }).click();
    await page
      .locator(".ant-modal-confirm")
      .getByRole("button", { name: /确\s*定|OK/ })
      .click();
    await page.getByText("已签退").first().waitFor();

    await t.request("POST", `/api/bookings/${bookingId}/timesheet/approve`, { as: boss.token, body: {} });
    const paid = await t.request("POST", `/api/bookings/${bookingId}/payments`, {
      as: boss.token,
      body: { amountFen: 200_00, method: "cash", paidAt: clock.now().toISOString() },
    });
    assert.equal(paid.statusCode, 201, paid.body);
    await page.reload();
    await page.getByRole("button", { name: /她已收到/ }).click();
    await page.getByText("零工已确认收到").waitFor();
    await screen(page, "station-desk-paid");
  });

  it("files a complaint for her from her desk, which reaches the station's complaint list", async () => {
    const form = page.locator("form#complaint_for_her");
    await form.getByLabel("哪份工").click();
    await page.locator(".ant-select-dropdown .ant-select-item-option").first().click();
    await form.getByLabel("欠多少钱（元）").fill("120");
    await form.getByLabel("她说的情况").fill("上周做了两天保洁，老板还欠 120 元没给");
    await form.getByRole("button", { name: "提交投诉" }).click();
    await page.getByText("投诉已提交，可在“投诉处理”中跟进").waitFor();
    const [filed] = await queryRows<{ kind: string; amount_fen: number; booking_id: string }>(
      e2e.t.ctx.database.db,
      sql`select kind, amount_fen, booking_id from complaints where description like '上周做了两天保洁%'`,
    );
    assert.deepEqual(
      { kind: filed?.kind, amountFen: Number(filed?.amount_fen), bookingId: filed?.booking_id },
      { kind: "wage_arrears", amountFen: 120_00, bookingId },
    );
    await screen(page, "station-desk-complaint");
  });
});
