/** What an employer does in the portal, step by step, as a person clicking would. */
import type { Page } from "playwright-core";
import type { E2E } from "./browser.ts";
import { captureWhole, screen, settled } from "./browser.ts";
import { signInByPhone } from "./people.ts";

/** Picks an option of an antd Select by its visible text. */
export async function choose(page: Page, label: string, option: string): Promise<void> {
  // A dropdown closed a moment ago may still be animating out, so more than one can be open.
  const open = page.locator(".ant-select-dropdown:not(.ant-select-dropdown-hidden)");
  for (let attempt = 1; ; attempt++) {
    await page.getByLabel(label, { exact: true }).click();
    await open.locator(`[title="${option}"]`).first().click();
    // On a loaded machine a click can land while the list is still moving in and the dropdown
    // stays open: close it and choose again (choosing the same option twice changes nothing).
    const closed = await open
      .first()
      .waitFor({ state: "detached", timeout: 5_000 })
      .then(() => true)
      .catch(() => false);
    if (closed) return;
    if (attempt === 3) throw new Error(`the list of ${label} did not close after choosing ${option}`);
    await page.keyboard.press("Escape");
  }
}

export async function employerSignsUp(e2e: E2E, page: Page, phone: string, shots: boolean): Promise<void> {
  await page.goto("/employer");
  await page.waitForURL(/\/employer\/sign-in/);
  if (shots) {
    await page.getByLabel("手机号").fill(phone);
    await screen(page, "employer-01-sign-in");
  }
  await signInByPhone(e2e, page, phone);
  await page.waitForURL(/\/employer\/profile\?first=1/);
  await page.getByText("企业 / 单位", { exact: true }).click();
  await page.getByLabel("单位名称").fill("镇江市京口区好帮手物业服务有限公司");
  await page.getByLabel("统一社会信用代码").fill("91321102MA1W2X3Y4D");
  await choose(page, "所在区县", "京口区");
  await page.getByLabel("联系人").fill("王经理");
  if (shots) await screen(page, "employer-02-profile");
  await page.getByRole("button", { name: "保存，去发布用工" }).click();
  await page.waitForURL(/\/employer\/gigs\/new/);
}

/** District → township → street, then the geocoder's pin (confirmed as placed). */
export async function placeByAddress(page: Page): Promise<void> {
  await choose(page, "区县", "京口区");
  await choose(page, "乡镇街道", "大市口街道");
  await page.getByLabel("路名门牌").fill("中山东路 301 号");
  await page.getByRole("button", { name: "在地图上定位" }).click();
  await page.getByRole("button", { name: "地点图钉，可拖动" }).waitFor();
  await page.getByRole("status").filter({ hasText: "图钉" }).waitFor();
  await page.mouse.move(0, 0);
}

export interface PostedGig {
  id: string;
  title: string;
  checkInCode: string;
  /** The education the employer asked for, as the worker's screen names it; none when 无要求. */
  requirement?: string;
}

export async function employerPostsGig(page: Page, title: string, shots: boolean): Promise<PostedGig> {
  await page.goto("/employer/gigs/new");
  await page.getByLabel("工种").fill("保洁");
  await page.keyboard.press("Enter");
  await page.getByLabel("标题").fill(title);
  await placeByAddress(page);
  await page.getByLabel("招几人").fill("2");
  await page.getByLabel("报酬（元）").fill("180");
  await page.getByLabel("工作内容").fill("商场公共区域保洁，工具由我方提供，管午饭。");
  await choose(page, "学历要求", "初中及以上");
  if (shots) await screen(page, "employer-03-post-gig");
  if (shots) await captureWhole(page, ".lg-requirements", "employer-03-post-gig-requirements");
  await page.getByRole("button", { name: "发布", exact: true }).click();
  await page.waitForURL(/\/employer\/gigs\/[0-9a-f-]{36}$/);
  const id = page.url().split("/").pop() ?? "";
  const checkInCode = (await page.getByTestId("check-in-code").textContent())?.trim() ?? "";
  return { id, title, checkInCode, requirement: "初中及以上" };
}

export async function employerAccepts(
  page: Page,
  gig: PostedGig,
  workerName: string,
  shots: boolean,
): Promise<void> {
  await page.goto(`/employer/gigs/${gig.id}?tab=applicants`);
  const row = page.getByRole("row", { name: new RegExp(workerName) });
  await row.waitFor();
  if (shots) await screen(page, "employer-05-applicants");
  await row.getByRole("button", { name: "录用" }).click();
  await page.getByText(`已录用 ${workerName}`).waitFor();
}

export async function employerApprovesAndPays(
  page: Page,
  gig: PostedGig,
  workerName: string,
  shots: boolean,
): Promise<void> {
  await page.goto(`/employer/gigs/${gig.id}?tab=crew`);
  const row = page.getByRole("row", { name: new RegExp(workerName) });
  await row.getByRole("button", { name: "核对工时" }).click();
  await settled(page);
  if (shots) await screen(page, "employer-07-timesheet");
  await page.getByRole("button", { name: "确认工时" }).click();
  await row.getByRole("button", { name: "记录付款" }).click();
  await settled(page);
  if (shots) await screen(page, "employer-08-payment");
  await page.getByRole("dialog").getByRole("button", { name: "记录付款" }).click();
  await row.getByText("已付款，待零工确认").waitFor();
}

export async function employerRatesWorker(
  page: Page,
  gig: PostedGig,
  workerName: string,
  shots: boolean,
): Promise<void> {
  await page.goto(`/employer/gigs/${gig.id}?tab=crew`);
  const row = page.getByRole("row", { name: new RegExp(workerName) });
  await row.getByRole("button", { name: "评价" }).click();
  await settled(page);
  await page.getByRole("dialog").getByRole("radio").nth(3).click();
  if (shots) await screen(page, "employer-09-rate-worker");
  await page.getByRole("button", { name: "提交评价" }).click();
  await row.getByRole("button", { name: "评价" }).waitFor({ state: "detached" });
}
