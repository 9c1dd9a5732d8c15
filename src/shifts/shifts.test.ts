import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { eq } from "drizzle-orm";
import { startTestApp, type TestApp } from "../../test/support/app.ts";
import { employer, JINGKOU, stationStaff } from "../../test/support/market-fixtures.ts";
import { bookedShift, ON_SITE, TWO_KM_AWAY } from "../../test/support/shift-fixtures.ts";
import { marketEvents } from "../db/schema/index.ts";
import { ManualClock } from "../platform/clock.ts";
import { shanghaiDateTime } from "./shanghai-time.ts";

describe("the shift: check-in, check-out, attendance", () => {
  let t: TestApp;
  let clock: ManualClock;
  before(async () => {
    clock = new ManualClock(new Date("2030-03-01T00:00:00Z"));
    t = await startTestApp({ clock });
  });
  after(() => t.close());

  const checkIn = (bookingId: string, token: string, body: unknown, lang?: string) =>
    t.request("POST", `/api/bookings/${bookingId}/check-in`, { as: token, body, lang });
  const code = (response: { json(): { error: { code: string } } }) => response.json().error.code;

  it("a worker on site checks in by location, and the shift records how and where", async () => {
    const shift = await bookedShift(t, clock);
    shift.at(-10);
    const res = await checkIn(shift.bookingId, shift.who.token, { ...ON_SITE, accuracyM: 20 });
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json();
    assert.equal(body.status, "checked_in");
    assert.equal(body.checkInMethod, "location");
    assert.equal(body.checkInDistanceM, 0);
    assert.equal(body.checkedInAt, clock.now().toISOString());
    const events = await t.ctx.database.db
      .select()
      .from(marketEvents)
      .where(eq(marketEvents.subjectId, shift.bookingId));
    assert.ok(events.some((e) => e.kind === "checked_in"));
  });

  it("a worker cannot check in 2 km away without the employer's code", async () => {
    const shift = await bookedShift(t, clock);
    shift.at(0);
    const far = await checkIn(shift.bookingId, shift.who.token, TWO_KM_AWAY);
    assert.equal(far.statusCode, 409);
    assert.equal(code(far), "too_far_from_gig");
    assert.match(far.json().error.message, /约2\.0 公里，超出签到范围500米/);
    const english = await checkIn(shift.bookingId, shift.who.token, TWO_KM_AWAY, "en");
    assert.match(english.json().error.message, /about 2\.0 km .* 500 m/);

    const wrong = await checkIn(shift.bookingId, shift.who.token, { ...TWO_KM_AWAY, code: "000000x" });
    assert.equal(code(wrong), "wrong_check_in_code");
    const byCode = await checkIn(shift.bookingId, shift.who.token, {
      ...TWO_KM_AWAY,
      code: shift.checkInCode,
    });
    assert.equal(byCode.statusCode, 200, byCode.body);
    assert.equal(byCode.json().checkInMethod, "code");
    assert.equal(byCode.json().checkInDistanceM, 2002);
  });

  it("with location denied, the code shown on site is enough", async () => {
    const shift = await bookedShift(t, clock);
    shift.at(5);
    const res = await checkIn(shift.bookingId, shift.who.token, { code: shift.checkInCode });
    assert.equal(res.json().checkInMethod, "code");
    assert.equal(res.json().checkInDistanceM, null);
  });

  it("check-in opens an hour before the start and closes at the end", async () => {
    const shift = await bookedShift(t, clock);
    shift.at(-61);
    const early = await checkIn(shift.bookingId, shift.who.token, ON_SITE);
    assert.equal(code(early), "check_in_not_open_yet");
    const opensAt = shanghaiDateTime(new Date(shift.startsAt.getTime() - 60 * 60_000));
    assert.equal(early.json().error.message, `还没到签到时间，${opensAt}起可签到（开工前60分钟）`);
    shift.at(8 * 60);
    assert.equal(code(await checkIn(shift.bookingId, shift.who.token, ON_SITE)), "check_in_closed");
  });

  it("guessing the code is stopped after ten wrong tries in an hour", async () => {
    const shift = await bookedShift(t, clock);
    shift.at(0);
    for (let i = 0; i < 10; i++) {
      const wrong = await checkIn(shift.bookingId, shift.who.token, { code: `wrong-${i}` });
      assert.equal(code(wrong), "wrong_check_in_code");
    }
    const blocked = await checkIn(shift.bookingId, shift.who.token, { code: shift.checkInCode });
    assert.equal(code(blocked), "rate_limited");
    assert.equal((await checkIn(shift.bookingId, shift.who.token, ON_SITE)).statusCode, 200);
  });

  it("another worker's wrong codes do not use up the booked worker's tries", async () => {
    const shift = await bookedShift(t, clock);
    const stranger = await bookedShift(t, clock);
    shift.at(0);
    for (let i = 0; i < 10; i++) {
      const res = await checkIn(shift.bookingId, stranger.who.token, { code: `wrong-${i}` });
      assert.equal(code(res), "booking_not_found");
    }
    const res = await checkIn(shift.bookingId, shift.who.token, { code: shift.checkInCode });
    assert.equal(res.statusCode, 200, res.body);
  });

  it("only the booked worker checks in, and only once", async () => {
    const shift = await bookedShift(t, clock);
    const other = await bookedShift(t, clock);
    shift.at(0);
    assert.equal(code(await checkIn(shift.bookingId, other.who.token, ON_SITE)), "booking_not_found");
    assert.equal(code(await checkIn(shift.bookingId, shift.boss.token, ON_SITE)), "forbidden");
    assert.equal((await checkIn(shift.bookingId, shift.who.token, ON_SITE)).statusCode, 200);
    assert.equal(code(await checkIn(shift.bookingId, shift.who.token, ON_SITE)), "not_checkable_in");
    assert.equal(code(await checkIn(shift.bookingId, shift.who.token, {})), "not_checkable_in");
  });

  it("a body with neither a position nor a code is refused, never a server error", async () => {
    const shift = await bookedShift(t, clock);
    shift.at(0);
    assert.equal(code(await checkIn(shift.bookingId, shift.who.token, {})), "check_in_proof_required");
    const bad = await checkIn(shift.bookingId, shift.who.token, { lat: 200, lng: 0 });
    assert.equal(bad.statusCode, 400);
  });

  it("check-out is refused before the start, then opens the timesheet with the minutes from the start", async () => {
    const shift = await bookedShift(t, clock, { hours: 8 });
    const out = (body: unknown = {}) =>
      t.request("POST", `/api/bookings/${shift.bookingId}/check-out`, { as: shift.who.token, body });
    shift.at(-1);
    assert.equal(code(await out()), "not_checked_in");
    shift.at(-30);
    await checkIn(shift.bookingId, shift.who.token, ON_SITE);
    assert.equal(code(await out()), "check_out_before_start", "half an hour before the start");
    shift.at(-1);
    assert.equal(code(await out()), "check_out_before_start");
    shift.at(7 * 60 + 45);
    assert.equal(code(await out({ pieces: 3 })), "pieces_only_for_piece_pay");
    const res = await out();
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().status, "checked_out");
    assert.equal(res.json().timesheet.status, "pending");
    assert.equal(res.json().timesheet.measuredMinutes, 465);
    assert.equal(code(await out()), "not_checked_in");
  });

  it("a piece worker reports pieces at check-out", async () => {
    const shift = await bookedShift(t, clock, { payUnit: "piece", payFen: 50 });
    shift.at(0);
    await checkIn(shift.bookingId, shift.who.token, ON_SITE);
    shift.at(120);
    const res = await t.request("POST", `/api/bookings/${shift.bookingId}/check-out`, {
      as: shift.who.token,
      body: { pieces: 340 },
    });
    assert.equal(res.json().timesheet.pieces, 340);
  });

  it("attendance shows the employer who came, how late, and who may be a no-show", async () => {
    const first = await bookedShift(t, clock);
    const { gigId, boss } = first;
    const second = await bookedShift(t, clock, { onGigOf: first });
    first.at(12);
    await checkIn(first.bookingId, first.who.token, { code: first.checkInCode });
    const attendance = () => t.request("GET", `/api/gigs/${gigId}/attendance`, { as: boss.token });

    const mine = (await attendance()).json();
    assert.equal(mine.checkInCode, first.checkInCode);
    const entry = mine.entries.find((e: { bookingId: string }) => e.bookingId === first.bookingId);
    assert.equal(entry.minutesLate, 12);
    assert.equal(entry.checkInMethod, "code");
    assert.match(entry.workerPhone, /^1\d{2}\*{4}\d{4}$/);
    assert.equal(mine.entries.length, 2);
    assert.deepEqual(mine.counts, { booked: 1, checkedIn: 1, noShowCandidates: 0 });

    first.at(31);
    const later = (await attendance()).json();
    assert.equal(later.noShowGraceMin, 30);
    const late = later.entries.find((e: { bookingId: string }) => e.bookingId === second.bookingId);
    assert.equal(late.noShowCandidate, true);
    assert.equal(late.minutesLate, null);
    assert.deepEqual(later.counts, { booked: 1, checkedIn: 1, noShowCandidates: 1 });
  });

  it("the district's staff see attendance; other employers and other districts do not", async () => {
    const shift = await bookedShift(t, clock);
    shift.at(31);
    const url = `/api/gigs/${shift.gigId}/attendance`;
    const staff = await t.request("GET", url, { as: (await stationStaff(t)).token });
    assert.equal(staff.statusCode, 200);
    assert.equal(staff.json().entries[0].noShowCandidate, true);
    assert.equal(staff.json().counts.noShowCandidates, 1);
    const elsewhere = await t.request("GET", url, {
      as: (await stationStaff(t, JINGKOU.districtCode)).token,
    });
    assert.equal(code(elsewhere), "gig_not_found");
    const rival = await t.request("GET", url, { as: (await employer(t, "别家公司")).token });
    assert.equal(code(rival), "gig_not_found");
  });
});
