/**
 * The province admin in a browser (issue 18): she signs in where the admins do, chooses 全省合计 or
 * one city in the header, compares the cities side by side, and has no 系统管理 and no lists of
 * people behind the figures.
 */
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { addEmployer, postGig, registerWorker } from "../../src/monitoring/monitoring.fixtures.ts";
import { MonitoringRollup } from "../../src/monitoring/rollup.ts";
import { addCity } from "../../src/reference/city-add.ts";
import { addProvinceAdmin } from "../../src/reference/province-admin.ts";
import { checkA11y, DESKTOP, type E2E, personContext, SCREENSHOTS, startE2E } from "./support/browser.ts";

describe("the province admin in a browser", () => {
  let e2e: E2E;
  let account: { username: string; password: string };

  before(async () => {
    e2e = await startE2E();
    const db = e2e.t.ctx.database.db;
    await db.transaction((tx) => addCity(tx, { code: "320100" }));
    const now = e2e.t.clock.now();
    const day = new Date(now.getTime() - 86_400_000);
    const later = new Date(now.getTime() + 7 * 86_400_000);
    for (const [district, places] of [
      ["321102", 4],
      ["320102", 3],
    ] as const) {
      const employerId = await addEmployer(db, district, "C", day);
      await postGig(db, {
        employerId,
        districtCode: district,
        categoryCode: "cleaning",
        headcount: places,
        payFen: 20_000,
        postedAt: day,
        endsAt: later,
      });
      await registerWorker(db, {
        name: "王秀英",
        phone: `1381111${district.slice(2)}`,
        sex: "female",
        birthYear: 1975,
        education: "junior",
        categoryCodes: ["cleaning"],
        districtCodes: [district],
        registeredAt: day,
      });
    }
    await new MonitoringRollup(e2e.t.ctx).catchUp();
    const made = await db.transaction((tx) => addProvinceAdmin(tx, { city: "321100" }));
    account = { username: made.username, password: made.password ?? "" };
  });
  after(async () => e2e?.close());

  it("signs in, compares the cities with the province's total, and picks one city", async () => {
    const context = await personContext(e2e, { viewport: DESKTOP });
    const page = await context.newPage();
    await page.goto("/admin");
    await page.getByLabel("用户名").fill(account.username);
    await page.getByLabel("密码").fill(account.password);
    await page.getByRole("button", { name: /登\s*录/ }).click();
    await page.getByRole("heading", { name: "总览", level: 1 }).waitFor();
    await page.getByTestId("city-selector").getByText("全省合计").waitFor();
    assert.equal(await page.getByRole("menuitem", { name: "系统管理" }).count(), 0);
    assert.equal(await page.getByText("查看明细").count(), 0, "no list of people behind a figure");

    await page.getByRole("menuitem", { name: "各市对比" }).click();
    await page.getByRole("heading", { name: "各市对比", level: 1 }).waitFor();
    const table = page.getByTestId("table-cities");
    await table.getByText("南京市").waitFor();
    await table.getByText("镇江市").waitFor();
    await table.getByText("全省合计").waitFor();
    await page.waitForTimeout(800); // ECharts animates its first drawing
    await checkA11y(page, "admin-province-cities");
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SCREENSHOTS, "admin-province-cities.png") });

    await page.getByTestId("city-selector").click();
    // antd's list as drawn (its hidden accessible copy is not clickable).
    await page.locator(".ant-select-item-option").filter({ hasText: "南京市" }).click();
    await page.waitForURL(/city=320100/);
    await page.getByRole("menuitem", { name: "总览" }).click();
    await page.getByRole("heading", { name: "总览", level: 1 }).waitFor();
    assert.match(page.url(), /city=320100/);
    await page.getByTestId("city-selector").getByText("南京市").waitFor();
    await context.close();
  });
});
