/**
 * Unknown addresses in a browser: every face says so in its own frame and offers the way back
 * to its home; nothing is blank, no address grows, no raw JSON. Axe checks each page.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { BrowserContext, Page } from "playwright-core";
import { DEMO_EMPLOYER_PHONE } from "../../src/demo/demo-accounts.ts";
import { loadDemoCity } from "../../src/demo/demo-city.ts";
import { checkA11y, DESKTOP, type E2E, PHONE, personContext, startE2E } from "./support/browser.ts";
import { signInByPhone } from "./support/people.ts";

const TITLE = "这个页面不存在";

async function staffSignedIn(e2e: E2E, username: string): Promise<BrowserContext> {
  const context = await personContext(e2e, { viewport: DESKTOP });
  const answer = await context.request.post("/api/auth/sign-in/password", {
    data: { username, password: "linggong-demo" },
  });
  assert.equal(answer.status(), 200);
  return context;
}

/** The not-found page stays at the address asked for, says so, and its link leads home. */
async function notFoundLeadsHome(page: Page, address: string, home: RegExp, screen: string): Promise<void> {
  await page.getByRole("heading", { name: TITLE, level: 1 }).waitFor();
  assert.equal(new URL(page.url()).pathname, address, "the address does not change");
  await checkA11y(page, screen);
  await page
    .getByRole("link", { name: "回到首页" })
    .or(page.getByRole("button", { name: "回到首页" }))
    .click();
  await page.waitForURL(home);
}

describe("unknown addresses", () => {
  let e2e: E2E;
  before(async () => {
    e2e = await startE2E();
    await loadDemoCity(e2e.t.ctx.database.db, {
      seed: 7,
      now: e2e.t.clock.now(),
      workers: 10,
      gigs: 4,
      historyDays: 2,
    });
  });
  after(async () => {
    await e2e?.close();
  });

  it("an address outside every face answers 404 with the front door's page, not JSON", async () => {
    const context = await personContext(e2e, { viewport: PHONE });
    const page = await context.newPage();
    const response = await page.goto("/no-such-place");
    assert.equal(response?.status(), 404);
    await notFoundLeadsHome(page, "/no-such-place", /\/$/, "not-found-landing");
    await page.getByRole("heading", { name: "找活、招人，就在家门口" }).waitFor();
    await context.close();
  });

  it("the worker app says so under its tab bar and leads back to the gig list", async () => {
    const context = await personContext(e2e, { viewport: PHONE });
    const page = await context.newPage();
    await page.goto("/worker/no-such-screen");
    await notFoundLeadsHome(page, "/worker/no-such-screen", /\/worker$/, "not-found-worker");
    await page.getByRole("heading", { name: "附近的活" }).waitFor();
    await context.close();
  });

  it("the employer portal says so inside its frame", async () => {
    const context = await personContext(e2e, { viewport: DESKTOP });
    const page = await context.newPage();
    await page.goto("/employer/sign-in");
    await signInByPhone(e2e, page, DEMO_EMPLOYER_PHONE);
    await page.waitForURL(/\/employer$/);
    await page.goto("/employer/gigs/new/extra");
    await notFoundLeadsHome(page, "/employer/gigs/new/extra", /\/employer$/, "not-found-employer");
    await context.close();
  });

  it("the station console and the monitoring platform say so instead of redirecting", async () => {
    const station = await staffSignedIn(e2e, "station.jingkou");
    const stationPage = await station.newPage();
    await stationPage.goto("/station/no-such-page");
    await notFoundLeadsHome(stationPage, "/station/no-such-page", /\/station$/, "not-found-station");
    await station.close();

    const admin = await staffSignedIn(e2e, "admin.city");
    const adminPage = await admin.newPage();
    await adminPage.goto("/admin/no/such/page");
    await adminPage.getByRole("menuitem", { name: "区县对比" }).waitFor();
    await notFoundLeadsHome(adminPage, "/admin/no/such/page", /\/admin\/overview$/, "not-found-admin");
    await admin.close();
  });
});
