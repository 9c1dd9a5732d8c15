import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { and, eq } from "drizzle-orm";
import { startTestApp, type TestApp } from "../../test/support/app.ts";
import { JINGKOU, postedGig, stationStaff, worker } from "../../test/support/market-fixtures.ts";
import { type BookedShift, bookedShift } from "../../test/support/shift-fixtures.ts";
import { auditLog, marketEvents, serviceRecords } from "../db/schema/index.ts";
import { ManualClock } from "../platform/clock.ts";

describe("complaints (投诉)", () => {
  let t: TestApp;
  let clock: ManualClock;
  let shift: BookedShift;
  let runzhouStaff: { token: string; userId: string };
  let jingkouStaff: { token: string; userId: string };
  let complaintId: string;

  before(async () => {
    clock = new ManualClock(new Date("2030-03-01T00:00:00Z"));
    t = await startTestApp({ clock });
    shift = await bookedShift(t, clock);
    runzhouStaff = await stationStaff(t);
    jingkouStaff = await stationStaff(t, JINGKOU.districtCode);
  });
  after(() => t.close());

  const file = (body: unknown, as = shift.who.token) => t.request("POST", "/api/complaints", { as, body });

  it("a worker files 欠薪 about her booking; it is due in 3 days (欠薪 first) and counted as opened", async () => {
    const response = await file({
      kind: "wage_arrears",
      bookingId: shift.bookingId,
      amountFen: 200_00,
      description: "干完活三天了，老板一直没结工钱",
    });
    assert.equal(response.statusCode, 201, response.body);
    const complaint = response.json();
    complaintId = complaint.id;
    assert.equal(complaint.status, "open");
    assert.equal(complaint.districtCode, "321111");
    assert.equal(complaint.gigId, shift.gigId);
    assert.equal(complaint.complainantName, "李师傅", "her own complaint shows her name");
    assert.equal(complaint.dueAt, "2030-03-04T00:00:00.000Z");
    const events = await t.ctx.database.db
      .select()
      .from(marketEvents)
      .where(and(eq(marketEvents.kind, "complaint_opened"), eq(marketEvents.subjectId, complaintId)));
    assert.equal(events.length, 1);
    assert.equal(events[0].districtCode, "321111");

    const mine = (await t.request("GET", "/api/workers/me/complaints", { as: shift.who.token })).json();
    assert.deepEqual(
      mine.map((c: { id: string }) => c.id),
      [complaintId],
    );
  });

  it("the same complaint twice is refused while the first is being handled", async () => {
    const again = await file({
      kind: "wage_arrears",
      bookingId: shift.bookingId,
      description: "还是没结工钱",
    });
    assert.equal(again.json().error.code, "complaint_already_open");
  });

  it("a worker cannot file about someone else's booking, nor 欠薪 without a booking", async () => {
    const stranger = await worker(t, { name: "赵师傅" });
    const response = await file(
      { kind: "wage_arrears", bookingId: shift.bookingId, description: "没结工钱" },
      stranger.token,
    );
    assert.equal(response.statusCode, 403);
    assert.equal(response.json().error.code, "complaint_not_yours");
    const aboutGig = await file(
      { kind: "fake_post", gigId: shift.gigId, description: "岗位信息不实" },
      stranger.token,
    );
    assert.equal(aboutGig.json().error.code, "complaint_not_yours");
    const noBooking = await file({ kind: "wage_arrears", gigId: shift.gigId, description: "没结工钱" });
    assert.equal(noBooking.json().error.code, "arrears_booking_required");
  });

  it("staff of the district see it masked; another district's staff are refused with out_of_scope", async () => {
    const list = await t.request("GET", "/api/complaints?status=open", { as: runzhouStaff.token });
    assert.equal(list.statusCode, 200, list.body);
    const item = list.json().find((c: { id: string }) => c.id === complaintId);
    assert.equal(item.complainantName, "李**");
    assert.match(item.complainantPhone, /^139\*{4}[0-9]{4}$/);

    const elsewhere = await t.request("GET", "/api/complaints", { as: jingkouStaff.token });
    assert.deepEqual(elsewhere.json(), []);
    for (const [method, path] of [
      ["GET", `/api/complaints/${complaintId}`],
      ["POST", `/api/complaints/${complaintId}/assign`],
    ] as const) {
      const refused = await t.request(method, path, { as: jingkouStaff.token });
      assert.equal(refused.statusCode, 403);
      assert.equal(refused.json().error.code, "out_of_scope");
    }
    const peek = await t.request("GET", "/api/complaints?district=321111", { as: jingkouStaff.token });
    assert.equal(peek.json().error.code, "out_of_scope");
  });

  it("the detail flags the employer's open arrears and its view is audited as personal data", async () => {
    const detail = await t.request("GET", `/api/complaints/${complaintId}`, { as: runzhouStaff.token });
    assert.equal(detail.statusCode, 200, detail.body);
    assert.deepEqual(detail.json().employerOpenArrears, { count: 1, amountFen: 200_00 });
    assert.equal(detail.json().complainantPhone, shift.who.phone);
    const views = await t.ctx.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "complaint.view"), eq(auditLog.subjectId, complaintId)));
    assert.equal(views.length, 1);
    assert.equal(views[0].personalData, true);
  });

  it("staff must take a complaint before closing it; closing writes an event, an audit entry and a service", async () => {
    const resolve = (as: string) =>
      t.request("POST", `/api/complaints/${complaintId}/resolve`, {
        as,
        body: { resolution: "经调解，雇主已补发工钱", outcome: "resolved", recoveredFen: 200_00 },
      });
    assert.equal((await resolve(runzhouStaff.token)).json().error.code, "complaint_not_in_progress");

    const taken = await t.request("POST", `/api/complaints/${complaintId}/assign`, {
      as: runzhouStaff.token,
    });
    assert.equal(taken.statusCode, 200, taken.body);
    assert.equal(taken.json().status, "in_progress");
    assert.equal(taken.json().mine, true);

    clock.set(new Date("2030-03-03T00:00:00Z"));
    const closed = await resolve(runzhouStaff.token);
    assert.equal(closed.statusCode, 200, closed.body);
    assert.equal(closed.json().status, "resolved");
    assert.equal(closed.json().recoveredFen, 200_00);
    assert.deepEqual(closed.json().employerOpenArrears, { count: 0, amountFen: 0 });

    const db = t.ctx.database.db;
    const [event] = await db
      .select()
      .from(marketEvents)
      .where(and(eq(marketEvents.kind, "complaint_resolved"), eq(marketEvents.subjectId, complaintId)));
    assert.deepEqual(event.detail, { kind: "wage_arrears", status: "resolved", recoveredFen: 200_00 });
    const audits = await db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.subjectId, complaintId), eq(auditLog.actorUserId, runzhouStaff.userId)));
    assert.ok(audits.some((a) => a.action === "complaint.assign"));
    assert.ok(audits.some((a) => a.action === "complaint.resolve"));
    const mediations = await db
      .select()
      .from(serviceRecords)
      .where(eq(serviceRecords.kind, "dispute_mediation"));
    assert.equal(mediations.length, 1);

    assert.equal((await resolve(runzhouStaff.token)).json().error.code, "complaint_not_in_progress");
    const retake = await t.request("POST", `/api/complaints/${complaintId}/assign`, {
      as: runzhouStaff.token,
    });
    assert.equal(retake.json().error.code, "complaint_not_assignable");
  });

  it("a complaint still open past its due date is listed as overdue", async () => {
    const gigId = await postedGig(t, shift.boss, { title: "仓库临时理货" });
    const applicant = await worker(t, { name: "钱阿姨" });
    await t.request("POST", `/api/gigs/${gigId}/applications`, { as: applicant.token, body: {} });
    const filed = await file(
      { kind: "upfront_fee", gigId, description: "报名后让先交200元体检费" },
      applicant.token,
    );
    assert.equal(filed.statusCode, 201, filed.body);
    clock.set(new Date("2030-03-11T00:00:00Z"));
    const overdue = (
      await t.request("GET", "/api/complaints?overdue=true", { as: runzhouStaff.token })
    ).json();
    assert.deepEqual(
      overdue.map((c: { id: string; overdue: boolean }) => [c.id, c.overdue]),
      [[filed.json().id, true]],
    );
  });
});
