import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { eq } from "drizzle-orm";
import { startTestApp, type TestApp } from "../../test/support/app.ts";
import { JINGKOU, stationStaff } from "../../test/support/market-fixtures.ts";
import { bookedShift, workedShift } from "../../test/support/shift-fixtures.ts";
import { marketEvents, workerProfiles } from "../db/schema/index.ts";
import { ManualClock } from "../platform/clock.ts";

describe("timesheets: approval, dispute, resolution", () => {
  let t: TestApp;
  let clock: ManualClock;
  before(async () => {
    clock = new ManualClock(new Date("2030-03-01T00:00:00Z"));
    t = await startTestApp({ clock });
  });
  after(() => t.close());

  const act = (bookingId: string, step: string, token: string, body: unknown = {}) =>
    t.request("POST", `/api/bookings/${bookingId}/timesheet/${step}`, { as: token, body });
  const code = (response: { json(): { error: { code: string } } }) => response.json().error.code;
  const completedCount = async (userId: string) =>
    (await t.ctx.database.db.select().from(workerProfiles).where(eq(workerProfiles.userId, userId)))[0]
      .completedCount;

  it("approving the measured day completes the booking and counts the shift for the worker", async () => {
    const shift = await workedShift(t, clock, { hours: 8 });
    const res = await act(shift.bookingId, "approve", shift.boss.token);
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json();
    assert.equal(body.status, "completed");
    assert.equal(body.timesheet.status, "approved");
    assert.equal(body.timesheet.approvedMinutes, 480);
    assert.equal(body.timesheet.amountDueFen, 200_00);
    const deadline = new Date(clock.now().getTime() + 72 * 3_600_000).toISOString();
    assert.equal(body.timesheet.disputeDeadline, deadline);
    assert.equal(await completedCount(shift.who.userId), 1);
    const kinds = (
      await t.ctx.database.db.select().from(marketEvents).where(eq(marketEvents.subjectId, shift.bookingId))
    ).map((e) => e.kind);
    assert.ok(kinds.includes("timesheet_approved") && kinds.includes("shift_completed"));
    assert.equal(code(await act(shift.bookingId, "approve", shift.boss.token)), "timesheet_not_pending");
  });

  it("correcting the hours needs a note; a worker who leaves after 3 of 8 hours is paid 3/8 of the day", async () => {
    const shift = await workedShift(t, clock, { hours: 8 });
    const bare = await act(shift.bookingId, "approve", shift.boss.token, { approvedMinutes: 180 });
    assert.equal(code(bare), "correction_note_required");
    const res = await act(shift.bookingId, "approve", shift.boss.token, {
      approvedMinutes: 180,
      note: "家里有事，提前走了",
    });
    assert.equal(res.json().timesheet.amountDueFen, 75_00);
    assert.equal(res.json().timesheet.sentHomeEarly, false);
    assert.equal(res.json().timesheet.correctionNote, "家里有事，提前走了");
  });

  it("a worker the employer sends home after 3 hours is paid at least half a day", async () => {
    const shift = await workedShift(t, clock, { hours: 8, outMinutes: 180 });
    const res = await act(shift.bookingId, "approve", shift.boss.token, { sentHomeEarly: true });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().timesheet.sentHomeEarly, true);
    assert.equal(res.json().timesheet.amountDueFen, 100_00);
  });

  it("a 3-hour evening shift at ¥150/天 worked whole is ¥150, the same for the employer and the worker", async () => {
    clock.set(new Date("2030-03-01T12:30:00Z"));
    const shift = await workedShift(t, clock, { payFen: 150_00, hours: 3 });
    assert.equal(shift.startsAt.toISOString(), "2030-03-02T12:30:00.000Z", "20:30 in Zhenjiang");
    const approved = await act(shift.bookingId, "approve", shift.boss.token);
    assert.equal(approved.json().timesheet.approvedMinutes, 180);
    assert.equal(approved.json().timesheet.amountDueFen, 150_00);

    const payables = (await t.request("GET", "/api/employers/me/payables", { as: shift.boss.token })).json();
    const earnings = (await t.request("GET", "/api/workers/me/earnings", { as: shift.who.token })).json();
    const line = (items: Array<{ bookingId: string; amountDueFen: number }>) =>
      items.find((i) => i.bookingId === shift.bookingId)?.amountDueFen;
    assert.equal(line(payables.items), 150_00);
    assert.equal(line(earnings.items), 150_00);
  });

  it("hour pay is worked out from the approved minutes", async () => {
    const shift = await workedShift(t, clock, { payUnit: "hour", payFen: 25_50, hours: 8, outMinutes: 440 });
    const res = await act(shift.bookingId, "approve", shift.boss.token);
    assert.equal(res.json().timesheet.amountDueFen, 187_00);
  });

  it("piece pay needs the pieces, from the worker's check-out or the employer", async () => {
    const counted = await workedShift(t, clock, { payUnit: "piece", payFen: 80, pieces: 1250 });
    assert.equal(
      (await act(counted.bookingId, "approve", counted.boss.token)).json().timesheet.amountDueFen,
      1000_00,
    );
    const uncounted = await workedShift(t, clock, { payUnit: "piece", payFen: 80 });
    assert.equal(code(await act(uncounted.bookingId, "approve", uncounted.boss.token)), "pieces_required");
    const res = await act(uncounted.bookingId, "approve", uncounted.boss.token, { pieces: 900 });
    assert.equal(res.json().timesheet.amountDueFen, 720_00);
  });

  it("only the employer approves, and there is nothing to approve before check-out", async () => {
    const shift = await workedShift(t, clock);
    assert.equal(code(await act(shift.bookingId, "approve", shift.who.token)), "forbidden");
    const staff = await stationStaff(t);
    assert.equal(code(await act(shift.bookingId, "approve", staff.token)), "forbidden");
    const notYet = await bookedShift(t, clock);
    assert.equal(code(await act(notYet.bookingId, "approve", notYet.boss.token)), "timesheet_not_found");
  });

  it("the worker disputes within the window, and staff of the district resolve it", async () => {
    const shift = await workedShift(t, clock);
    await act(shift.bookingId, "approve", shift.boss.token, {
      approvedMinutes: 200,
      note: "中午休息两小时不算",
    });
    assert.equal(code(await act(shift.bookingId, "dispute", shift.boss.token, { reason: "x" })), "forbidden");
    const disputed = await act(shift.bookingId, "dispute", shift.who.token, { reason: "我干满了8小时" });
    assert.equal(disputed.statusCode, 200, disputed.body);
    assert.equal(disputed.json().timesheet.status, "disputed");
    assert.equal(
      code(await act(shift.bookingId, "dispute", shift.who.token, { reason: "再提一次" })),
      "timesheet_not_disputable",
    );

    const outsider = await stationStaff(t, JINGKOU.districtCode);
    const resolveBody = { approvedMinutes: 420, note: "驿站调解：按7小时计" };
    assert.equal(
      code(await act(shift.bookingId, "resolve", outsider.token, resolveBody)),
      "booking_not_found",
    );
    const staff = await stationStaff(t);
    const resolved = await act(shift.bookingId, "resolve", staff.token, resolveBody);
    assert.equal(resolved.statusCode, 200, resolved.body);
    assert.equal(resolved.json().timesheet.status, "resolved");
    assert.equal(resolved.json().timesheet.amountDueFen, 175_00, "7 of 8 hours");
    assert.equal(
      code(await act(shift.bookingId, "resolve", staff.token, resolveBody)),
      "timesheet_not_disputed",
    );
  });

  it("after the dispute window the hours stand", async () => {
    const shift = await workedShift(t, clock);
    await act(shift.bookingId, "approve", shift.boss.token);
    clock.advanceMinutes(72 * 60 + 1);
    const late = await act(shift.bookingId, "dispute", shift.who.token, { reason: "少算了" });
    assert.equal(code(late), "dispute_window_closed");
  });
});
