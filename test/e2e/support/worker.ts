/** What a worker does in the phone app, step by step, as a person tapping would. */
import type { Page } from "playwright-core";
import type { E2E } from "./browser.ts";
import { captureWhole, screen } from "./browser.ts";
import type { PostedGig } from "./employer.ts";
import { signInByPhone } from "./people.ts";

/** Finds the gig in the list, opens it, applies; a first-timer signs in and fills the profile on the way. */
export async function workerFindsAndApplies(
  e2e: E2E,
  page: Page,
  gig: PostedGig,
  worker: { phone: string; name: string },
  shots: boolean,
): Promise<void> {
  await page.goto("/worker");
  await page.getByRole("link", { name: new RegExp(gig.title) }).waitFor();
  if (shots) await screen(page, "worker-01-gig-list");
  if (shots) {
    await page.getByRole("button", { name: "筛选" }).click();
    await page.getByRole("dialog", { name: "筛选" }).waitFor();
    await screen(page, "worker-02-filters");
    await page.getByRole("button", { name: "看结果" }).click();
  }
  await page.getByRole("link", { name: new RegExp(gig.title) }).click();
  await page.getByRole("button", { name: "我要报名" }).waitFor();
  // The employer's stated requirement reaches the worker's screen (无要求 otherwise).
  if (gig.requirement) await page.getByText(gig.requirement, { exact: true }).waitFor();
  if (shots) await screen(page, "worker-03-gig-detail");
  await page.getByRole("button", { name: "我要报名" }).click();

  await page.waitForURL(/\/worker\/sign-in\?next=/);
  if (shots) {
    await page.getByLabel("手机号").fill(worker.phone);
    await screen(page, "worker-04-sign-in");
  }
  await signInByPhone(e2e, page, worker.phone);
  await page.waitForURL(/\/worker\/profile\?first=1/);
  await page.getByLabel("姓名").fill(worker.name);
  await page.getByText("女", { exact: true }).click();
  await page.getByLabel("出生日期").fill("1972-04-18");
  await page.getByText("初中", { exact: true }).click();
  await page.getByText("健康证", { exact: true }).click();
  await page.getByText("保洁", { exact: true }).click();
  await page.getByText("京口区", { exact: true }).click();
  await page.getByLabel("期望日薪（元）").fill("180");
  await page.getByLabel("干这行几年了").fill("6");
  if (shots) await screen(page, "worker-05-profile");
  if (shots) await captureWhole(page, "form.lg-worker-section", "worker-05-profile-form");
  await page.getByRole("button", { name: "保存，开始找活" }).click();

  await page.waitForURL(new RegExp(`/worker/gigs/${gig.id}$`));
  await page.getByRole("button", { name: "我要报名" }).click();
  await page.getByText("报名成功").waitFor();
}

export async function workerConfirms(page: Page, gig: PostedGig, shots: boolean): Promise<void> {
  await page.goto("/worker/work");
  const card = page.getByRole("region", { name: gig.title });
  await card.getByRole("button", { name: "确认会去" }).waitFor();
  if (shots) await screen(page, "worker-06-my-work");
  await card.getByRole("button", { name: "确认会去" }).click();
  await card.getByRole("link", { name: "去签到" }).waitFor();
}

/** Check-in by location when the phone allows it; otherwise with the code the employer shows on site. */
export async function workerChecksIn(
  page: Page,
  gig: PostedGig,
  how: "location" | "code",
  shots: boolean,
): Promise<void> {
  await page.goto("/worker/work");
  await page.getByRole("region", { name: gig.title }).getByRole("link", { name: "去签到" }).click();
  await page.getByRole("button", { name: "签到", exact: true }).waitFor();
  if (shots) await screen(page, "worker-07-check-in");
  await page.getByRole("button", { name: "签到", exact: true }).click();
  if (how === "code") {
    await page.getByLabel("签到码").waitFor();
    if (shots) await screen(page, "worker-08-check-in-code");
    await page.getByLabel("签到码").fill(gig.checkInCode);
    await page.getByRole("button", { name: "用签到码签到" }).click();
  }
  await page.getByRole("button", { name: "签退", exact: true }).waitFor();
}

export async function workerChecksOut(page: Page, shots: boolean): Promise<void> {
  if (shots) await screen(page, "worker-09-check-out");
  await page.getByRole("button", { name: "签退", exact: true }).click();
  // 签退 asks first, showing the time worked so far (or that the shift has not started).
  const dialog = page.getByRole("dialog");
  await dialog.getByText("确认签退？").waitFor();
  await dialog.getByRole("button", { name: "确认签退" }).click();
  await page.getByText("今天辛苦了").waitFor();
}

export async function workerConfirmsPay(page: Page, gig: PostedGig, shots: boolean): Promise<void> {
  await page.goto("/worker/earnings");
  const card = page.getByRole("region", { name: gig.title });
  await card.getByRole("button", { name: "确认收到" }).waitFor();
  if (shots) await screen(page, "worker-10-earnings");
  await card.getByRole("button", { name: "确认收到" }).click();
  await card.getByText("已确认收到").waitFor();
}

export async function workerRatesEmployer(page: Page, gig: PostedGig, shots: boolean): Promise<void> {
  await page.goto("/worker/ratings");
  await page.getByRole("region", { name: gig.title }).getByRole("link", { name: "去评价" }).click();
  await page.getByRole("button", { name: "提交评价" }).waitFor();
  await page.getByRole("radio").nth(4).click();
  if (shots) await screen(page, "worker-11-rate-employer");
  await page.getByRole("button", { name: "提交评价" }).click();
  await page.getByText("谢谢您的评价").waitFor();
}
