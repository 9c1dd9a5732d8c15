import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { startTestApp, type TestApp } from "../../test/support/app.ts";
import { employer } from "../../test/support/market-fixtures.ts";
import { bookedShift, workedShift } from "../../test/support/shift-fixtures.ts";
import { ManualClock } from "../platform/clock.ts";

describe("payment records, earnings and payables", () => {
  let t: TestApp;
  let clock: ManualClock;
  before(async () => {
    clock = new ManualClock(new Date("2030-03-01T00:00:00Z"));
    t = await startTestApp({ clock });
  });
  after(() => t.close());

  const code = (response: { json(): { error: { code: string } } }) => response.json().error.code;
  const pay = (bookingId: string, token: string, body: Record<string, unknown> = {}) =>
    t.request("POST", `/api/bookings/${bookingId}/payments`, {
      as: token,
      body: { amountFen: 200_00, method: "wechat", paidAt: clock.now().toISOString(), ...body },
    });
  const answer = (paymentId: string, verb: "confirm" | "dispute", token: string, body: unknown = {}) =>
    t.request("POST", `/api/payments/${paymentId}/${verb}`, { as: token, body });
  const approve = (bookingId: string, token: string) =>
    t.request("POST", `/api/bookings/${bookingId}/timesheet/approve`, { as: token, body: {} });

  it("pay is recorded after check-out, not before, and not dated in the future", async () => {
    const booked = await bookedShift(t, clock);
    assert.equal(code(await pay(booked.bookingId, booked.boss.token)), "payment_before_check_out");
    const shift = await workedShift(t, clock);
    const tomorrow = new Date(clock.now().getTime() + 86_400_000).toISOString();
    assert.equal(
      code(await pay(shift.bookingId, shift.boss.token, { paidAt: tomorrow })),
      "paid_at_in_future",
    );
    assert.equal(code(await pay(shift.bookingId, shift.who.token)), "forbidden");
    const other = await employer(t, "别家公司");
    assert.equal(code(await pay(shift.bookingId, other.token)), "booking_not_found");
    const res = await pay(shift.bookingId, shift.boss.token, { method: "cash", note: "现场结清" });
    assert.equal(res.statusCode, 201, res.body);
    assert.equal(res.json().status, "recorded");
    assert.equal(res.json().method, "cash");
    assert.equal(
      code(await pay(shift.bookingId, shift.boss.token, { method: "bitcoin" })),
      "invalid_request",
    );
  });

  it("the worker follows the pay: awaiting approval → approved → paid → confirmed", async () => {
    const shift = await workedShift(t, clock);
    const earnings = async () =>
      (await t.request("GET", "/api/workers/me/earnings", { as: shift.who.token })).json();
    assert.equal((await earnings()).items[0].status, "awaiting_approval");
    await approve(shift.bookingId, shift.boss.token);
    const approved = (await earnings()).items[0];
    assert.equal(approved.status, "approved");
    assert.equal(approved.amountDueFen, 200_00);
    assert.equal(approved.gigTitle, "商场开荒保洁");
    assert.match(approved.date, /^\d{4}-\d{2}-\d{2}$/);

    const paymentId = (await pay(shift.bookingId, shift.boss.token)).json().id;
    assert.equal((await earnings()).items[0].status, "paid");
    const confirmed = await answer(paymentId, "confirm", shift.who.token);
    assert.equal(confirmed.json().status, "confirmed");
    const after = await earnings();
    assert.equal(after.items[0].status, "confirmed");
    assert.deepEqual(after.totals, {
      dueFen: 200_00,
      paidFen: 200_00,
      confirmedFen: 200_00,
      outstandingFen: 0,
    });
    assert.equal(code(await answer(paymentId, "confirm", shift.who.token)), "payment_not_confirmable");
  });

  it("a disputed payment is not counted as paid until the worker confirms it", async () => {
    const shift = await workedShift(t, clock);
    await approve(shift.bookingId, shift.boss.token);
    const paymentId = (await pay(shift.bookingId, shift.boss.token, { amountFen: 150_00 })).json().id;
    assert.equal(code(await answer(paymentId, "dispute", shift.boss.token, { reason: "x" })), "forbidden");
    const disputed = await answer(paymentId, "dispute", shift.who.token, { reason: "只收到100元" });
    assert.equal(disputed.json().status, "disputed");
    assert.equal(
      code(await answer(paymentId, "dispute", shift.who.token, { reason: "再提" })),
      "payment_not_disputable",
    );
    const payables = (await t.request("GET", "/api/employers/me/payables", { as: shift.boss.token })).json();
    assert.equal(payables.items[0].status, "disputed");
    assert.equal(payables.items[0].paidFen, 0);
    assert.equal(payables.items[0].outstandingFen, 200_00);
    assert.equal(payables.items[0].workerName, "李师傅");
    const settled = await answer(paymentId, "confirm", shift.who.token);
    assert.equal(settled.json().status, "confirmed");
  });

  it("a payment can be disputed only within the city's window", async () => {
    const shift = await workedShift(t, clock);
    const paymentId = (await pay(shift.bookingId, shift.boss.token)).json().id;
    clock.advanceMinutes(72 * 60 + 1);
    assert.equal(
      code(await answer(paymentId, "dispute", shift.who.token, { reason: "没收到" })),
      "payment_dispute_window_closed",
    );
  });

  it("another worker cannot confirm someone else's pay", async () => {
    const shift = await workedShift(t, clock);
    const other = await bookedShift(t, clock);
    const paymentId = (await pay(shift.bookingId, shift.boss.token)).json().id;
    assert.equal(code(await answer(paymentId, "confirm", other.who.token)), "payment_not_found");
  });

  it("payables list only approved shifts, with what is still owed", async () => {
    const boss = await employer(t);
    const approvedShift = await workedShift(t, clock, { boss });
    await workedShift(t, clock, { boss });
    await approve(approvedShift.bookingId, boss.token);
    await pay(approvedShift.bookingId, boss.token, { amountFen: 50_00 });
    const payables = (await t.request("GET", "/api/employers/me/payables", { as: boss.token })).json();
    assert.equal(payables.items.length, 1);
    assert.equal(payables.items[0].status, "approved");
    assert.deepEqual(payables.totals, {
      dueFen: 200_00,
      paidFen: 50_00,
      confirmedFen: 0,
      outstandingFen: 150_00,
    });
  });
});
