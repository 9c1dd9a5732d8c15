import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { and, eq } from "drizzle-orm";
import type { Static } from "typebox";
import { startTestApp, type TestApp } from "../../test/support/app.ts";
import { auditLog, stations } from "../db/schema/index.ts";
import { insideBoundary, isMultiPolygon } from "../gigs/geography.ts";
import { findDivision } from "../places/places.repository.ts";
import type { ImportResult } from "./imports.schemas.ts";

type ImportView = Static<typeof ImportResult>;

const HEADER = "驿站名称,类型,所在区县,镇街,地址,电话,开放时间";

describe("bulk import of stations", () => {
  let t: TestApp;
  let cityAdmin: { token: string; userId: string };
  before(async () => {
    t = await startTestApp();
    cityAdmin = await t.tokenFor("city_admin");
  });
  after(() => t.close());

  const upload = async (token: string, lines: string[], options: { allOrNothing?: boolean } = {}) => {
    const csv = [HEADER, ...lines].join("\n");
    const response = await t.request("POST", "/api/admin/imports/stations", {
      as: token,
      body: { fileName: "stations.csv", contentBase64: Buffer.from(csv).toString("base64"), ...options },
    });
    assert.equal(response.statusCode, 200, response.body);
    return response.json() as ImportView;
  };
  const outcomes = (result: ImportView) =>
    result.report.map((r) => [r.row, r.outcome, r.reasons.map((x) => x.code)]);
  const stationsNamed = (name: string) =>
    t.ctx.database.db
      .select()
      .from(stations)
      .where(and(eq(stations.cityCode, "321100"), eq(stations.name, name)));

  it("adds markets and stations as the 驿站管理 form does, placed in their district, and twice without duplicates", async () => {
    const lines = [
      "大市口社区零工驿站,驿站,京口区,大市口街道,镇江市京口区大市口街道中山东路301号,0511-85010001,周一至周六 7:00–12:00",
      "润州区零工市场（南门）,零工市场,321111,,南门大街8号,,",
    ];
    const first = await upload(cityAdmin.token, lines);
    assert.deepEqual(outcomes(first), [
      [2, "imported", []],
      [3, "imported", []],
    ]);
    const [station] = await stationsNamed("大市口社区零工驿站");
    assert.equal(station?.kind, "station");
    assert.equal(station?.districtCode, "321102");
    assert.equal(station?.townshipCode, "321102003");
    assert.equal(station?.street, "中山东路301号");
    assert.equal(station?.address, "京口区大市口街道中山东路301号");
    assert.equal(station?.phone, "0511-85010001");
    assert.equal(station?.openingHours, "周一至周六 7:00–12:00");
    const jingkou = await findDivision(t.ctx.database.db, "321100", "321102");
    assert.ok(
      station && isMultiPolygon(jingkou?.boundary) && insideBoundary(station, jingkou.boundary),
      "pinned inside 京口区",
    );
    const [market] = await stationsNamed("润州区零工市场（南门）");
    assert.equal(market?.kind, "market");
    assert.equal(market?.address, "润州区南门大街8号");

    const again = await upload(cityAdmin.token, lines);
    assert.deepEqual(outcomes(again), [
      [2, "existing", []],
      [3, "existing", []],
    ]);
    assert.equal((await stationsNamed("大市口社区零工驿站")).length, 1);
    const audited = await t.ctx.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.actorUserId, cityAdmin.userId), eq(auditLog.action, "stations.imported")));
    assert.equal(audited.length, 2);
  });

  it("rejects bad rows with their reasons, or imports nothing when all or nothing", async () => {
    const lines = [
      "丹徒区零工驿站,驿站,丹徒区,,谷阳大道1号,,",
      "类型不对的驿站,服务站,京口区,,中山东路1号,,",
      "镇街不对的驿站,驿站,京口区,宝堰镇,中山东路2号,,",
      "电话不对的驿站,驿站,京口区,,中山东路3号,电话：85010001,",
      "没有地址的驿站,驿站,京口区,,,,",
      "丹徒区零工驿站,驿站,丹徒区,,谷阳大道2号,,",
      "外市的驿站,驿站,鼓楼区,,中山北路1号,,",
    ];
    const held = await upload(cityAdmin.token, lines, { allOrNothing: true });
    assert.equal(held.rolledBack, true);
    assert.deepEqual(await stationsNamed("丹徒区零工驿站"), []);

    const result = await upload(cityAdmin.token, lines);
    assert.deepEqual(outcomes(result), [
      [2, "imported", []],
      [3, "rejected", ["station_kind_unknown"]],
      [4, "rejected", ["township_unknown"]],
      [5, "rejected", ["landline_invalid"]],
      [6, "rejected", ["value_missing"]],
      [7, "rejected", ["duplicate_in_file"]],
      [8, "rejected", ["district_unknown"]],
    ]);
    assert.equal(result.report[4]?.reasons[0]?.message, "“地址”为空");
    assert.equal((await stationsNamed("丹徒区零工驿站")).length, 1);
  });

  it("lets a district admin import only into her district", async () => {
    const runzhou = await t.tokenFor("district_admin", { districtCode: "321111" });
    const result = await upload(runzhou.token, [
      "金山社区驿站,驿站,润州区,,金山路1号,,",
      "四牌楼社区驿站,驿站,京口区,,四牌楼1号,,",
    ]);
    assert.deepEqual(outcomes(result), [
      [2, "imported", []],
      [3, "rejected", ["out_of_scope"]],
    ]);
    assert.deepEqual(await stationsNamed("四牌楼社区驿站"), []);
  });

  it("gives each admin a template with the headers to fill in and her districts", async () => {
    const runzhou = await t.tokenFor("district_admin", { districtCode: "321111" });
    const response = await t.app.inject({
      method: "GET",
      url: "/api/admin/imports/stations/template",
      headers: { authorization: `Bearer ${runzhou.token}` },
    });
    assert.equal(response.statusCode, 200);
    assert.match(String(response.headers["content-disposition"]), /stations-template\.xlsx/);
    const { default: ExcelJS } = await import("exceljs");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const [rows, , districts] = workbook.worksheets;
    assert.ok(rows && districts);
    assert.deepEqual((rows.getRow(1).values as string[]).slice(1), HEADER.split(","));
    assert.deepEqual((districts.getRow(2).values as string[]).slice(1), ["321111", "润州区"]);
    assert.equal(districts.rowCount, 2, "only her district");
    const unknown = await t.request("GET", "/api/admin/imports/gigs/template", { as: runzhou.token });
    assert.equal(unknown.statusCode, 400);
  });
});
