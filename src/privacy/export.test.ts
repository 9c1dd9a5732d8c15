/**
 * 我的数据: a person downloads everything held about them, and the export cannot silently fall
 * behind the schema — a new table holding a person's id fails the coverage test until it is
 * exported or listed here as not personal, with the reason.
 */

import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import { startTestApp, type TestApp } from "../../test/support/app.ts";
import { type WorkingLife, workingLife } from "../../test/support/privacy-fixtures.ts";
import { queryRows } from "../db/client.ts";
import { ManualClock } from "../platform/clock.ts";
import { COLUMN_HEADERS, SECTION_TITLES } from "./export.labels.ts";
import { EXPORT_QUERIES, NOT_IN_EXPORT } from "./export.repository.ts";
import { maskIdNumber } from "./mask.ts";

describe("我的数据: a copy of everything held about me", () => {
  let t: TestApp;
  let life: WorkingLife;
  before(async () => {
    const clock = new ManualClock(new Date("2030-03-01T02:00:00Z"));
    t = await startTestApp({ clock });
    life = await workingLife(t, clock, { workerName: "赵春兰", idNumber: "32110219750506123X" });
  });
  after(() => t.close());

  const sectionsOf = async (token: string) => {
    const answer = await t.request("GET", "/api/me/data", { as: token });
    assert.equal(answer.statusCode, 200, answer.body);
    const data = answer.json() as {
      sections: Array<{ kind: string; title: string; rows: Record<string, unknown>[] }>;
    };
    return new Map(data.sections.map((s) => [s.kind, s]));
  };

  it("the worker's copy holds her profile, work, pay, ratings both ways, complaint, consent and the staff view", async () => {
    const mine = await sectionsOf(life.who.token);
    assert.equal(mine.get("account")?.rows[0].phone, life.who.phone);
    assert.equal(mine.get("workerProfile")?.rows[0].idNumber, maskIdNumber(life.idNumber));
    assert.equal(mine.get("bookings")?.rows.length, 1);
    assert.equal(mine.get("hours")?.rows[0].approvedMinutes, 480);
    assert.equal(mine.get("payments")?.rows[0].status, "confirmed");
    assert.deepEqual(
      mine.get("ratingsGiven")?.rows.map((r) => r.stars),
      [5],
    );
    assert.deepEqual(
      mine.get("ratingsReceived")?.rows.map((r) => r.comment),
      ["赵春兰干活麻利"],
    );
    assert.equal(mine.get("complaints")?.rows[0].role, "filed");
    assert.equal(mine.get("consents")?.rows.length, 1);
    assert.ok((mine.get("notifications")?.rows.length ?? 0) > 0, "notifications of her booking and pay");
    const views = mine.get("staffViews")?.rows ?? [];
    assert.ok(
      views.some((v) => v.action === "booking.viewed" && v.actorRole === "station_staff"),
      JSON.stringify(views),
    );
    assert.equal(mine.get("employer")?.rows.length, 0);
  });

  it("the employer's copy holds the gig, the booking, the pay recorded and the complaint against it, not the worker's profile", async () => {
    const theirs = await sectionsOf(life.boss.token);
    assert.equal(theirs.get("gigs")?.rows.length, 1);
    assert.equal(theirs.get("bookings")?.rows.length, 1);
    assert.equal(theirs.get("payments")?.rows[0].amountFen, 200_00);
    assert.equal(theirs.get("complaints")?.rows[0].role, "against");
    assert.equal(theirs.get("workerProfile")?.rows.length, 0);
    assert.ok(!JSON.stringify([...theirs.values()]).includes(life.idNumber));
  });

  it("the workbook has one sheet per kind with Chinese headers", async () => {
    const answer = await t.request("GET", "/api/me/data.xlsx", { as: life.who.token });
    assert.equal(answer.statusCode, 200);
    assert.match(String(answer.headers["content-disposition"]), /filename\*=UTF-8''%E6%88%91%E7%9A%84/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(answer.rawPayload as unknown as ArrayBuffer);
    assert.deepEqual(
      workbook.worksheets.map((sheet) => sheet.name),
      EXPORT_QUERIES.map((q) => SECTION_TITLES[q.kind].zh),
    );
    const profile = workbook.getWorksheet("找活资料");
    assert.ok(profile);
    const headers = (profile.getRow(1).values as unknown[]).filter(Boolean);
    assert.ok(headers.includes("身份证号（遮挡）") && headers.includes("姓名/名称"), String(headers));
    assert.equal(workbook.getWorksheet("工资支付")?.getRow(2).getCell(3).value, 200_00);
  });

  it("staff and admins have no 我的数据 of their own here; without signing in there is none", async () => {
    const admin = await t.tokenFor("city_admin");
    assert.equal((await t.request("GET", "/api/me/data", { as: admin.token })).statusCode, 403);
    assert.equal((await t.request("GET", "/api/me/data.xlsx")).statusCode, 401);
  });

  it("every column of every kind has a Chinese header", async () => {
    for (const [kind, section] of await sectionsOf(life.who.token)) {
      for (const key of Object.keys(section.rows[0] ?? {})) assert.ok(COLUMN_HEADERS[key], `${kind}.${key}`);
    }
  });

  it("covers every table that holds an account's, worker's or employer's id", async () => {
    const holding = await queryRows<{ table: string }>(
      t.ctx.database.db,
      sql`
        select distinct kcu.table_name as table
          from information_schema.table_constraints tc
          join information_schema.key_column_usage kcu
            on kcu.constraint_name = tc.constraint_name and kcu.table_schema = tc.table_schema
          join information_schema.constraint_column_usage ccu
            on ccu.constraint_name = tc.constraint_name and ccu.table_schema = tc.table_schema
         where tc.constraint_type = 'FOREIGN KEY' and tc.table_schema = 'public'
           and ccu.table_name in ('users', 'employers')
        union
        select distinct table_name
          from information_schema.columns
         where table_schema = 'public'
           and column_name ~ '(^|_)(user|worker|employer|account|person|owner)_id$'`,
    );
    const exported = new Set(EXPORT_QUERIES.flatMap((q) => q.tables));
    const missing = holding
      .map((row) => row.table)
      .filter((table) => !exported.has(table) && !(table in NOT_IN_EXPORT))
      .sort();
    assert.deepEqual(missing, [], "add these tables to EXPORT_QUERIES, or to NOT_IN_EXPORT with the reason");
    assert.ok(holding.length >= 15, `found only ${holding.length} tables; the query must be wrong`);
  });
});
