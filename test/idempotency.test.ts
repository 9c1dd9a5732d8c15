/**
 * Idempotent money and booking commands (decision 0007) and the duplicate-payment guard:
 * a retried or doubled request runs once, on PGlite and on PostgreSQL; with PostgreSQL, real
 * concurrent requests on two server instances.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { eq } from "drizzle-orm";
import { payments } from "../src/db/schema/index.ts";
import { ManualClock } from "../src/platform/clock.ts";
import { startTestApp, type TestApp } from "./support/app.ts";
import { usingPostgres } from "./support/database.ts";
import { bookedShift, ON_SITE, workedShift } from "./support/shift-fixtures.ts";

interface Answer {
  status: number;
  body: { id?: string; status?: string; error?: { code: string } };
  replayed: boolean;
}

const paymentBody = (clock: ManualClock, extra: Record<string, unknown> = {}) => ({
  amountFen: 200_00,
  method: "wechat",
  paidAt: clock.now().toISOString(),
  ...extra,
});

describe("idempotent commands and duplicate payments", () => {
  let t: TestApp;
  let clock: ManualClock;
  before(async () => {
    clock = new ManualClock(new Date("2030-03-01T00:00:00Z"));
    t = await startTestApp({ clock });
  });
  after(() => t.close());

  async function send(url: string, token: string, body: unknown, key?: string): Promise<Answer> {
    const response = await t.app.inject({
      method: "POST",
      url,
      payload: body as object,
      headers: { authorization: `Bearer ${token}`, ...(key ? { "idempotency-key": key } : {}) },
    });
    return {
      status: response.statusCode,
      body: response.json(),
      replayed: response.headers["idempotent-replayed"] === "true",
    };
  }
  const recorded = async (bookingId: string) =>
    (await t.ctx.database.db.select().from(payments).where(eq(payments.bookingId, bookingId))).length;

  it("a payment retried with its key is recorded once, and the retry gets the first answer", async () => {
    const shift = await workedShift(t, clock);
    const url = `/api/bookings/${shift.bookingId}/payments`;
    const body = paymentBody(clock);
    const first = await send(url, shift.boss.token, body, "pay-1");
    assert.equal(first.status, 201, JSON.stringify(first.body));
    const again = await send(url, shift.boss.token, { ...body }, "pay-1");
    assert.deepEqual([again.status, again.body, again.replayed], [201, first.body, true]);
    assert.equal(await recorded(shift.bookingId), 1);
  });

  it("the same key with a different body is refused, and nothing is recorded for it", async () => {
    const shift = await workedShift(t, clock);
    const url = `/api/bookings/${shift.bookingId}/payments`;
    assert.equal((await send(url, shift.boss.token, paymentBody(clock), "pay-2")).status, 201);
    const other = await send(url, shift.boss.token, paymentBody(clock, { amountFen: 50_00 }), "pay-2");
    assert.deepEqual([other.status, other.body.error?.code], [422, "idempotency_key_reused"]);
    assert.equal(await recorded(shift.bookingId), 1);
  });

  it("a key belongs to its account: another employer's same key runs their own command", async () => {
    const mine = await workedShift(t, clock);
    const theirs = await workedShift(t, clock);
    const a = await send(
      `/api/bookings/${mine.bookingId}/payments`,
      mine.boss.token,
      paymentBody(clock),
      "k",
    );
    const b = await send(
      `/api/bookings/${theirs.bookingId}/payments`,
      theirs.boss.token,
      paymentBody(clock),
      "k",
    );
    assert.deepEqual([a.status, b.status, b.replayed], [201, 201, false]);
    assert.notEqual(a.body.id, b.body.id);
  });

  it("a refused command frees its key: the same request runs once the shift allows it", async () => {
    const shift = await bookedShift(t, clock);
    const url = `/api/bookings/${shift.bookingId}/payments`;
    shift.at(0);
    const body = paymentBody(clock);
    await send(`/api/bookings/${shift.bookingId}/check-in`, shift.who.token, ON_SITE);
    const early = await send(url, shift.boss.token, body, "pay-3");
    assert.equal(early.body.error?.code, "payment_before_check_out");
    shift.at(8 * 60);
    await send(`/api/bookings/${shift.bookingId}/check-out`, shift.who.token, {});
    const paid = await send(url, shift.boss.token, body, "pay-3");
    assert.deepEqual([paid.status, paid.replayed], [201, false]);
  });

  it("a double tap without a key records the pay once and tells the second tap why", async () => {
    const shift = await workedShift(t, clock);
    const url = `/api/bookings/${shift.bookingId}/payments`;
    const answers = await Promise.all([1, 2].map(() => send(url, shift.boss.token, paymentBody(clock))));
    assert.deepEqual(answers.map((a) => a.status).sort(), [201, 409]);
    assert.equal(answers.find((a) => a.status === 409)?.body.error?.code, "duplicate_payment");
    assert.equal(await recorded(shift.bookingId), 1);
  });

  it("the same amount again after ten minutes, or another amount at once, is a second payment", async () => {
    const shift = await workedShift(t, clock);
    const url = `/api/bookings/${shift.bookingId}/payments`;
    assert.equal((await send(url, shift.boss.token, paymentBody(clock, { amountFen: 100_00 }))).status, 201);
    assert.equal((await send(url, shift.boss.token, paymentBody(clock, { amountFen: 50_00 }))).status, 201);
    clock.advanceMinutes(10);
    assert.equal((await send(url, shift.boss.token, paymentBody(clock, { amountFen: 100_00 }))).status, 201);
    assert.equal(await recorded(shift.bookingId), 3);
  });

  it("the same key sent twice at once runs the command once; both get its answer", async () => {
    const shift = await workedShift(t, clock);
    const url = `/api/bookings/${shift.bookingId}/payments`;
    const body = paymentBody(clock);
    const answers = await Promise.all([1, 2, 3].map(() => send(url, shift.boss.token, body, "pay-4")));
    assert.deepEqual(
      answers.map((a) => a.status),
      [201, 201, 201],
    );
    assert.equal(new Set(answers.map((a) => a.body.id)).size, 1);
    assert.equal(answers.filter((a) => a.replayed).length, 2);
    assert.equal(await recorded(shift.bookingId), 1);
  });

  it("booking commands take a key too: a confirmation replayed is not refused as already confirmed", async () => {
    const shift = await bookedShift(t, clock);
    const url = `/api/bookings/${shift.bookingId}/confirm`;
    const first = await send(url, shift.who.token, undefined, "confirm-1");
    assert.equal(first.status, 200, JSON.stringify(first.body));
    const again = await send(url, shift.who.token, undefined, "confirm-1");
    assert.deepEqual([again.status, again.body, again.replayed], [200, first.body, true]);
    const withoutKey = await send(url, shift.who.token, undefined);
    assert.equal(withoutKey.status, 409);
  });

  it("a key that is not printable ASCII, or too long, is refused as a bad request", async () => {
    const shift = await workedShift(t, clock);
    const url = `/api/bookings/${shift.bookingId}/payments`;
    const long = await send(url, shift.boss.token, paymentBody(clock), "k".repeat(201));
    assert.deepEqual([long.status, long.body.error?.code], [400, "invalid_request"]);
  });
});

const skip = usingPostgres() ? false : "needs PostgreSQL: set TEST_DATABASE_URL to race two server instances";

describe("money races on two instances", { skip }, () => {
  let t: TestApp;
  let clock: ManualClock;
  let second: Awaited<ReturnType<TestApp["secondInstance"]>>;
  let urls: string[];
  before(async () => {
    clock = new ManualClock(new Date("2030-03-01T00:00:00Z"));
    t = await startTestApp({ clock });
    second = await t.secondInstance();
    urls = [
      await t.app.listen({ port: 0, host: "127.0.0.1" }),
      await second.app.listen({ port: 0, host: "127.0.0.1" }),
    ];
  });
  after(async () => {
    await second?.close();
    await t?.close();
  });

  /** Sends `count` copies at once, alternating between the two instances. */
  async function fireAll(count: number, path: string, token: string, body?: unknown, key?: string) {
    const headers: Record<string, string> = { authorization: `Bearer ${token}` };
    if (body !== undefined) headers["content-type"] = "application/json";
    if (key) headers["idempotency-key"] = key;
    const responses = await Promise.all(
      Array.from({ length: count }, (_, i) =>
        fetch(`${urls[i % 2]}${path}`, {
          method: "POST",
          headers,
          body: body === undefined ? undefined : JSON.stringify(body),
        }),
      ),
    );
    return Promise.all(
      responses.map(async (r) => ({ status: r.status, body: (await r.json()) as Answer["body"] })),
    );
  }
  const recorded = async (bookingId: string) =>
    (await t.ctx.database.db.select().from(payments).where(eq(payments.bookingId, bookingId))).length;

  it("ten identical payments at once with one key: one record, ten identical answers", async () => {
    const shift = await workedShift(t, clock);
    const path = `/api/bookings/${shift.bookingId}/payments`;
    const answers = await fireAll(10, path, shift.boss.token, paymentBody(clock), "double-click");
    assert.deepEqual(
      answers.map((a) => a.status),
      Array(10).fill(201),
      JSON.stringify(answers.filter((a) => a.status !== 201)),
    );
    assert.equal(new Set(answers.map((a) => a.body.id)).size, 1);
    assert.equal(await recorded(shift.bookingId), 1);
  });

  it("ten identical payments at once without a key: one record, nine refused as duplicates", async () => {
    const shift = await workedShift(t, clock);
    const path = `/api/bookings/${shift.bookingId}/payments`;
    const answers = await fireAll(10, path, shift.boss.token, paymentBody(clock));
    assert.equal(answers.filter((a) => a.status === 201).length, 1);
    assert.equal(answers.filter((a) => a.body.error?.code === "duplicate_payment").length, 9);
    assert.equal(await recorded(shift.bookingId), 1);
  });

  it("a payment confirmed twice at once: one confirmation, the other told it is already confirmed", async () => {
    for (let round = 0; round < 3; round++) {
      const shift = await workedShift(t, clock);
      const paid = await t.request("POST", `/api/bookings/${shift.bookingId}/payments`, {
        as: shift.boss.token,
        body: paymentBody(clock),
      });
      const answers = await fireAll(6, `/api/payments/${paid.json().id}/confirm`, shift.who.token);
      assert.equal(answers.filter((a) => a.status === 200).length, 1);
      const losers = answers.filter((a) => a.status !== 200).map((a) => a.body.error?.code);
      assert.deepEqual(losers, Array(5).fill("payment_not_confirmable"));
    }
  });
});
