import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { addCity } from "../../src/reference/city-add.ts";
import {
  checkPhoneUse,
  DESKTOP,
  type E2E,
  PHONE,
  personContext,
  screen,
  startE2E,
} from "./support/browser.ts";
import { testPhone } from "./support/people.ts";

describe("the front door", () => {
  let e2e: E2E;
  before(async () => {
    e2e = await startE2E();
  });
  after(async () => {
    await e2e?.close();
  });

  it("lets a visitor choose work or workers, in Chinese first", async () => {
    const context = await personContext(e2e, { viewport: PHONE });
    const page = await context.newPage();
    await page.goto("/");
    await page.getByRole("heading", { name: "找活、招人，就在家门口" }).waitFor();
    await screen(page, "landing-phone");
    await page.getByRole("link", { name: /我要找活/ }).click();
    await page.waitForURL("**/worker");
    await page.getByRole("heading", { name: "附近的活" }).waitFor();
    await context.close();
  });

  it("switches to English, remembers it on reload, and switches back", async () => {
    const context = await personContext(e2e, { viewport: DESKTOP });
    const page = await context.newPage();
    await page.goto("/");
    await page.getByRole("button", { name: "English" }).click();
    await page.getByRole("heading", { name: "Find work or find workers, close to home" }).waitFor();
    // English is fetched on demand; a reload fetches it before the first render.
    await page.reload();
    await page.getByRole("heading", { name: "Find work or find workers, close to home" }).waitFor();
    await page.getByRole("button", { name: "中文" }).click();
    await page.getByRole("heading", { name: "找活、招人，就在家门口" }).waitFor();
    await screen(page, "landing-desktop");
    await context.close();
  });

  it("an empty gig list says what to do next, and stays usable at 200% zoom and in 大字模式", async () => {
    const context = await personContext(e2e, { viewport: PHONE });
    const page = await context.newPage();
    await page.goto("/worker");
    await page.getByText("暂时没有合适的活").waitFor();
    await screen(page, "worker-00-empty-list");

    // 200% browser zoom on a 390 px phone leaves 195 CSS pixels of width.
    await page.setViewportSize({ width: 195, height: 422 });
    await checkPhoneUse(page, "gig list at 200%");
    await page.setViewportSize(PHONE);
    await page.evaluate(`localStorage.setItem("lg.largeText", "1")`);
    await page.reload();
    await page.getByText("暂时没有合适的活").waitFor();
    await checkPhoneUse(page, "gig list in 大字模式");
    await context.close();
  });

  it("the resend button counts down the minute between codes, also after a reload", async () => {
    const context = await personContext(e2e, { viewport: PHONE });
    const page = await context.newPage();
    const phone = testPhone();
    await page.goto("/worker/sign-in");
    await page.getByLabel("手机号").fill(phone);
    await page.getByRole("button", { name: "获取验证码" }).click();
    const countdown = page.getByRole("button", { name: /^\d+秒后可重新发送$/ });
    await countdown.waitFor();
    assert.ok(await countdown.isDisabled());
    const first = Number(/\d+/.exec((await countdown.textContent()) ?? "")?.[0]);
    await page.waitForTimeout(2_100);
    const later = Number(/\d+/.exec((await countdown.textContent()) ?? "")?.[0]);
    assert.ok(later < first && later > 50, `counts down: ${first} then ${later}`);

    await page.reload();
    await page.getByLabel("手机号").fill(phone);
    await page.getByRole("button", { name: "获取验证码" }).click();
    await page.getByText(/验证码已发送，请\d+秒后再获取/).waitFor();
    await countdown.waitFor();
    await page.getByLabel("验证码").waitFor();
    await context.close();
  });

  it("opens a deep link on reload and keeps unknown API routes JSON", async () => {
    const context = await personContext(e2e, { viewport: PHONE });
    const page = await context.newPage();
    await page.goto("/worker/work");
    await page.waitForURL(/\/worker\/sign-in\?next=%2Fworker%2Fwork/);
    const api = await page.request.get("/api/no-such-route");
    assert.equal(api.status(), 404);
    assert.equal((await api.json()).error.code, "route_not_found");
    await context.close();
  });

  // Last: the city added here stays for the rest of the file.
  it("shows no city chooser for one city; with Nanjing added, choosing it puts the apps in Nanjing", async () => {
    const context = await personContext(e2e, { viewport: PHONE });
    const page = await context.newPage();
    await page.goto("/");
    await page.getByRole("heading", { name: "找活、招人，就在家门口" }).waitFor();
    await page.waitForLoadState("networkidle");
    assert.equal(await page.getByLabel("选择城市").isVisible(), false);

    await e2e.t.ctx.database.db.transaction((tx) => addCity(tx, { code: "320100" }));
    await page.reload();
    const chooser = page.getByLabel("选择城市");
    await chooser.waitFor();
    assert.equal(await chooser.inputValue(), "321100", "the default city first");
    await chooser.selectOption({ label: "南京市" });
    await page.waitForFunction(`document.cookie.includes("linggong_city=320100")`);
    await screen(page, "landing-city-chooser");
    const reference = await page.request.get("/api/reference");
    assert.equal((await reference.json()).city.code, "320100");
    await page.reload();
    assert.equal(await page.getByLabel("选择城市").inputValue(), "320100", "the choice is remembered");
    await context.close();
  });
});
