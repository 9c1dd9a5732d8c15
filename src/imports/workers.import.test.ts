import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { and, eq, sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import type { Static } from "typebox";
import { startTestApp, type TestApp } from "../../test/support/app.ts";
import { auditLog, marketEvents, users, workerProfiles } from "../db/schema/index.ts";
import type { AppError } from "../platform/errors.ts";
import type { ImportResult } from "./imports.schemas.ts";
import { type RunOptions, reasonLines, runImport } from "./run.ts";
import { readSheet, rejectsCsv, type Sheet } from "./sheet.ts";
import { workersImport } from "./workers.import.ts";

const CITY = "321100";
type ImportView = Static<typeof ImportResult>;
const DISTRICTS = ["321102", "321111", "321112", "321181", "321182", "321183"];
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = "10X98765432";

/** A distinct valid ID number per i: a birth date i days after 1960-01-01. */
function idNumber(i: number, district: string): string {
  const birth = new Date(Date.UTC(1960, 0, 1) + i * 86_400_000)
    .toISOString()
    .slice(0, 10)
    .replaceAll("-", "");
  const first17 = `${district}${birth}${String(i % 1000).padStart(3, "0")}`;
  let sum = 0;
  for (let k = 0; k < 17; k++) sum += Number(first17[k]) * (ID_WEIGHTS[k] ?? 0);
  return first17 + ID_CHECK[sum % 11];
}

function wrongCheck(id: string): string {
  const check = id[17] === "0" ? "1" : "0";
  return id.slice(0, 17) + check;
}

type Kind = "phone_invalid" | "id_number_invalid" | "district_unknown" | "duplicate_in_file";

/** 10,000 rows, 3 % bad (one bad row of each of three kinds in every hundred). */
function workersSheet(n: number): { csv: string; bad: Map<number, Kind> } {
  const lines = ["姓名,手机号,身份证号,区县代码,工种"];
  const bad = new Map<number, Kind>();
  for (let i = 0; i < n; i++) {
    const district = DISTRICTS[i % DISTRICTS.length] ?? "321102";
    let phone = `139${String(i).padStart(8, "0")}`;
    let id = idNumber(i, district);
    let code = district;
    const slot = i % 100;
    if (slot === 0) {
      phone = `12${i}`;
      bad.set(i + 2, "phone_invalid");
    } else if (slot === 1) {
      id = wrongCheck(id);
      bad.set(i + 2, "id_number_invalid");
    } else if (slot === 2 && i % 200 === 2) {
      code = "999999";
      bad.set(i + 2, "district_unknown");
    } else if (slot === 2) {
      phone = `139${String(i - 3).padStart(8, "0")}`; // the phone of a good row above
      bad.set(i + 2, "duplicate_in_file");
    }
    lines.push(`工人${i},${phone},${id},${code},${i % 2 ? "cleaning" : ""}`);
  }
  return { csv: lines.join("\n"), bad };
}

describe("bulk import of workers", () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
  });
  after(() => t.close());

  const importWorkers = (sheet: Sheet, options: Partial<RunOptions> = {}) =>
    runImport(
      t.ctx.database.db,
      workersImport({
        pepper: t.ctx.config.idNumberPepper,
        today: "2026-12-03",
        now: new Date("2026-12-03T08:00:00Z"),
      }),
      sheet,
      { scope: { cityCode: CITY, districtCode: null }, ...options },
    );
  const workersInCity = async () => {
    const [row] = await t.ctx.database.db
      .select({ n: sql<number>`count(*)::int` })
      .from(workerProfiles)
      .where(eq(workerProfiles.cityCode, CITY));
    return row?.n ?? 0;
  };

  it("imports 10,000 rows but the 3 % bad ones, which come back with reasons, twice without duplicates", async () => {
    const { csv, bad } = workersSheet(10_000);
    assert.equal(bad.size, 300);
    const sheet = await readSheet("workers.csv", Buffer.from(csv));
    const before = await workersInCity();
    const started = Date.now();
    const first = await importWorkers(sheet);
    const firstMs = Date.now() - started;
    assert.equal(first.rows, 10_000);
    assert.deepEqual(
      first.rejected.map((r) => r.row),
      [...bad.keys()],
    );
    for (const r of first.rejected) {
      assert.equal(r.reasons.length, 1, `row ${r.row}: ${r.reasons}`);
      assert.equal(r.reasons[0]?.code, bad.get(r.row), `row ${r.row}: ${r.reasons}`);
    }
    assert.equal(first.imported, 9_700);
    assert.equal(first.alreadyThere, 0);
    assert.equal((await workersInCity()) - before, 9_700);

    const second = await importWorkers(sheet);
    assert.equal(second.imported, 0);
    assert.equal(second.alreadyThere, 9_700);
    assert.deepEqual(
      second.rejected.map((r) => [r.row, reasonLines(r, "zh-CN")]),
      first.rejected.map((r) => [r.row, reasonLines(r, "zh-CN")]),
    );
    assert.equal((await workersInCity()) - before, 9_700);
    const accounts = await t.ctx.database.db
      .select({ n: sql<number>`count(*)::int` })
      .from(users)
      .where(and(eq(users.cityCode, CITY), eq(users.role, "worker")));
    assert.ok((accounts[0]?.n ?? 0) >= 9_700);

    const rejects = rejectsCsv(
      sheet.headers,
      first.rejected.map((r) => ({ ...r, reasons: reasonLines(r, "zh-CN") })),
    );
    assert.equal(rejects.trim().split("\r\n").length, 301);
    assert.match(rejects, /原因 reasons/);
    console.log(`imported 10,000 rows in ${firstMs} ms`);
  });

  it("imports nothing from a sheet with a bad row when asked for all or nothing", async () => {
    const before = await workersInCity();
    const csv = [
      "姓名,手机号,身份证号,区县代码",
      `甲,13700000001,${idNumber(10_001, "321102")},321102`,
      `乙,137000000,${idNumber(10_002, "321102")},321102`,
    ].join("\n");
    const result = await importWorkers(await readSheet("w.csv", Buffer.from(csv)), { allOrNothing: true });
    assert.equal(result.rolledBack, true);
    assert.deepEqual(
      result.rejected.map((r) => r.row),
      [3],
    );
    assert.equal(await workersInCity(), before);
  });

  it("reads .xlsx sheets, numbers as the clerk typed them", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("零工");
    sheet.addRow(["姓名", "手机号", "身份证号", "区县代码"]);
    sheet.addRow(["丙", 13600000003, idNumber(10_003, "321111"), 321111]);
    const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
    const read = await readSheet("workers.xlsx", buffer);
    assert.deepEqual(read.rows[0]?.values, {
      姓名: "丙",
      手机号: "13600000003",
      身份证号: idNumber(10_003, "321111"),
      区县代码: "321111",
    });
    const result = await importWorkers(read);
    assert.equal(result.imported, 1);
  });

  it("refuses a sheet without the required columns, naming them", async () => {
    const read = await readSheet("w.csv", Buffer.from("姓名,电话\n丁,13500000000\n"));
    await assert.rejects(importWorkers(read), (error: AppError) => {
      assert.equal(error.code, "import_columns_missing");
      assert.match(error.messageIn("zh-CN"), /手机号、身份证号、区县代码/);
      return true;
    });
  });

  it("reads a .csv that Excel saved in GB18030, and refuses a file that is no workbook with a 400", async () => {
    const gbk = Buffer.from([0xd0, 0xd5, 0xc3, 0xfb, 0x0a, 0xb6, 0xa1]); // 姓名\n丁
    assert.deepEqual((await readSheet("w.csv", gbk)).headers, ["姓名"]);
    const admin = await t.tokenFor("city_admin");
    const garbage = await t.request("POST", "/api/admin/imports/workers", {
      as: admin.token,
      body: { fileName: "w.xlsx", contentBase64: Buffer.from("not a workbook").toString("base64") },
      lang: "en",
    });
    assert.equal(garbage.statusCode, 400, garbage.body);
    assert.equal(garbage.json().error.code, "import_file_unreadable");
    assert.match(garbage.json().error.message, /cannot be read/);
  });

  it("imports through the API for the city admin, into her city, audited", async () => {
    const admin = await t.tokenFor("city_admin");
    const csv = [
      "姓名,手机号,身份证号,区县代码",
      `戊,13500000005,${idNumber(10_005, "321102")},321102`,
      `己,13500000006,${idNumber(10_006, "321102")},320102`,
    ].join("\n");
    const body = { fileName: "w.csv", contentBase64: Buffer.from(csv).toString("base64") };
    const response = await t.request("POST", "/api/admin/imports/workers", { as: admin.token, body });
    assert.equal(response.statusCode, 200, response.body);
    const result = response.json() as ImportView;
    assert.equal(result.imported, 1);
    assert.deepEqual(
      result.report.map((r) => [r.row, r.label, r.outcome, r.reasons.map((x) => x.code)]),
      [
        [2, "戊", "imported", []],
        [3, "己", "rejected", ["district_unknown"]],
      ],
    );
    assert.match(result.rejectsCsv ?? "", /district_unknown/);
    // Registered as a sign-up is: counted by the monitoring platform, known to the matching index.
    const db = t.ctx.database.db;
    const [her] = await db.select({ id: users.id }).from(users).where(eq(users.phone, "13500000005"));
    const registered = await db
      .select()
      .from(marketEvents)
      .where(and(eq(marketEvents.kind, "worker_registered"), eq(marketEvents.subjectId, her.id)));
    assert.equal(registered.length, 1);
    await t.app.matching.settled();
    assert.ok(t.app.matching.workers.get(her.id), "the matching index has her without a restart");
    const audited = await t.ctx.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.actorUserId, admin.userId), eq(auditLog.action, "workers.imported")));
    assert.equal(audited.length, 1);
    assert.equal(audited[0]?.personalData, true);
    const staff = await t.tokenFor("station_staff", { districtCode: "321102" });
    const refused = await t.request("POST", "/api/admin/imports/workers", { as: staff.token, body });
    assert.equal(refused.statusCode, 403);
  });

  it("lets a district admin import only the workers of her district", async () => {
    const admin = await t.tokenFor("district_admin", { districtCode: "321111" });
    const csv = [
      "姓名,手机号,身份证号,区县代码",
      `庚,13500000007,${idNumber(10_007, "321111")},润州区`,
      `辛,13500000008,${idNumber(10_008, "321102")},321102`,
    ].join("\n");
    const body = { fileName: "w.csv", contentBase64: Buffer.from(csv).toString("base64") };
    const response = await t.request("POST", "/api/admin/imports/workers", { as: admin.token, body });
    assert.equal(response.statusCode, 200, response.body);
    const result = response.json() as ImportView;
    assert.deepEqual(
      result.report.map((r) => [r.label, r.outcome, r.reasons.map((x) => x.code)]),
      [
        ["庚", "imported", []],
        ["辛", "rejected", ["out_of_scope"]],
      ],
    );
  });
});
