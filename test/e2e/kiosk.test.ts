/**
 * The self-service terminal (/kiosk) in Chromium as a woman without a smartphone uses it: the
 * terminal is enrolled with a code, she hears the start screen read aloud (text composed by the
 * app, recorded here from speechSynthesis), browses today's and tomorrow's gigs by picker, takes
 * a queue slip for the counter (printed through the browser's print, 80 mm stylesheet), and the
 * station console lists the slip. Left alone, the terminal counts down and clears everything.
 * Axe on every screen; screenshots into docs/screenshots/kiosk-*.png.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { and, eq, isNull } from "drizzle-orm";
import type { Page } from "playwright-core";
import { consentRecords, gigs, sessions, stations, users } from "../../src/db/schema/index.ts";
import { localDay } from "../../src/monitoring/periods.ts";
import { ManualClock } from "../../src/platform/clock.ts";
import { employer, postedGig, stationStaff, worker } from "../support/market-fixtures.ts";
import {
  type E2E,
  nextMorning,
  PHONE,
  personContext,
  screen,
  startE2E,
  untilTrue,
} from "./support/browser.ts";

const PORTRAIT = { width: 1080, height: 1920 };

/** Records what is spoken and printed instead of using the machine's speaker and printer. */
const RECORDER = `
  window.__spoken = [];
  window.__printed = 0;
  window.speechSynthesis.speak = (utterance) => { window.__spoken.push({ text: utterance.text, lang: utterance.lang }); };
  window.speechSynthesis.cancel = () => {};
  window.print = () => { window.__printed += 1; };
`;

/** Every target at least 64 px each way and every piece of text at least 24 px, on every terminal screen. */
const TOO_SMALL = `(() => {
  const problems = [];
  for (const el of document.querySelectorAll("button, a, input, select, textarea, label")) {
    const box = el.getBoundingClientRect();
    if (box.width === 0 && box.height === 0) continue;
    if (box.width < 64 || box.height < 64) problems.push("target " + el.tagName + " " + (el.textContent || el.getAttribute("aria-label") || "").slice(0, 20) + " " + Math.round(box.width) + "x" + Math.round(box.height));
  }
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode;
    if (!node.textContent.trim() || !node.parentElement) continue;
    const size = parseFloat(getComputedStyle(node.parentElement).fontSize);
    if (size < 24 && node.parentElement.getClientRects().length > 0) problems.push("text " + size + "px " + node.textContent.trim().slice(0, 20));
  }
  return problems;
})()`;

async function kioskScreen(page: Page, name: string): Promise<void> {
  await screen(page, name);
  assert.deepEqual(await page.evaluate(TOO_SMALL), [], `too small on ${name}`);
}

describe("the self-service terminal (/kiosk)", () => {
  let e2e: E2E;
  let staff: { token: string; userId: string };
  let stationId: string;
  let page: Page;
  let personId = "";

  before(async () => {
    // A morning, server and terminal alike: "today" and "tomorrow" mean the same at any hour of the run.
    const morning = nextMorning();
    e2e = await startE2E({ clock: new ManualClock(morning) });
    const { t } = e2e;
    staff = await stationStaff(t);
    const [row] = await t.ctx.database.db
      .select({ stationId: users.stationId })
      .from(users)
      .where(eq(users.id, staff.userId));
    stationId = row.stationId as string;
    await t.ctx.database.db
      .update(stations)
      .set({ phone: "0511-85012345" })
      .where(eq(stations.id, stationId));
    const boss = await employer(t);
    // Posted a few hours ahead of 08:30: two start today, one tomorrow.
    await postedGig(t, boss, { title: "超市理货", payFen: 190_00 }, 1);
    await postedGig(t, boss, { title: "小区保洁" }, 2);
    await postedGig(t, boss, { title: "搬家小工", categoryCode: "loading", payFen: 260_00 }, 26);
    const created = await t.request("POST", "/api/devices", {
      as: staff.token,
      body: { stationId, kind: "terminal", name: "大厅一号机" },
    });
    const context = await personContext(e2e, { viewport: PORTRAIT });
    await context.addInitScript({ content: RECORDER });
    page = await context.newPage();
    await page.clock.install({ time: morning });
    await page.goto("/kiosk");
    await page.getByLabel("登记码").fill(created.json().enrolmentCode);
    await page.getByRole("button", { name: "登记" }).click();
    await page.getByRole("heading", { name: "欢迎使用零工自助服务" }).waitFor();
  });
  after(async () => {
    await e2e?.close();
  });

  const spoken = async () =>
    (await page.evaluate("window.__spoken")) as Array<{ text: string; lang: string }>;

  it("reads the start screen aloud in zh-CN with text composed for the ear", async () => {
    await untilTrue(page, "window.__spoken.length > 0");
    const [first] = await spoken();
    assert.equal(first.lang, "zh-CN");
    assert.match(first.text, /欢迎使用宝塔路零工驿站零工自助服务。找今天的活，请点“今天的活”/);
    await kioskScreen(page, "kiosk-start");
  });

  it("browses today's and tomorrow's gigs by picker and reads them aloud", async () => {
    await page.getByRole("button", { name: "今天的活" }).first().click();
    await page.getByTestId("kiosk-gig").first().waitFor();
    const titles = await page.getByTestId("kiosk-gig").locator("h2").allTextContents();
    assert.ok(titles.length >= 1);
    await page.getByRole("button", { name: "朗读" }).click();
    const last = (await spoken()).at(-1);
    assert.match(last?.text ?? "", /^今天附近有\d+个活。/);
    assert.match(
      last?.text ?? "",
      /超市理货，¥190\/天，\d{2}:\d{2}到\d{2}:\d{2}，在镇江市润州区中山西路1号，还缺3人。/,
    );
    await kioskScreen(page, "kiosk-gigs-today");
    await page.getByRole("button", { name: "明天的活" }).click();
    await page.getByRole("button", { name: "搬运装卸" }).click();
    await page.getByText("搬家小工").waitFor();
    assert.equal(await page.getByTestId("kiosk-gig").count(), 1);
    await kioskScreen(page, "kiosk-gigs-tomorrow");
  });

  it("with no phone at all, prints a queue slip the station console sees", async () => {
    await page.getByRole("button", { name: "回首页" }).click();
    await page.getByRole("button", { name: "取号到窗口办理" }).click();
    await page.getByRole("button", { name: "保洁" }).click();
    await kioskScreen(page, "kiosk-queue");
    await page.getByRole("button", { name: "打印排队单" }).click();
    await page.getByTestId("queue-slip").waitFor();
    await page.clock.runFor(500);
    await untilTrue(page, "window.__printed === 1");
    assert.match(
      (await page.getByTestId("queue-slip").textContent()) ?? "",
      /排队号1想做：保洁.*驿站电话：0511-85012345/,
    );
    assert.match((await spoken()).at(-1)?.text ?? "", /您的排队号是1号/);
    await kioskScreen(page, "kiosk-queue-slip");
    await page.emulateMedia({ media: "print" });
    await page.screenshot({
      path: "docs/screenshots/kiosk-queue-slip-print.png",
      clip: { x: 0, y: 0, width: 320, height: 480 },
    });
    await page.emulateMedia({ media: "screen" });

    const listed = await e2e.t.request("GET", `/api/devices/queue-slips?stationId=${stationId}`, {
      as: staff.token,
    });
    assert.deepEqual(
      listed.json().map((s: { number: number; categoryCode: string }) => [s.number, s.categoryCode]),
      [[1, "cleaning"]],
    );
  });

  it("registers her by mobile number + SMS code on the keypad, applies to a gig and prints the slip", async () => {
    const phone = "13952811234";
    await page.getByRole("button", { name: "回首页" }).click();
    await page.getByRole("button", { name: "今天的活" }).first().click();
    await page.getByRole("button", { name: "报名：超市理货" }).click();
    await page.getByRole("heading", { name: "用手机号登录或注册" }).waitFor();
    assert.match((await spoken()).at(-1)?.text ?? "", /请用下面的数字键输入您的手机号/);
    for (const digit of phone) await page.getByRole("button", { name: digit, exact: true }).click();
    assert.equal(await page.getByTestId("kiosk-entry").textContent(), phone);
    await kioskScreen(page, "kiosk-sign-in-phone");
    await page.getByRole("button", { name: "获取验证码" }).click();
    await page.getByRole("checkbox").waitFor();
    const code = e2e.t.sms.lastCodeFor(phone) as string;
    for (const digit of code) await page.getByRole("button", { name: digit, exact: true }).click();
    assert.match((await spoken()).at(-1)?.text ?? "", /验证码已经发到1 3 9 5 2 8 1 1 2 3 4/);
    await page.getByRole("button", { name: "看《隐私政策》" }).click();
    await page.getByRole("heading", { name: /隐私政策/ }).waitFor();
    await kioskScreen(page, "kiosk-sign-in-privacy");
    await page.getByRole("button", { name: "返回" }).click();
    assert.equal(await page.getByRole("button", { name: "登录", exact: true }).isDisabled(), true);
    await page.getByRole("checkbox").check();
    await kioskScreen(page, "kiosk-sign-in-code");
    await page.getByRole("button", { name: "登录", exact: true }).click();

    await page.getByRole("heading", { name: "第一次来，请留下称呼" }).waitFor();
    await page.getByLabel("您的姓名").fill("王秀英");
    await page.getByRole("button", { name: "保洁" }).click();
    await kioskScreen(page, "kiosk-register-name");
    await page.getByRole("button", { name: "完成登记" }).click();

    const slip = page.getByTestId("application-slip");
    await slip.waitFor();
    await slip.getByRole("img", { name: "扫码查看这个活" }).waitFor();
    const text = (await slip.textContent()) ?? "";
    assert.match(text, /宝塔路零工驿站 报名回执超市理货/);
    assert.match(text, /地点：镇江市润州区中山西路1号工钱：¥190\/天/);
    assert.match(text, /雇主：镇江好帮手保洁有限公司 1\d{2}\*{4}\d{4}/);
    assert.match(text, /驿站电话：0511-85012345/);
    assert.match((await spoken()).at(-1)?.text ?? "", /^报名成功。超市理货/);
    await kioskScreen(page, "kiosk-applied");

    await page.getByRole("button", { name: "打印报名回执" }).click();
    await page.getByRole("button", { name: "打印 A4 纸" }).click();
    await untilTrue(page, "window.__printed === 3");
    await page.emulateMedia({ media: "print" });
    await page.screenshot({
      path: "docs/screenshots/kiosk-application-slip-print.png",
      clip: { x: 0, y: 0, width: 320, height: 760 },
    });
    await page.emulateMedia({ media: "screen" });

    // The consent is recorded for the kiosk channel; the application and the slips are counted.
    const [user] = await e2e.t.ctx.database.db.select().from(users).where(eq(users.phone, phone));
    const consents = await e2e.t.ctx.database.db
      .select()
      .from(consentRecords)
      .where(eq(consentRecords.userId, user.id));
    assert.deepEqual(
      consents.map((c) => c.channel),
      ["kiosk"],
    );
    const admin = await e2e.t.tokenFor("district_admin", { districtCode: "321111" });
    const today = localDay(e2e.t.clock.now());
    const [use] = (
      await e2e.t.request("GET", `/api/devices/use?from=${today}&to=${today}`, { as: admin.token })
    ).json();
    assert.equal(use.applications, 1);
    assert.equal(use.slipsPrinted, 3);
    personId = user.id;

    // The district's admin sees the same counts on the station performance page.
    const adminContext = await personContext(e2e, { viewport: { width: 1280, height: 900 } });
    await adminContext.addCookies([{ name: "lg_session", value: admin.token, url: e2e.baseUrl }]);
    const adminPage = await adminContext.newPage();
    await adminPage.goto(`/admin/station-performance?period=day&date=${today}`);
    const row = adminPage.getByTestId("terminal-use").locator(".ant-table-tbody tr.ant-table-row").first();
    await row.waitFor();
    const cells = await row.locator("td").allTextContents();
    assert.deepEqual(cells.slice(3, 5), ["1", "3"], "applications and job slips printed at the terminal");
    await adminPage.getByTestId("terminal-use").scrollIntoViewIfNeeded();
    await screen(adminPage, "admin-terminal-use");
    await adminContext.close();
  });

  it("left alone for 60 s it counts down, then clears everything and returns to the start", async () => {
    await page.evaluate(
      "sessionStorage.setItem('left-behind', '1'); localStorage.setItem('left-behind', '1')",
    );
    await page.clock.runFor(61_000);
    await page.getByTestId("idle-countdown").waitFor();
    await kioskScreen(page, "kiosk-idle");
    await page.clock.runFor(11_000);
    await page.getByRole("heading", { name: "欢迎使用零工自助服务" }).waitFor();
    assert.equal(await page.getByTestId("queue-slip").count(), 0, "the slip is gone from the page");
    assert.equal(await page.getByTestId("application-slip").count(), 0, "the application slip too");
    const html = await page.content();
    assert.ok(!html.includes("王秀英") && !html.includes("13952811234") && !html.includes("超市理货"));
    // Her session at the terminal is over on the server too.
    await untilTrue(page, "true");
    const live = await e2e.t.ctx.database.db
      .select()
      .from(sessions)
      .where(and(eq(sessions.userId, personId), isNull(sessions.revokedAt)));
    assert.deepEqual(live, [], "her terminal session ended with the reset");
    const traces = (await page.evaluate(
      "({ session: sessionStorage.length, local: Object.keys(localStorage).sort(), lang: localStorage.getItem('lg.lang'), cookie: document.cookie, path: location.pathname, history: history.length })",
    )) as Record<string, unknown>;
    // Only the device token stays, and the terminal's own language, back to Chinese.
    assert.deepEqual(
      { ...traces, history: undefined },
      {
        session: 0,
        local: ["lg.lang", "linggong.device-token"],
        lang: "zh-CN",
        cookie: "",
        path: "/kiosk",
        history: undefined,
      },
    );
    // Screens are state, not addresses: her visit added nothing to the history beyond the enrolment page load.
    assert.ok((traces.history as number) <= 2, `history has ${traces.history} entries`);
    assert.deepEqual(await page.context().cookies(), []);
  });

  it("signs in a worker who scans the terminal's QR code with her app and confirms on her phone", async () => {
    const her = await worker(e2e.t, { name: "钱桂兰" });
    await page.getByRole("button", { name: "今天的活" }).first().click();
    await page.getByRole("button", { name: "报名：小区保洁" }).click();
    await page.getByRole("heading", { name: "用手机号登录或注册" }).waitFor();
    const started = page.waitForResponse((r) => r.url().endsWith("/api/devices/self/qr-sign-ins"));
    await page.getByRole("button", { name: "有零工市场App？用手机扫码登录" }).click();
    const { url } = (await (await started).json()) as { url: string };
    await page.getByRole("img", { name: "登录二维码" }).waitFor();
    assert.match((await spoken()).at(-1)?.text ?? "", /请打开手机上的零工市场，扫一扫屏幕上的二维码/);
    await kioskScreen(page, "kiosk-sign-in-qr");

    // Her phone, signed in to the worker app, opens the address in the QR code.
    const phone = await personContext(e2e, { viewport: PHONE });
    await phone.addCookies([{ name: "lg_session", value: her.token, url: e2e.baseUrl }]);
    const app = await phone.newPage();
    const opened = new URL(url);
    await app.goto(`${opened.pathname}${opened.search}`);
    await app.getByRole("heading", { name: "要在「宝塔路零工驿站」的自助服务终端上登录吗？" }).waitFor();
    await screen(app, "worker-terminal-sign-in");
    await app.getByRole("button", { name: "确认登录" }).click();
    await app.getByText("已确认，请回到终端继续办理").waitFor();
    await phone.close();

    // The terminal asks every two seconds: signed in, she has a profile, so it applies at once.
    await page.clock.runFor(2_500);
    const slip = page.getByTestId("application-slip");
    await slip.waitFor();
    assert.match((await slip.textContent()) ?? "", /小区保洁/);
    await page.getByRole("button", { name: "回首页" }).click();
  });
  it("lets an employer without a computer post a gig by choices and print the posting slip", async () => {
    const phone = "13952866789";
    await page.getByRole("button", { name: "我要招人（发布用工）" }).click();
    await page.getByRole("heading", { name: "招工：用手机号登录" }).waitFor();
    for (const digit of phone) await page.getByRole("button", { name: digit, exact: true }).click();
    await page.getByRole("button", { name: "获取验证码" }).click();
    await page.getByRole("checkbox").waitFor();
    const code = e2e.t.sms.lastCodeFor(phone) as string;
    for (const digit of code) await page.getByRole("button", { name: digit, exact: true }).click();
    await page.getByRole("checkbox").check();
    await page.getByRole("button", { name: "登录", exact: true }).click();

    await page.getByRole("heading", { name: "第一次招工，请说明是谁招人" }).waitFor();
    assert.match((await spoken()).at(-1)?.text ?? "", /第一次在这里招工/);
    await page.getByLabel("称呼（如：王女士）").fill("王女士");
    await kioskScreen(page, "kiosk-employer-who");
    await page.getByRole("button", { name: "保存" }).click();

    await page.getByRole("heading", { name: "发布用工" }).waitFor();
    await page
      .getByRole("group", { name: "做什么活" })
      .getByRole("button", { name: "保洁", exact: true })
      .click();
    await page.getByRole("group", { name: "哪天干" }).getByRole("button", { name: "明天" }).click();
    await page.getByRole("button", { name: "干几个小时减少" }).click();
    await page.getByRole("button", { name: "干几个小时减少" }).click();
    await page.getByRole("button", { name: "干几个小时减少" }).click();
    await page.getByRole("button", { name: "干几个小时减少" }).click();
    await page.getByRole("button", { name: "要几个人增加" }).click();
    await page.getByRole("button", { name: "要几个人增加" }).click();
    await page.getByRole("button", { name: "工钱增加" }).click();
    await page.getByRole("button", { name: "工钱增加" }).click();
    const townships = page.getByRole("group", { name: "在哪个镇街" }).getByRole("button");
    const township = ((await townships.first().textContent()) ?? "").trim();
    await townships.first().click();
    await page.getByLabel("详细地址（路名和门牌号）").fill("南徐大道88号");
    await kioskScreen(page, "kiosk-post-gig");
    await page.getByRole("button", { name: "下一步：核对" }).click();

    const summary = (await page.getByTestId("post-summary").textContent()) ?? "";
    assert.equal(
      summary,
      `明天08:00到12:00，招保洁3人，¥180/天，当天结算。地点：${township}南徐大道88号。`,
      "160 元 a day is the reference for cleaning; two steps of 10 元",
    );
    assert.match((await spoken()).at(-1)?.text ?? "", /没有问题请点“确认发布”/);
    await kioskScreen(page, "kiosk-post-check");
    await page.getByRole("button", { name: "确认发布" }).click();

    const slip = page.getByTestId("posted-slip");
    await slip.waitFor();
    const text = (await slip.textContent()) ?? "";
    assert.match(text, /宝塔路零工驿站 发布回执招保洁/);
    assert.match(text, /人数：3 人/);
    assert.match(text, /还没有认证/);
    const checkInCode = (await page.getByTestId("check-in-code").textContent()) ?? "";
    assert.match(checkInCode, /^\d{6}$/);
    assert.match((await spoken()).at(-1)?.text ?? "", /^发布成功。招保洁/);
    await slip.getByRole("img", { name: "扫码管理这个活" }).waitFor();
    await kioskScreen(page, "kiosk-posted");
    const printed = Number(await page.evaluate("window.__printed"));
    await page.getByRole("button", { name: "打印发布回执" }).click();
    await untilTrue(page, `window.__printed === ${printed + 1}`);

    // The gig is the portal's: posted by her, in the station's district, counted for the terminal.
    const [owner] = await e2e.t.ctx.database.db.select().from(users).where(eq(users.phone, phone));
    const [posted] = await e2e.t.ctx.database.db.select().from(gigs).where(eq(gigs.postedByUserId, owner.id));
    assert.deepEqual(
      [posted.title, posted.districtCode, posted.headcount, posted.payFen, posted.checkInCode, posted.status],
      ["招保洁", "321111", 3, 180_00, checkInCode, "open"],
    );
    const admin = await e2e.t.tokenFor("district_admin", { districtCode: "321111" });
    const today = localDay(e2e.t.clock.now());
    const [use] = (
      await e2e.t.request("GET", `/api/devices/use?from=${today}&to=${today}`, { as: admin.token })
    ).json();
    assert.equal(use.gigsPosted, 1);
    await page.getByRole("button", { name: "回首页" }).click();
    await page.getByRole("heading", { name: "欢迎使用零工自助服务" }).waitFor();
  });
});
