/**
 * Private numbers (隐私号): with a provider, the employer sees the booking's X instead of the
 * worker's own number — in the crew list, one booking, the applicants and the station's slip — one
 * binding per booking however many ask at once, released when the booking is cancelled, expired a
 * day after the gig; a provider that fails leaves the number masked, never shown.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { eq } from "drizzle-orm";
import { startTestApp, type TestApp } from "../../test/support/app.ts";
import { RUNZHOU, stationStaff } from "../../test/support/market-fixtures.ts";
import { bookedShift } from "../../test/support/shift-fixtures.ts";
import { numberBindings, workerProfiles } from "../db/schema/index.ts";
import { ManualClock } from "../platform/clock.ts";
import { type Binding, type BindRequest, LogNumberMasking } from "./number-masking.ts";
import { CALLABLE_AFTER_END_MS, releasePrivateNumbers } from "./private-numbers.ts";

/** The log provider, counting calls and failing on demand. */
class CountingProvider extends LogNumberMasking {
  binds = 0;
  unbinds: string[] = [];
  failing = false;
  constructor() {
    super(() => {});
  }
  override async bind(request: BindRequest): Promise<Binding> {
    this.binds += 1;
    if (this.failing) throw new Error("isv.NO_AVAILABLE_NUMBER: 无可用号码");
    // Slow enough that concurrent requests overlap, as a real provider would.
    await new Promise((resolve) => setTimeout(resolve, 20));
    return super.bind(request);
  }
  override async unbind(binding: Binding): Promise<void> {
    this.unbinds.push(binding.number);
    return super.unbind(binding);
  }
}

describe("private numbers (隐私号)", () => {
  let t: TestApp;
  const clock = new ManualClock(new Date("2026-06-01T01:00:00Z"));
  const provider = new CountingProvider();

  before(async () => {
    t = await startTestApp({ clock });
    t.ctx.numbers = provider;
  });
  after(() => t.close());

  it("shows the employer the booking's X everywhere she would see the worker's number, the worker her own", async () => {
    const shift = await bookedShift(t, clock);
    const crew = await t.request("GET", `/api/employers/me/bookings?gigId=${shift.gigId}`, {
      as: shift.boss.token,
    });
    assert.equal(crew.statusCode, 200);
    const number = crew.json()[0].workerPhone as string;
    assert.match(number, /^1700000\d{4}$/);
    assert.notEqual(number, shift.who.phone);

    const one = await t.request("GET", `/api/bookings/${shift.bookingId}`, { as: shift.boss.token });
    assert.equal(one.json().workerPhone, number);
    const applicants = await t.request("GET", `/api/gigs/${shift.gigId}/applications`, {
      as: shift.boss.token,
    });
    assert.equal(applicants.json()[0].phone, number);
    const own = await t.request("GET", `/api/bookings/${shift.bookingId}`, { as: shift.who.token });
    assert.equal(own.json().workerPhone, shift.who.phone);
    assert.equal(own.json().employerPhone, number, "she dials the same X to reach the employer");
    const mine = await t.request("GET", "/api/workers/me/bookings", { as: shift.who.token });
    assert.equal(mine.json()[0].employerPhone, number);
    assert.equal(one.json().employerPhone, null, "the employer is not shown their own number");

    const bound = await t.ctx.database.db
      .select()
      .from(numberBindings)
      .where(eq(numberBindings.bookingId, shift.bookingId));
    assert.equal(bound.length, 1);
    assert.equal(bound[0]?.expiresAt.getTime(), shift.endsAt.getTime() + CALLABLE_AFTER_END_MS);
    const held = provider.bound.get(bound[0]?.subsId ?? "");
    assert.equal(held?.phoneA, shift.who.phone, "A is the worker");
    assert.notEqual(held?.phoneB, shift.who.phone, "B is the employer");
  });

  it("prints the booking's X on a walk-in's job slip as the employer's number", async () => {
    const shift = await bookedShift(t, clock);
    const staff = await stationStaff(t, RUNZHOU.districtCode);
    // She looks for work in the station's district, so its staff may act for her.
    await t.ctx.database.db
      .update(workerProfiles)
      .set({ districtCodes: [RUNZHOU.districtCode] })
      .where(eq(workerProfiles.userId, shift.who.userId));
    const crew = await t.request("GET", `/api/employers/me/bookings?gigId=${shift.gigId}`, {
      as: shift.boss.token,
    });
    const slip = await t.request("GET", `/api/gigs/${shift.gigId}/slip?worker=${shift.who.userId}`, {
      as: staff.token,
    });
    assert.equal(slip.statusCode, 200, slip.body);
    assert.equal(slip.json().worker.booked, true);
    assert.equal(slip.json().employerPhone, crew.json()[0].workerPhone, "one X for both parties");
  });

  it("without a provider each party sees the other's own number while booked", async () => {
    t.ctx.numbers = undefined;
    try {
      const shift = await bookedShift(t, clock);
      const crew = await t.request("GET", `/api/employers/me/bookings?gigId=${shift.gigId}`, {
        as: shift.boss.token,
      });
      assert.equal(crew.json()[0].workerPhone, shift.who.phone);
      const own = await t.request("GET", `/api/bookings/${shift.bookingId}`, { as: shift.who.token });
      assert.match(own.json().employerPhone, /^1[3-9]\d{9}$/);
      assert.notEqual(own.json().employerPhone, shift.who.phone);
    } finally {
      t.ctx.numbers = provider;
    }
  });

  it("makes one binding for a booking however many ask at once", async () => {
    // Booked before private numbers were switched on: bound when first asked for.
    t.ctx.numbers = undefined;
    const shift = await bookedShift(t, clock);
    t.ctx.numbers = provider;
    const before = provider.binds;
    // On PostgreSQL half the requests go to a second instance of the server.
    const second = t.scratch.url ? await t.secondInstance() : null;
    const ask = (i: number) =>
      i % 2 === 1 && second
        ? second.app.inject({
            method: "GET",
            url: `/api/employers/me/bookings?gigId=${shift.gigId}`,
            headers: { authorization: `Bearer ${shift.boss.token}` },
          })
        : t.request("GET", `/api/employers/me/bookings?gigId=${shift.gigId}`, { as: shift.boss.token });
    const answers = await Promise.all(Array.from({ length: 6 }, (_, i) => ask(i))).finally(() =>
      second?.close(),
    );
    const shown = new Set(answers.map((answer) => answer.json()[0].workerPhone));
    assert.equal(shown.size, 1, "every answer shows the same X");
    const rows = await t.ctx.database.db
      .select()
      .from(numberBindings)
      .where(eq(numberBindings.bookingId, shift.bookingId));
    assert.equal(rows.length, 1);
    // Bindings made by a request that lost the race are given back to the provider at once.
    assert.ok(provider.binds > before);
    assert.equal(provider.binds - before - 1, provider.unbinds.length);
    assert.equal(provider.bound.size, (await t.ctx.database.db.select().from(numberBindings)).length);
  });

  it("releases the number when the booking is cancelled, and masks hers afterwards", async () => {
    const shift = await bookedShift(t, clock);
    const shown = await t.request("GET", `/api/bookings/${shift.bookingId}`, { as: shift.boss.token });
    const number = shown.json().workerPhone as string;
    const cancelled = await t.request("POST", `/api/bookings/${shift.bookingId}/cancel`, {
      as: shift.boss.token,
      body: { reasonCode: "no_longer_needed" },
    });
    assert.equal(cancelled.statusCode, 200, cancelled.body);
    const report = await releasePrivateNumbers(t.ctx);
    assert.equal(report.released, 1);
    assert.ok(provider.unbinds.includes(number));
    const after = await t.request("GET", `/api/bookings/${shift.bookingId}`, { as: shift.boss.token });
    assert.match(after.json().workerPhone, /^\d{3}\*{4}\d{4}$/);
    assert.deepEqual(await releasePrivateNumbers(t.ctx), { released: 0, failed: 0 }, "nothing twice");
  });

  it("lets a binding expire a day after the gig and shows the number masked from then on", async () => {
    const shift = await bookedShift(t, clock);
    await t.request("GET", `/api/bookings/${shift.bookingId}`, { as: shift.boss.token });
    const unbindsBefore = provider.unbinds.length;
    clock.set(new Date(shift.endsAt.getTime() + CALLABLE_AFTER_END_MS + 60_000));
    const report = await releasePrivateNumbers(t.ctx);
    assert.ok(report.released >= 1);
    assert.equal(provider.unbinds.length, unbindsBefore, "an expired binding needs no call");
    const later = await t.request("GET", `/api/bookings/${shift.bookingId}`, { as: shift.boss.token });
    assert.match(later.json().workerPhone, /^\d{3}\*{4}\d{4}$/);
    clock.set(new Date("2026-06-01T01:00:00Z"));
  });

  it("masks the number while the provider fails, never shows her own", async () => {
    provider.failing = true;
    const shift = await bookedShift(t, clock).finally(() => {
      provider.failing = false;
    });
    provider.failing = true;
    const crew = await t.request("GET", `/api/employers/me/bookings?gigId=${shift.gigId}`, {
      as: shift.boss.token,
    });
    provider.failing = false;
    assert.equal(crew.statusCode, 200);
    assert.match(crew.json()[0].workerPhone, /^\d{3}\*{4}\d{4}$/);
    const again = await t.request("GET", `/api/employers/me/bookings?gigId=${shift.gigId}`, {
      as: shift.boss.token,
    });
    assert.match(again.json()[0].workerPhone, /^1700000\d{4}$/, "bound once the provider answers again");
  });
});
