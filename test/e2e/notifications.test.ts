/**
 * Notifications in a browser: station staff run a morning dispatch and send it; a worker it
 * chose, with the worker app open on her notification centre, sees the invitation appear by
 * itself (server-sent events), with the unread badge on the bell, and opens it to 我的活.
 * Screenshots go to docs/screenshots/notifications-*.png.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { and, count, desc, eq, gt, isNull, ne } from "drizzle-orm";
import { chromium, type Page } from "playwright-core";
import { buildApp } from "../../src/app.ts";
import {
  applications,
  auditLog,
  dispatches,
  dispatchOffers,
  employers,
  gigs,
  notificationOutbox,
  users,
  workerProfiles,
} from "../../src/db/schema/index.ts";
import { DEFAULT_SEED, loadDemoCity } from "../../src/demo/demo-city.ts";
import { ManualClock } from "../../src/platform/clock.ts";
import { loadConfig } from "../../src/platform/config.ts";
import type { AppContext } from "../../src/platform/context.ts";
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
  PHONE,
  personContext,
  untilTrue,
} from "./support/browser.ts";
import { signInByPhone } from "./support/people.ts";

const PASSWORD = "linggong-demo";

async function start(): Promise<E2E & { scratch: ScratchDatabase; app: App }> {
  const scratch = await createScratchDatabase();
  const clock = new ManualClock(new Date());
  await loadReferenceData(scratch.database.db);
  await loadDemoCity(scratch.database.db, {
    seed: DEFAULT_SEED,
    now: clock.now(),
    workers: 300,
    gigs: 160,
    historyDays: 7,
  });
  const sms = new LogSmsProvider(() => {});
  const ctx: AppContext = {
    config: { ...loadConfig({}), demo: false, logLevel: "silent" },
    database: scratch.database,
    clock,
    sms,
  };
  const app = await buildApp(ctx, { logger: false });
  const baseUrl = await app.listen({ port: 0, host: "127.0.0.1" });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--lang=zh-CN"],
  });
  const cspViolations: string[] = [];
  return {
    t: { clock, sms } as unknown as E2E["t"],
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
  await page.evaluate(`document.activeElement?.blur?.()`);
  await untilTrue(
    page,
    `document.getAnimations().every((a) => a.playState !== "running" || a.effect?.getTiming().iterations === Infinity)`,
  );
  await checkA11y(page, name);
  await capture(page, name);
}

describe("a dispatch invitation reaches the worker's open notification centre live", () => {
  let e2e: Awaited<ReturnType<typeof start>>;
  let staff: Page;
  let worker: Page;

  before(async () => {
    e2e = await start();
    staff = await (await personContext(e2e, { viewport: DESKTOP })).newPage();
    worker = await (await personContext(e2e, { viewport: PHONE })).newPage();
    // The machine may be busy: a demo city's first pages take a while.
    staff.setDefaultTimeout(60_000);
    worker.setDefaultTimeout(60_000);
  });
  after(async () => {
    await e2e?.close();
  });

  it("staff preview a morning dispatch", async () => {
    await staff.goto("/station");
    await staff.getByLabel("用户名").fill("station.jingkou");
    await staff.getByLabel("密码").fill(PASSWORD);
    await staff.getByRole("button", { name: /登\s*录/ }).click();
    await staff.getByRole("heading", { name: /今日工作/, level: 1 }).waitFor();
    await staff.getByRole("link", { name: "早市派工" }).first().click();
    await staff.getByLabel("开工时间在多少小时内").fill("72");
    await staff.getByRole("button", { name: "生成派工方案" }).click();
    // A refused preview shows an alert instead: fail with what it says rather than a bare timeout.
    const plan = staff.getByText(/拟派工 \d+ 人/);
    const refused = staff.locator('.ant-alert-error[role="alert"]');
    await plan.or(refused).first().waitFor();
    if (await refused.isVisible()) assert.fail(`the preview was refused: ${await refused.textContent()}`);
  });

  it("a worker it chose opens her notification centre; the invitation appears without a reload", async () => {
    const db = e2e.scratch.database.db;
    const [dispatch] = await db.select().from(dispatches).orderBy(desc(dispatches.createdAt)).limit(1);
    // The solver favours workers who applied already, and an invitation is not sent on top of a
    // pending application; the chosen worker here had not applied (her application is withdrawn).
    const [offer] = await db
      .select()
      .from(dispatchOffers)
      .where(eq(dispatchOffers.dispatchId, dispatch.id))
      .limit(1);
    assert.ok(offer, "the preview proposes an offer");
    await db
      .update(applications)
      .set({ status: "withdrawn", decidedAt: new Date() })
      .where(
        and(
          eq(applications.gigId, offer.gigId),
          eq(applications.workerId, offer.workerId),
          eq(applications.status, "pending"),
        ),
      );
    const [person] = await db.select({ phone: users.phone }).from(users).where(eq(users.id, offer.workerId));

    await worker.goto("/worker/sign-in?next=%2Fworker%2Fnotifications");
    await signInByPhone(e2e, worker, person.phone ?? "");
    await worker.getByRole("heading", { name: "消息", level: 1 }).waitFor();
    await worker.getByText("新消息会自动出现").waitFor();
    const before = await worker.getByTestId("notification-list").locator("li").count();

    await staff.getByRole("button", { name: "确认派工，发出邀请" }).click();
    await staff.getByText(/确认向 \d+ 人发出邀请？/).waitFor();
    await staff.getByRole("button", { name: "发出邀请", exact: true }).click();
    await staff.getByText(/已发出 \d+ 份邀请/).waitFor();
    // The progress card follows the dispatch live from here on.
    await staff.getByTestId("dispatch-progress").getByText("实时更新").waitFor();
    await staff
      .getByTestId("dispatch-counts")
      .getByText(/待答复 \d+/)
      .waitFor();

    const invitation = worker
      .getByTestId("notification-list")
      .locator("li")
      .filter({ hasText: "有人请您干活" });
    await invitation.first().waitFor({ timeout: 10_000 });
    assert.equal(await worker.getByTestId("notification-list").locator("li").count(), before + 1);
    await worker.getByTestId("notification-badge").waitFor();
    // 我的活 in the tab bar counts what is new about her work, seen from any screen.
    assert.equal(
      await worker
        .getByTestId("work-badge")
        .textContent()
        .then((text) => text?.match(/^\d+/)?.[0]),
      "1",
    );
    assert.match((await worker.getByTestId("notification-bell").getAttribute("aria-label")) ?? "", /未读/);
    await shot(worker, "notifications-worker-live");
    assert.equal(await worker.locator('link[rel="manifest"]').getAttribute("href"), "/worker.webmanifest");
    const manifest = await (await worker.request.get("/worker.webmanifest")).json();
    assert.equal(manifest.start_url, "/worker");
    const scope = await worker.evaluate(
      "navigator.serviceWorker.ready.then((registration) => registration.scope)",
    );
    assert.match(String(scope), /\/worker$/);

    await invitation.first().getByRole("button").click();
    await worker.waitForURL(/\/worker\/work/);
    await worker.getByRole("tab", { name: /邀请/ }).waitFor();
    await shot(worker, "notifications-worker-work");
  });

  it("she accepts in her app, and the counter's dispatch progress shows it without a reload", async () => {
    const accepted = await staff
      .getByTestId("dispatch-counts")
      .getByText(/已接受 \d+/)
      .textContent();
    await worker.getByRole("button", { name: "接受邀请" }).first().click();
    await staff
      .getByTestId("dispatch-counts")
      .getByText(`已接受 ${Number(accepted?.match(/\d+/)?.[0] ?? 0) + 1}`)
      .waitFor({ timeout: 10_000 });
    assert.match(staff.url(), /[?&]d=[0-9a-f-]{36}/, "the dispatch followed stays in the address");
  });

  it("staff phone a woman without the app from the call card, and log a call nobody answered", async () => {
    const calls = staff.getByTestId("dispatch-progress").getByRole("button", { name: "打电话" });
    if ((await calls.count()) === 0) return; // everyone chosen this morning has answered already
    await calls.first().click();
    const dialog = staff.getByRole("dialog");
    await dialog.getByTestId("call-phone").waitFor();
    assert.match((await dialog.getByTestId("call-phone").textContent()) ?? "", /^1\d{10}$/);
    await dialog.getByText(/您愿意去吗/).waitFor();
    await shot(staff, "station-dispatch-call-card");
    await dialog.getByRole("button", { name: "未接通" }).click();
    await dialog.waitFor({ state: "hidden" });
    await staff
      .getByTestId("dispatch-progress")
      .getByText(/未接通 1 次/)
      .first()
      .waitFor();
    await shot(staff, "station-dispatch-progress");
  });

  it("a re-plan never invites anyone twice for the same gig, and says whom it left out", async () => {
    await staff.getByRole("button", { name: "生成派工方案" }).click();
    const plan = staff.getByText(/拟派工 \d+ 人/);
    const refused = staff.locator('.ant-alert-error[role="alert"]');
    await plan.or(refused).first().waitFor();
    if (await refused.isVisible()) {
      // Every gig in the window is full now: the re-plan says so rather than invite anyone again.
      assert.match((await refused.textContent()) ?? "", /没有仍在招人的岗位/);
    } else {
      await staff.getByText(/人不再邀请/).waitFor();
      const send = staff.getByRole("button", { name: "确认派工，发出邀请" });
      if (await send.isEnabled()) {
        await send.click();
        await staff.getByRole("button", { name: "发出邀请", exact: true }).click();
        await staff.getByText(/已发出 \d+ 份邀请/).waitFor();
      }
    }
    const db = e2e.scratch.database.db;
    const twice = await db
      .select({ gigId: applications.gigId, workerId: applications.workerId })
      .from(applications)
      .where(eq(applications.kind, "invitation"))
      .groupBy(applications.gigId, applications.workerId)
      .having(gt(count(), 1));
    assert.deepEqual(twice, [], "no one is invited twice for the same gig");
  });

  it("staff have a bell and a notification centre too", async () => {
    await staff.getByTestId("notification-bell").click();
    await staff.getByRole("heading", { name: "消息", level: 1 }).waitFor();
    await shot(staff, "notifications-station");
  });

  it("the worker saves a job alert (订阅) and chooses text messages", async () => {
    await worker.goto("/worker/me");
    await worker.getByText("新活提醒（订阅）").click();
    await worker.getByRole("heading", { name: "新活提醒（订阅）", level: 1 }).waitFor();
    await worker.getByRole("button", { name: "新建订阅" }).click();
    const form = worker.getByRole("form", { name: "新建订阅" });
    await form.getByRole("group", { name: "在这个区" }).getByText("润州区").click();
    await form.getByText("¥200+").click();
    await form.getByRole("button", { name: "保存订阅" }).click();
    await worker
      .getByTestId("job-alerts")
      .getByText(/润州区 · 每天200元起/)
      .waitFor();
    await shot(worker, "notifications-worker-alerts");

    await worker.goto("/worker/notifications/settings");
    const sms = worker.getByRole("switch", { name: "发短信" });
    await sms.waitFor();
    const before = (await sms.getAttribute("aria-checked")) === "true";
    await sms.click();
    await untilTrue(
      worker,
      `document.querySelector('[role=switch][aria-label="发短信"]')?.getAttribute("aria-checked") === "${!before}"`,
    );
    const saved = await (await worker.request.get("/api/notifications/preferences")).json();
    assert.equal(saved.sms, !before);
    await shot(worker, "notifications-worker-channels");
  });

  it("staff set up a job alert for a walk-in they registered, and it is audited", async () => {
    const db = e2e.scratch.database.db;
    const [desk] = await db.select().from(users).where(eq(users.username, "station.jingkou"));
    const [walkIn] = await db
      .select({ id: workerProfiles.userId })
      .from(workerProfiles)
      .where(eq(workerProfiles.registeredByStationId, desk.stationId ?? ""))
      .limit(1);
    assert.ok(walkIn, "the demo city has walk-ins registered at the station");
    await staff.goto(`/station/workers/${walkIn.id}`);
    await staff.getByRole("heading", { name: "帮她订阅新活" }).waitFor();
    await staff.getByLabel("在这个区").click();
    await staff.locator(".ant-select-dropdown").getByText("京口区").click();
    await staff.getByRole("button", { name: "保存订阅" }).click();
    await staff
      .getByTestId("walk-in-alerts")
      .getByText(/京口区/)
      .waitFor();
    await checkA11y(staff, "notifications-station-walk-in-alert");
    await captureWhole(staff, ".lg-walk-in-alerts", "notifications-station-walk-in-alert");
    const [audit] = await db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, "job_alert.created_for_worker"));
    assert.equal(audit.subjectId, walkIn.id);
    assert.equal(audit.actorUserId, desk.id);
  });

  it("an employer's applicants list marks a new applicant without a reload", async () => {
    const db = e2e.scratch.database.db;
    const clock = e2e.t.clock as unknown as ManualClock;
    const [gig] = await db
      .select({ id: gigs.id, employerUserId: employers.ownerUserId })
      .from(gigs)
      .innerJoin(employers, eq(employers.id, gigs.employerId))
      .where(and(eq(gigs.status, "open"), gt(gigs.startsAt, new Date(clock.now().getTime() + 6 * 3_600_000))))
      .limit(1);
    const [boss] = await db
      .select({ phone: users.phone })
      .from(users)
      .where(eq(users.id, gig.employerUserId));
    const employerPage = await (await personContext(e2e, { viewport: DESKTOP })).newPage();
    employerPage.setDefaultTimeout(60_000);
    await employerPage.goto(
      `/employer/sign-in?next=${encodeURIComponent(`/employer/gigs/${gig.id}?tab=applicants`)}`,
    );
    await signInByPhone(e2e, employerPage, boss.phone ?? "");
    await employerPage.getByRole("tab", { name: /报名/ }).waitFor();
    await employerPage.getByText("新消息会自动出现").or(employerPage.locator(".ant-table")).first().waitFor();
    const [applicant] = await db
      .select({ id: users.id, phone: users.phone })
      .from(users)
      .leftJoin(applications, and(eq(applications.workerId, users.id), eq(applications.gigId, gig.id)))
      .where(and(eq(users.role, "worker"), isNull(applications.id), ne(users.phone, "")))
      .limit(1);
    const applicantPage = await (await personContext(e2e, { viewport: PHONE })).newPage();
    await applicantPage.goto("/worker/sign-in?next=%2Fworker%2Fme");
    await signInByPhone(e2e, applicantPage, applicant.phone ?? "");
    await applicantPage.waitForURL(/\/worker\/me/);
    const applied = await applicantPage.request.post(`/api/gigs/${gig.id}/applications`, {
      data: {},
      headers: { "idempotency-key": `e2e-${applicant.id}` },
    });
    assert.equal(applied.status(), 201, await applied.text());
    await employerPage.getByTestId("new-applicant").waitFor({ timeout: 10_000 });
    await shot(employerPage, "notifications-employer-new-applicant");
  });

  it("the city admin sees messages sent per channel and day, and sends a dead letter again", async () => {
    const db = e2e.scratch.database.db;
    const [someone] = await db.select().from(users).where(eq(users.role, "worker")).limit(1);
    const [letter] = await db
      .insert(notificationOutbox)
      .values({
        cityCode: someone.cityCode,
        userId: someone.id,
        channel: "sms",
        kind: "hours_approved",
        phone: someone.phone ?? "13800000000",
        lang: "zh-CN",
        templateId: "SMS_HOURS_APPROVED",
        params: {},
        text: "【零工市场】您的工时已确认",
        status: "dead",
        attempts: 6,
        lastError: "gateway timeout",
      })
      .returning();
    const admin = await (await personContext(e2e, { viewport: DESKTOP })).newPage();
    admin.setDefaultTimeout(60_000);
    const signedIn = await admin.request.post("/api/auth/sign-in/password", {
      data: { username: "admin.city", password: PASSWORD },
    });
    assert.equal(signedIn.status(), 200);
    await admin.goto("/admin/messages");
    await admin.getByRole("heading", { name: "消息发送", level: 1 }).waitFor();
    const row = admin.getByTestId("dead-letters").getByRole("row").filter({ hasText: "gateway timeout" });
    await row.waitFor();
    await shot(admin, "notifications-admin-messages");
    await row.getByRole("button", { name: "重新发送" }).click();
    await admin.getByText("已重新排队发送").waitFor();
    const [after] = await db.select().from(notificationOutbox).where(eq(notificationOutbox.id, letter.id));
    assert.notEqual(after.status, "dead");
  });
});
