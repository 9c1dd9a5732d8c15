/**
 * 注销账号: personal fields go at once — no text in any column of any table still holds the
 * person's phone, name or ID number — while the wage records and complaint files stay, de-identified,
 * and the monitoring figures do not move. Open gigs, unpaid wages and bookings under way block it.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { eq, sql } from "drizzle-orm";
import { ACCEPTED_CONSENT, startTestApp, type TestApp } from "../../test/support/app.ts";
import { type WorkingLife, workingLife } from "../../test/support/privacy-fixtures.ts";
import { bookedShift, workedShift } from "../../test/support/shift-fixtures.ts";
import { queryRows } from "../db/client.ts";
import { complaints, employers, gigs, payments, users } from "../db/schema/index.ts";
import { sweep } from "../lifecycle/sweeper.ts";
import { MonitoringRollup } from "../monitoring/rollup.ts";
import { ManualClock } from "../platform/clock.ts";
import { textColumns } from "./closure.repository.ts";

describe("注销账号: closing an account", () => {
  let t: TestApp;
  let clock: ManualClock;
  let life: WorkingLife;
  before(async () => {
    clock = new ManualClock(new Date("2030-03-01T02:00:00Z"));
    t = await startTestApp({ clock });
    life = await workingLife(t, clock, { workerName: "钱秀珍", idNumber: "32110219680304152X" });
  });
  after(() => t.close());

  const close = (token: string, confirmation = "注销") =>
    t.request("POST", "/api/me/close", { as: token, body: { confirmation } });
  const code = (answer: { json(): { error?: { code: string } } }) => answer.json().error?.code;

  /** Every place in the database where one of the values still appears, as table.column. */
  async function whereFound(values: string[]): Promise<string[]> {
    const found: string[] = [];
    const patterns = sql`array[${sql.join(
      values.map((v) => sql`${`%${v}%`}`),
      sql`, `,
    )}]::text[]`;
    for (const c of await textColumns(t.ctx.database.db)) {
      const col = sql.identifier(c.column);
      const asText = c.kind === "array" ? sql`array_to_string(${col}, ' ')` : sql`${col}::text`;
      const [row] = await queryRows<{ n: number }>(
        t.ctx.database.db,
        sql`select count(*)::int as n from ${sql.identifier(c.table)} where ${asText} like any (${patterns})`,
      );
      if (row.n > 0 && c.table !== "legal_documents") found.push(`${c.table}.${c.column}`);
    }
    return found;
  }

  async function figures() {
    await new MonitoringRollup(t.ctx).catchUp();
    const admin = await t.tokenFor("city_admin");
    const pages = ["overview", "quality", "complaints", "wages", "districts"];
    const out: Record<string, unknown> = {};
    for (const page of pages) {
      const answer = await t.request("GET", `/api/monitoring/${page}?date=2030-03-01`, { as: admin.token });
      assert.equal(answer.statusCode, 200, answer.body);
      const { asOfEventId: _ignored, ...rest } = answer.json();
      out[page] = rest;
    }
    return out;
  }

  it("is refused while a booking is under way, with a clear code, on either side", async () => {
    const shift = await bookedShift(t, clock);
    assert.equal(code(await close(shift.who.token)), "closure_live_bookings");
    assert.equal(code(await close(shift.boss.token)), "closure_open_gigs");
    assert.equal(code(await close(shift.who.token, "好的")), "closure_confirmation_wrong");
  });

  it("an employer whose worked shift is not yet approved and paid cannot close", async () => {
    const shift = await workedShift(t, clock);
    await t.ctx.database.db.update(gigs).set({ status: "closed" }).where(eq(gigs.id, shift.gigId));
    const refused = await close(shift.boss.token);
    assert.equal(refused.statusCode, 409);
    assert.equal(code(refused), "closure_unpaid_wages");
    assert.match(refused.json().error.message, /1笔工资未结清/);
  });

  it("erases the worker at once: no column of any table still holds her phone, name or ID number", async () => {
    const secrets = [life.who.phone, life.workerName, life.idNumber];
    assert.ok((await whereFound(secrets)).length >= 5, "the fixture put them in many places");
    const before = await figures();

    const closed = await close(life.who.token);
    assert.equal(closed.statusCode, 200, closed.body);
    assert.equal(closed.json().closed, true);

    assert.deepEqual(await whereFound(secrets), []);
    assert.deepEqual(await figures(), before, "monitoring figures are unchanged");
    assert.equal((await t.request("GET", "/api/me", { as: life.who.token })).statusCode, 401);
  });

  it("keeps her wage record and her complaint file, no longer naming her", async () => {
    const db = t.ctx.database.db;
    const [paid] = await db.select().from(payments).where(sql`${payments.bookingId} = ${life.bookingId}`);
    assert.equal(paid.amountFen, 200_00);
    const [complaint] = await db.select().from(complaints).where(eq(complaints.id, life.complaintId));
    assert.match(complaint.description, /\*\*\*.*现场管理人员辱骂我/);
    const [account] = await db.select().from(users).where(eq(users.id, life.who.userId));
    assert.equal(account.status, "closed");
    assert.equal(account.phone, null);
  });

  it("the same phone signs up again as a new person, asked for consent anew", async () => {
    await t.request("POST", "/api/auth/codes", { body: { phone: life.who.phone } });
    const codeSent = t.sms.lastCodeFor(life.who.phone);
    const asked = await t.request("POST", "/api/auth/sign-in/phone", {
      body: { phone: life.who.phone, code: codeSent, role: "worker" },
    });
    assert.equal(code(asked), "consent_required");
    const again = await t.request("POST", "/api/auth/sign-in/phone", {
      body: { phone: life.who.phone, code: codeSent, role: "worker", consent: ACCEPTED_CONSENT },
    });
    assert.equal(again.statusCode, 200, again.body);
    assert.notEqual(again.json().user.id, life.who.userId);
    assert.equal(again.json().user.hasWorkerProfile, false);
  });

  it("an employer who settled everything closes; the company's name stays on its records, the contact goes", async () => {
    const db = t.ctx.database.db;
    await db.update(employers).set({ contactName: "孙建国" }).where(eq(employers.id, life.boss.employerId));
    clock.set(new Date(life.endsAt.getTime() + 3 * 3_600_000));
    await sweep(t.ctx);
    const closed = await close(life.boss.token);
    assert.equal(closed.statusCode, 200, closed.body);
    const [company] = await db.select().from(employers).where(eq(employers.id, life.boss.employerId));
    assert.equal(company.contactName, "");
    assert.equal(company.name, "镇江好帮手保洁有限公司");
    assert.deepEqual(await whereFound(["孙建国"]), []);
  });
});
