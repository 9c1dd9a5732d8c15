import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { and, eq, sql } from "drizzle-orm";
import type { Static } from "typebox";
import { startTestApp, type TestApp } from "../../test/support/app.ts";
import { employer } from "../../test/support/market-fixtures.ts";
import { creditCodeCheck } from "../accounts/identity-codes.ts";
import { auditLog, employers, marketEvents, users } from "../db/schema/index.ts";
import type { ImportResult } from "./imports.schemas.ts";

type ImportView = Static<typeof ImportResult>;

/** A valid 统一社会信用代码 for each n: 91 (enterprise), the city's code, then n. */
function creditCode(n: number): string {
  const first17 = `91321100${String(n).padStart(9, "0")}`;
  return first17 + creditCodeCheck(first17);
}

function wrongCheck(code: string): string {
  return code.slice(0, 17) + (code[17] === "1" ? "2" : "1");
}

const HEADER = "单位名称,统一社会信用代码,联系人,联系电话,所在区县,地址";

describe("bulk import of employers", () => {
  let t: TestApp;
  let cityAdmin: { token: string; userId: string };
  before(async () => {
    t = await startTestApp();
    cityAdmin = await t.tokenFor("city_admin");
  });
  after(() => t.close());

  const upload = async (token: string, lines: string[], options: { allOrNothing?: boolean } = {}) => {
    const csv = [HEADER, ...lines].join("\n");
    const response = await t.request("POST", "/api/admin/imports/employers", {
      as: token,
      body: { fileName: "employers.csv", contentBase64: Buffer.from(csv).toString("base64"), ...options },
    });
    assert.equal(response.statusCode, 200, response.body);
    return response.json() as ImportView;
  };
  const outcomes = (result: ImportView) =>
    result.report.map((r) => [r.row, r.outcome, r.reasons.map((x) => x.code)]);
  const employersCount = async () => {
    const [row] = await t.ctx.database.db.select({ n: sql<number>`count(*)::int` }).from(employers);
    return row?.n ?? 0;
  };

  it("imports good rows as verified employers, each the same as a registered one, and twice without duplicates", async () => {
    const before = await employersCount();
    const lines = [
      `镇江金山物业管理有限公司,${creditCode(1)},王经理,13911110001,京口区,镇江市京口区中山东路1号`,
      `镇江润州酒店管理有限公司,${creditCode(2).toLowerCase()},李主管,139 1111 0002,321111,`,
      `丹阳眼镜城商贸有限公司,${creditCode(3)},,13911110003,丹阳,`,
    ];
    const first = await upload(cityAdmin.token, lines);
    assert.deepEqual(outcomes(first), [
      [2, "imported", []],
      [3, "imported", []],
      [4, "imported", []],
    ]);
    assert.equal(first.imported, 3);
    assert.equal(first.rejectsCsv, null);
    assert.equal((await employersCount()) - before, 3);

    const [hotel] = await t.ctx.database.db
      .select({ employer: employers, owner: users })
      .from(employers)
      .innerJoin(users, eq(users.id, employers.ownerUserId))
      .where(eq(employers.creditCode, creditCode(2)));
    assert.equal(hotel?.employer.kind, "enterprise");
    assert.equal(hotel?.employer.districtCode, "321111");
    assert.equal(hotel?.employer.contactName, "李主管");
    assert.equal(hotel?.employer.verification, "verified");
    assert.equal(hotel?.employer.verifiedBy, cityAdmin.userId);
    assert.equal(hotel?.owner.role, "employer");
    assert.equal(hotel?.owner.phone, "13911110002");
    assert.equal(hotel?.owner.displayName, "镇江润州酒店管理有限公司");
    const registered = await t.ctx.database.db
      .select()
      .from(marketEvents)
      .where(
        and(
          eq(marketEvents.kind, "employer_registered"),
          eq(marketEvents.subjectId, hotel?.employer.id ?? ""),
        ),
      );
    assert.equal(registered.length, 1, "counted by the bureau as a registered employer");

    const again = await upload(cityAdmin.token, lines);
    assert.deepEqual(outcomes(again), [
      [2, "existing", []],
      [3, "existing", []],
      [4, "existing", []],
    ]);
    assert.equal(again.imported, 0);
    assert.equal(again.alreadyThere, 3);
    assert.equal((await employersCount()) - before, 3);

    const audited = await t.ctx.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.actorUserId, cityAdmin.userId), eq(auditLog.action, "employers.imported")));
    assert.equal(audited.length, 2);
    assert.equal(audited[0]?.personalData, true);
  });

  it("rejects bad rows with their reasons and imports the rest, or nothing when all or nothing", async () => {
    const taken = await employer(t, "已注册的单位");
    const [owner] = await t.ctx.database.db
      .select({ phone: users.phone })
      .from(users)
      .where(eq(users.id, taken.userId));
    const lines = [
      `镇江丹徒建筑劳务有限公司,${creditCode(10)},赵工,13911110010,丹徒区,`,
      `校验位错误的公司,${wrongCheck(creditCode(11))},,13911110011,京口区,`,
      `手机号错误的公司,${creditCode(12)},,1391111001,京口区,`,
      `外市的公司,${creditCode(13)},,13911110013,玄武区,`,
      `,${creditCode(14)},,13911110014,京口区,`,
      `重复代码的公司,${creditCode(10)},,13911110015,京口区,`,
      `换了手机的公司,${creditCode(16)},,${owner?.phone},京口区,`,
    ];
    const before = await employersCount();
    const held = await upload(cityAdmin.token, lines, { allOrNothing: true });
    assert.equal(held.rolledBack, true);
    assert.equal(held.imported, 0);
    assert.equal(held.report[0]?.outcome, "not_imported");
    assert.equal(await employersCount(), before);

    const result = await upload(cityAdmin.token, lines);
    assert.deepEqual(outcomes(result), [
      [2, "imported", []],
      [3, "rejected", ["credit_code_invalid"]],
      [4, "rejected", ["phone_invalid"]],
      [5, "rejected", ["district_unknown"]],
      [6, "rejected", ["value_missing"]],
      [7, "rejected", ["duplicate_in_file"]],
      [8, "rejected", ["phone_has_employer"]],
    ]);
    assert.equal(result.report[4]?.reasons[0]?.message, "“单位名称”为空");
    assert.equal(result.report[5]?.reasons[0]?.message, "与文件中前面的一行重复（统一社会信用代码）");
    assert.equal((await employersCount()) - before, 1);
    const rejects = result.rejectsCsv ?? "";
    assert.equal(rejects.trim().split("\r\n").length, 7);
    assert.match(rejects, /\r\n3,校验位错误的公司,.*credit_code_invalid: 统一社会信用代码有误，请核对/);
  });

  it("lets a district admin import only into her district", async () => {
    const runzhou = await t.tokenFor("district_admin", { districtCode: "321111" });
    const result = await upload(runzhou.token, [
      `镇江南山茶社,${creditCode(20)},,13911110020,润州区,`,
      `镇江京口面馆,${creditCode(21)},,13911110021,京口区,`,
    ]);
    assert.deepEqual(outcomes(result), [
      [2, "imported", []],
      [3, "rejected", ["out_of_scope"]],
    ]);
    const inJingkou = await t.ctx.database.db
      .select()
      .from(employers)
      .where(eq(employers.creditCode, creditCode(21)));
    assert.deepEqual(inJingkou, []);
    const staff = await t.tokenFor("station_staff", { districtCode: "321111" });
    const refused = await t.request("POST", "/api/admin/imports/employers", {
      as: staff.token,
      body: { fileName: "e.csv", contentBase64: Buffer.from(HEADER).toString("base64") },
    });
    assert.equal(refused.statusCode, 403);
  });

  it("answers in English for an English caller, and names the columns a sheet lacks", async () => {
    const response = await t.request("POST", "/api/admin/imports/employers", {
      as: cityAdmin.token,
      lang: "en",
      body: {
        fileName: "e.csv",
        contentBase64: Buffer.from(`单位名称,联系电话\n某公司,13911110030\n`).toString("base64"),
      },
    });
    assert.equal(response.statusCode, 400, response.body);
    assert.equal(response.json().error.code, "import_columns_missing");
    assert.match(response.json().error.message, /lacks required columns: 统一社会信用代码、所在区县/);
  });
});
