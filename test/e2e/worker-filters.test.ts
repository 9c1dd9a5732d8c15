/**
 * The worker app's filter sheet loads on first use (not with the first screen): it opens, narrows
 * the list by a kind of work, and speaks English for those who chose it — words fetched on demand.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { type E2E, PHONE, personContext, startE2E } from "./support/browser.ts";

describe("the worker app's filters", () => {
  let e2e: E2E;
  before(async () => {
    e2e = await startE2E();
  });
  after(async () => {
    await e2e?.close();
  });

  it("opens the sheet on first use and narrows the list by a kind of work", async () => {
    const context = await personContext(e2e, { viewport: PHONE });
    const page = await context.newPage();
    await page.goto("/worker");
    await page.getByRole("heading", { name: "附近的活" }).waitFor();
    assert.equal(
      await page.getByRole("dialog", { name: "筛选" }).count(),
      0,
      "the sheet is not there before it is asked for",
    );

    await page.getByRole("button", { name: "筛选", exact: true }).click();
    const sheet = page.getByRole("dialog", { name: "筛选" });
    await sheet.waitFor();
    await sheet.getByText("保洁", { exact: true }).click();
    await sheet.getByRole("button", { name: "看结果" }).click();
    await page.waitForURL(/category=/);
    await page.getByRole("button", { name: "筛选（1）" }).waitFor();
    await context.close();
  });

  it("shows the sheet in English when English was chosen", async () => {
    const context = await personContext(e2e, { viewport: PHONE });
    await context.addInitScript("localStorage.setItem('lg.lang', 'en')");
    const page = await context.newPage();
    await page.goto("/worker");
    await page.getByRole("button", { name: "Filters", exact: true }).click();
    const sheet = page.getByRole("dialog", { name: "Filters" });
    await sheet.waitFor();
    await sheet.getByRole("button", { name: "Show gigs" }).waitFor();
    await context.close();
  });
});
