/**
 * Browser tests' plumbing: the real server on a scratch database, Debian's Chromium through
 * playwright-core, an axe check per screen and zh-CN screenshots into docs/screenshots/.
 */
import assert from "node:assert/strict";
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { AxeBuilder } from "@axe-core/playwright";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import type { Clock } from "../../../src/platform/clock.ts";
import { WEB_DIST } from "../../../src/web/web.plugin.ts";
import { startTestApp, type TestApp } from "../../support/app.ts";

export const SCREENSHOTS = path.resolve(import.meta.dirname, "../../../docs/screenshots");
export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1440, height: 900 };

const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
];

export interface E2E {
  t: TestApp;
  baseUrl: string;
  browser: Browser;
  /** What the browser refused under the Content-Security-Policy; close() fails unless empty. */
  cspViolations: string[];
  close(): Promise<void>;
}

/**
 * The next 08:30 in Zhenjiang (UTC+8) from now: a story about "today" and "tomorrow" reads the same
 * whatever the hour of the run, and every expiry the server sets from it (cookies, codes) still lies
 * ahead of the browser's real clock.
 */
export function nextMorning(now = new Date()): Date {
  const HALF_PAST_EIGHT_UTC = 30 * 60_000; // 08:30 at UTC+8 is 00:30 UTC
  const DAY = 24 * 3_600_000;
  const morning = Math.floor(now.getTime() / DAY) * DAY + HALF_PAST_EIGHT_UTC;
  return new Date(morning > now.getTime() ? morning : morning + DAY);
}

/** Starts the server (on `clock` if given, else frozen at the real time) and Chromium. */
export async function startE2E(options: { clock?: Clock } = {}): Promise<E2E> {
  assert.ok(existsSync(path.join(WEB_DIST, "index.html")), "build the web app first: npm run build:web");
  const t = await startTestApp(options);
  const address = await t.app.listen({ port: 0, host: "127.0.0.1" });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    // --lang makes date and time inputs read the Chinese way (2026/11/29, 08:00).
    args: [...CHROMIUM_ARGS, "--lang=zh-CN"],
  });
  const cspViolations: string[] = [];
  return {
    t,
    baseUrl: address,
    browser,
    cspViolations,
    close: async () => {
      await browser.close();
      await t.close();
      assert.deepEqual(cspViolations, [], "the pages broke the Content-Security-Policy");
    },
  };
}

/** A person: their own browser context (cookies), phone-sized or desktop-sized, in zh-CN. */
export async function personContext(
  e2e: E2E,
  options: {
    viewport: { width: number; height: number };
    geolocation?: { latitude: number; longitude: number };
  },
): Promise<BrowserContext> {
  const context = await e2e.browser.newContext({
    baseURL: e2e.baseUrl,
    viewport: options.viewport,
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
    deviceScaleFactor: 1,
    hasTouch: options.viewport.width < 500,
    ...(options.geolocation ? { geolocation: options.geolocation, permissions: ["geolocation"] } : {}),
  });
  context.setDefaultTimeout(20_000);
  context.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) e2e.cspViolations.push(message.text());
  });
  return context;
}

/** No serious or critical accessibility violations on the screen as it is now. */
export async function checkA11y(page: Page, screen: string): Promise<void> {
  const result = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  const bad = result.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  const report = bad.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes
        .map((n) => n.target.join(" "))
        .slice(0, 5)
        .join("\n  ")}`,
  );
  assert.deepEqual(report, [], `accessibility problems on ${screen}`);
}

/** Saves a screenshot named for the screen, after its checks pass. */
export async function capture(page: Page, name: string, options: { live?: boolean } = {}): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  // A live page keeps its event stream open, so the network never goes idle; it is loaded.
  await page.waitForLoadState(options.live ? "load" : "networkidle");
  // Show the screen from its top, as a person arriving on it sees it.
  await page.evaluate(`document.activeElement?.blur?.(); window.scrollTo(0, 0)`);
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: false });
}

/** Saves the whole of one part of a screen, longer than the window (a long form), after `screen` checked it. */
export async function captureWhole(page: Page, selector: string, name: string): Promise<void> {
  await page.evaluate(`document.activeElement?.blur?.()`);
  await page
    .locator(selector)
    .first()
    .screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });
}

/** Runs in the page (as a string: the test's TypeScript has no DOM types). */
const PHONE_USE_PROBLEMS = `(() => {
  const tappable = document.querySelectorAll(
    "button, a[href], input:not([type=hidden]), textarea, select, [role=button], [role=radio], [role=checkbox], [role=switch], [role=tab]",
  );
  const problems = [];
  for (const element of tappable) {
    const box = element.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) continue;
    // A text field's own box may be slim inside a tall, tappable frame (a select's search field too).
    const target = element.matches("input, textarea")
      ? (element.closest(".adm-input, .adm-text-area, .lg-field, .ant-select") ?? element)
      : element;
    const frame = target.getBoundingClientRect();
    if (frame.height < 44 || frame.width < 44) {
      const label = (element.getAttribute("aria-label") ?? element.textContent ?? element.tagName).trim().slice(0, 30);
      problems.push(element.tagName.toLowerCase() + " '" + label + "' " + Math.round(frame.width) + "x" + Math.round(frame.height));
    }
  }
  if (document.documentElement.scrollWidth > window.innerWidth + 1) problems.push("the page scrolls sideways");
  return problems;
})()`;

/**
 * Worker screens are used by older people on small phones: everything one taps is at least 44 px
 * tall and wide (WCAG 2.5.5), and the screen does not scroll sideways even with 大字模式 on.
 */
export async function checkPhoneUse(page: Page, screenName: string): Promise<void> {
  const small = (await page.evaluate(PHONE_USE_PROBLEMS)) as string[];
  assert.deepEqual(small, [], `touch targets too small on ${screenName}`);
}

/**
 * Waits until an expression is true in the page. page.waitForFunction cannot be used: it runs its
 * predicate through eval, which the app's Content-Security-Policy forbids (no 'unsafe-eval').
 */
export async function untilTrue(page: Page, expression: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await page.evaluate(expression))) {
    if (Date.now() > deadline) throw new Error(`still not true after ${timeoutMs} ms: ${expression}`);
    await page.waitForTimeout(50);
  }
}

/** Waits until nothing on the page moves: dialogs opened, transitions over. */
export async function settled(page: Page): Promise<void> {
  // Endless animations (a spinner) never finish; transitions and dialogs opening do.
  const running = `document.getAnimations().filter((a) => a.playState === "running" && a.effect?.getComputedTiming().endTime !== Infinity)`;
  await untilTrue(page, `${running}.length === 0`);
}

/** Every screen gets the same checks: axe (and touch targets on phones), then a screenshot for docs. */
export async function screen(page: Page, name: string, options: { live?: boolean } = {}): Promise<void> {
  await page.waitForLoadState(options.live ? "load" : "networkidle");
  // A dialog fading in has pale colours for a moment; check what people read once it has settled.
  await settled(page);
  await checkA11y(page, name);
  if ((page.viewportSize()?.width ?? 1000) < 500) await checkPhoneUse(page, name);
  await capture(page, name, options);
}
