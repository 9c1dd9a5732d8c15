import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { and, asc, eq } from "drizzle-orm";
import { startTestApp, type TestApp, testPhone } from "../../test/support/app.ts";
import {
  type Actor,
  employer,
  JINGKOU,
  postedGig,
  RUNZHOU,
  stationStaff,
} from "../../test/support/market-fixtures.ts";
import { auditLog, notificationOutbox, notifications } from "../db/schema/index.ts";
import { sweep } from "../lifecycle/sweeper.ts";
import { ManualClock } from "../platform/clock.ts";

const DAY = 86_400_000;

describe("a 欠薪 complaint for a walk-in, to the end (投诉闭环)", () => {
  let t: TestApp;
  let clock: ManualClock;
  let staff: Actor;
  let admin: Actor;
  let otherAdmin: Actor;
  let workerId: string;
  let bookingId: string;
  let complaintId: string;
  const filedAt = new Date("2030-03-01T02:00:00Z");

  before(async () => {
    clock = new ManualClock(filedAt);
    t = await startTestApp({ clock });
    staff = await stationStaff(t);
    admin = await t.tokenFor("district_admin", { districtCode: RUNZHOU.districtCode });
    otherAdmin = await t.tokenFor("district_admin", { districtCode: JINGKOU.districtCode });
    const registered = await t.request("POST", "/api/stations/walk-in-workers", {
      as: staff.token,
      body: {
        phone: testPhone(),
        name: "周秀兰",
        sex: "female",
        birthYear: 1965,
        categoryCodes: ["cleaning"],
        districtCodes: [RUNZHOU.districtCode],
        verbalConsent: true,
      },
    });
    assert.equal(registered.statusCode, 201, registered.body);
    workerId = registered.json().userId;
    const boss = await employer(t);
    const gigId = await postedGig(t, boss);
    const applied = await t.request("POST", `/api/stations/workers/${workerId}/applications`, {
      as: staff.token,
      body: { gigId, consentNote: "本人到场口头同意" },
    });
    assert.equal(applied.statusCode, 201, applied.body);
    const accepted = await t.request("POST", `/api/applications/${applied.json().id}/accept`, {
      as: boss.token,
    });
    assert.equal(accepted.statusCode, 200, accepted.body);
    bookingId = accepted.json().id;
  });
  after(() => t.close());

  /** What her phone received about her complaint, oldest first. */
  const hersBySms = async () =>
    (
      await t.ctx.database.db
        .select({
          kind: notificationOutbox.kind,
          channel: notificationOutbox.channel,
          text: notificationOutbox.text,
        })
        .from(notificationOutbox)
        .where(eq(notificationOutbox.userId, workerId))
        .orderBy(asc(notificationOutbox.createdAt), asc(notificationOutbox.kind))
    ).filter((m) => m.kind.startsWith("complaint"));
  const act = (path: string, body?: unknown) =>
    t.request("POST", `/api/complaints/${complaintId}${path}`, { as: staff.token, body });

  it("staff file 欠薪 for her at the counter with her consent; it is due in 3 days, not the city's 7", async () => {
    const filed = await t.request("POST", `/api/stations/workers/${workerId}/complaints`, {
      as: staff.token,
      body: {
        kind: "wage_arrears",
        bookingId,
        amountFen: 300_00,
        description: "干了一天保洁，老板说月底结，到现在没给",
        consentNote: "本人到场口头同意",
      },
    });
    assert.equal(filed.statusCode, 201, filed.body);
    complaintId = filed.json().id;
    assert.equal(filed.json().filedOnBehalf, true);
    assert.equal(filed.json().dueAt, new Date(filedAt.getTime() + 3 * DAY).toISOString());
    const [audit] = await t.ctx.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "on_behalf.file_complaint"), eq(auditLog.subjectId, workerId)));
    assert.equal(audit.actorUserId, staff.userId);
    assert.equal((audit.detail as { consentNote: string }).consentNote, "本人到场口头同意");
    const detail = await t.request("GET", `/api/complaints/${complaintId}`, { as: staff.token });
    assert.equal(detail.json().consentNote, "本人到场口头同意");
  });

  it("a follow-up needs the complaint taken first; taking it tells her by SMS", async () => {
    const early = await act("/follow-ups", { kind: "call", note: "电话联系雇主" });
    assert.equal(early.statusCode, 409);
    assert.equal(early.json().error.code, "complaint_not_followable");
    assert.equal((await act("/assign")).statusCode, 200);
    assert.deepEqual(
      (await hersBySms()).map((m) => [m.kind, m.channel]),
      [["complaint_status", "sms"]],
    );
    assert.match((await hersBySms())[0].text, /工作人员已经在处理/);
  });

  it("the follow-up log keeps calls, visits and mediation; pay recovered is told to her", async () => {
    clock.set(new Date(filedAt.getTime() + 3_600_000));
    assert.equal(
      (await act("/follow-ups", { kind: "call", note: "电话联系雇主，答应三天内付" })).statusCode,
      200,
    );
    clock.set(new Date(filedAt.getTime() + 2 * 3_600_000));
    assert.equal((await act("/follow-ups", { kind: "visit", note: "上门核实用工记录" })).statusCode, 200);
    clock.set(new Date(filedAt.getTime() + 3 * 3_600_000));
    const mediated = await act("/follow-ups", {
      kind: "mediation",
      note: "驿站调解，雇主当场付了一半",
      recoveredFen: 150_00,
    });
    assert.equal(mediated.statusCode, 200, mediated.body);
    const log = mediated.json().followUps as Array<{ kind: string; recoveredFen: number | null }>;
    assert.deepEqual(
      log.map((f) => [f.kind, f.recoveredFen]),
      [
        ["call", null],
        ["visit", null],
        ["mediation", 150_00],
      ],
    );
    assert.equal(mediated.json().recoveredFen, 150_00);
    const last = (await hersBySms()).at(-1);
    assert.equal(last?.kind, "complaint_recovered");
    assert.match(last?.text ?? "", /已为您追回工钱150元/);
    const bad = await act("/follow-ups", { kind: "call", note: "x", recoveredFen: -5 });
    assert.equal(bad.statusCode, 400);
  });

  it("the rest goes to 劳动保障监察 with a case number; its progress moves forward only and she hears each step", async () => {
    clock.set(new Date(filedAt.getTime() + DAY));
    const referred = await act("/referral", { caseNumber: "镇人社监〔2030〕12号", note: "雇主拒付余款" });
    assert.equal(referred.statusCode, 200, referred.body);
    assert.equal(referred.json().status, "referred");
    assert.equal(referred.json().inspectionStatus, "submitted");
    assert.equal(referred.json().inspectionCaseNo, "镇人社监〔2030〕12号");
    assert.equal(referred.json().overdue, false);
    const again = await act("/referral", { caseNumber: "X-1", note: "再移交一次" });
    assert.equal(again.json().error.code, "complaint_not_referable");

    clock.set(new Date(filedAt.getTime() + 2 * DAY));
    assert.equal((await act("/inspection", { status: "accepted", note: "监察大队已立案" })).statusCode, 200);
    const backwards = await act("/inspection", { status: "accepted", note: "重复立案" });
    assert.equal(backwards.statusCode, 409);
    assert.equal(backwards.json().error.code, "inspection_step_backwards");
    clock.set(new Date(filedAt.getTime() + 5 * DAY));
    const concluded = await act("/inspection", { status: "concluded", note: "责令雇主补发剩余工钱" });
    assert.equal(concluded.json().inspectionStatus, "concluded");
    const texts = (await hersBySms()).filter((m) => m.kind === "complaint_inspection").map((m) => m.text);
    assert.equal(texts.length, 3);
    assert.match(texts[0], /案件编号镇人社监〔2030〕12号，进展：已移交，等待立案/);
    assert.match(texts[1], /已立案调查/);
    assert.match(texts[2], /已结案/);
  });

  it("closing it records the whole amount recovered, tells her, and ends the log", async () => {
    clock.set(new Date(filedAt.getTime() + 6 * DAY));
    const closed = await act("/resolve", {
      outcome: "resolved",
      resolution: "监察责令后雇主补发全部工钱",
      recoveredFen: 300_00,
    });
    assert.equal(closed.statusCode, 200, closed.body);
    assert.equal(closed.json().status, "resolved");
    assert.equal(closed.json().recoveredFen, 300_00);
    assert.deepEqual(
      (await hersBySms()).map((m) => m.kind),
      [
        "complaint_status",
        "complaint_recovered",
        "complaint_inspection",
        "complaint_inspection",
        "complaint_inspection",
        "complaint_status",
      ],
    );
    assert.match((await hersBySms()).at(-1)?.text ?? "", /已经处理好了/);
    const late = await act("/follow-ups", { kind: "note", note: "补记" });
    assert.equal(late.json().error.code, "complaint_not_followable");
    const mine = await t.request("GET", `/api/complaints/${complaintId}`, { as: otherAdmin.token });
    assert.equal(mine.json().error.code, "out_of_scope");
  });

  it("escalates to the district admin in the last day and again once overdue, once each, across sweeps", async () => {
    const start = new Date(filedAt.getTime() + 10 * DAY);
    clock.set(start);
    const filed = await t.request("POST", `/api/stations/workers/${workerId}/complaints`, {
      as: staff.token,
      body: {
        kind: "upfront_fee",
        bookingId,
        description: "另一家中介让她先交体检费",
        consentNote: "本人到场口头同意",
      },
    });
    assert.equal(filed.statusCode, 201, filed.body);
    const id = filed.json().id;
    assert.equal(filed.json().dueAt, new Date(start.getTime() + 5 * DAY).toISOString());
    const toAdmin = async (as: Actor) =>
      t.ctx.database.db
        .select({ kind: notifications.kind, params: notifications.params })
        .from(notifications)
        .where(and(eq(notifications.userId, as.userId), eq(notifications.kind, "complaint_escalated")))
        .orderBy(asc(notifications.createdAt));

    clock.set(new Date(start.getTime() + 3 * DAY));
    await sweep(t.ctx);
    assert.deepEqual(await toAdmin(admin), [], "two days left: nothing yet");

    clock.set(new Date(start.getTime() + 4 * DAY + 3_600_000));
    await Promise.all([sweep(t.ctx), sweep(t.ctx)]);
    await sweep(t.ctx);
    assert.deepEqual(
      (await toAdmin(admin)).map((n) => (n.params as { status: string }).status),
      ["nearly_due"],
    );

    clock.set(new Date(start.getTime() + 5 * DAY + 60_000));
    await sweep(t.ctx);
    await sweep(t.ctx);
    assert.deepEqual(
      (await toAdmin(admin)).map((n) => (n.params as { status: string }).status),
      ["nearly_due", "overdue"],
    );
    assert.deepEqual(await toAdmin(otherAdmin), [], "another district's admin is not told");

    const detail = (await t.request("GET", `/api/complaints/${id}`, { as: admin.token })).json();
    assert.equal(detail.escalationLevel, 2);
    assert.equal(detail.overdue, true);
    assert.deepEqual(
      detail.followUps.map((f: { kind: string; staffName: string | null }) => [f.kind, f.staffName]),
      [
        ["escalation", null],
        ["escalation", null],
      ],
    );
    const list = (await t.request("GET", "/api/complaints?overdue=true", { as: admin.token })).json();
    assert.deepEqual(
      list.map((c: { id: string }) => c.id),
      [id],
    );
  });
});
