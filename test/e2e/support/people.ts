/** The people of the browser tests and the steps every test repeats: signing in by phone and code. */
import type { Page } from "playwright-core";
import { testPhone } from "../../support/app.ts";
import type { E2E } from "./browser.ts";

export { testPhone };

/** Signs in on the current sign-in screen; the code is read from the SMS the server sent. */
export async function signInByPhone(e2e: E2E, page: Page, phone: string): Promise<void> {
  await page.getByLabel("手机号").fill(phone);
  await page.getByRole("button", { name: "获取验证码" }).click();
  await page.getByLabel("验证码").waitFor();
  const code = e2e.t.sms.lastCodeFor(phone);
  if (!code) throw new Error(`no sign-in code was sent to ${phone}`);
  await page.getByLabel("验证码").fill(code);
  await tickConsent(page);
  await page.getByRole("button", { name: "登录", exact: true }).click();
}

/** Ticks 我已阅读并同意《用户协议》和《隐私政策》 (the box, not the document links in its label). */
export async function tickConsent(page: Page): Promise<void> {
  await page.locator(".lg-consent-check").locator(".adm-checkbox-icon, .ant-checkbox").first().click();
}
