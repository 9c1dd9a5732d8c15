/**
 * Notifications in a browser: station staff run a morning dispatch and send it; a worker it
 * chose, with the worker app open on her notification centre, sees the invitation appear by
 * itself (server-sent events), with the unread badge on the bell, and opens it to 我的活.
 * Screenshots go to docs/screenshots/notifications-*.png.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { and, desc, eq } from "drizzle-orm";
import { chromium, type Page } from "playwright-core";
import { buildApp } from "../../src/app.ts";
import { applications, dispatches, dispatchOffers, users } from "../../src/db/schema/index.ts";
import { DEFAULT_SEED, loadDemoCity } from "../../src/demo/demo-city.ts";
import { ManualClock } from "../../src/platform/clock.ts";
import { loadConfig } from "../../src/platform/config.ts";
import type { AppContext } from "../../src/platform/context.ts";
import type { App } from "../../src/platform/http/types.ts";
import { LogSmsProvider } from "../../src/platform/sms.ts";
import { loadReferenceData } from "../../src/reference/reference.loader.ts";
import { createScratchDatabase, type ScratchDatabase } from "../support/database.ts";
import { capture, checkA11y, DESKTOP, type E2E, PHONE, personContext, untilTrue } from "./support/browser.ts";
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
    await staff.getByText(/拟派工 \d+ 人/).waitFor();
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

    const invitation = worker
      .getByTestId("notification-list")
      .locator("li")
      .filter({ hasText: "有人请您干活" });
    await invitation.first().waitFor({ timeout: 10_000 });
    assert.equal(await worker.getByTestId("notification-list").locator("li").count(), before + 1);
    await worker.getByTestId("notification-badge").waitFor();
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

  it("staff have a bell and a notification centre too", async () => {
    await staff.getByTestId("notification-bell").click();
    await staff.getByRole("heading", { name: "消息", level: 1 }).waitFor();
    await shot(staff, "notifications-station");
  });
});
