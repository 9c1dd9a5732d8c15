/**
 * The whole life of a gig over HTTP, as the people in it live it: an employer posts, a worker
 * applies and is taken on, turns up, works, is paid, and both rate each other. Then the ways
 * it goes otherwise: location fails, hours are disputed, pay is disputed, someone cancels,
 * someone does not come.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { eq } from "drizzle-orm";
import { employers, workerProfiles } from "../src/db/schema/index.ts";
import { sweep } from "../src/lifecycle/sweeper.ts";
import { ManualClock } from "../src/platform/clock.ts";
import { ACCEPTED_CONSENT, startTestApp, type TestApp, testPhone } from "./support/app.ts";
import { gigBody, RUNZHOU, stationStaff } from "./support/market-fixtures.ts";
import { bookedShift, TWO_KM_AWAY, workedShift } from "./support/shift-fixtures.ts";

type Response = Awaited<ReturnType<TestApp["request"]>>;
const code = (response: Response) => response.json().error.code;

describe("the life of a gig, over HTTP", () => {
  let t: TestApp;
  let clock: ManualClock;
  before(async () => {
    clock = new ManualClock(new Date("2030-03-01T00:00:00Z"));
    t = await startTestApp({ clock });
  });
  after(() => t.close());

  /** Signs in by phone and code the way a person does; the test SMS provider keeps the code. */
  async function signIn(role: "worker" | "employer"): Promise<string> {
    const phone = testPhone();
    assert.equal((await t.request("POST", "/api/auth/codes", { body: { phone } })).statusCode, 200);
    const signedIn = await t.request("POST", "/api/auth/sign-in/phone", {
      body: { phone, code: t.sms.lastCodeFor(phone), role, consent: ACCEPTED_CONSENT },
    });
    assert.equal(signedIn.statusCode, 200, signedIn.body);
    return signedIn.json().token;
  }

  async function ok(response: Promise<Response>, status = 200) {
    const res = await response;
    assert.equal(res.statusCode, status, res.body);
    return res.json();
  }

  it("post, apply, accept, confirm, check in, check out, approve, pay, confirm, rate", async () => {
    const boss = await signIn("employer");
    const me = { as: boss };
    await ok(
      t.request("PUT", "/api/employers/me", {
        ...me,
        body: {
          kind: "individual",
          name: "王记家政",
          contactName: "王老板",
          districtCode: RUNZHOU.districtCode,
        },
      }),
    );
    const worker = await signIn("worker");
    const profile = {
      name: "赵阿姨",
      birthYear: 1968,
      categoryCodes: ["cleaning"],
      districtCodes: [RUNZHOU.districtCode],
    };
    await ok(t.request("PUT", "/api/workers/me/profile", { as: worker, body: profile }));

    const gig = await ok(
      t.request("POST", "/api/gigs", { ...me, body: gigBody(t, { headcount: 2 }, 24, 8) }),
      201,
    );
    const startsAt = new Date(gig.startsAt);
    const at = (minutes: number) => clock.set(new Date(startsAt.getTime() + minutes * 60_000));
    const application = await ok(
      t.request("POST", `/api/gigs/${gig.id}/applications`, {
        as: worker,
        body: { message: "干过十年保洁" },
      }),
      201,
    );
    const booking = await ok(t.request("POST", `/api/applications/${application.id}/accept`, me));
    assert.equal(booking.status, "booked");
    const confirmed = await ok(t.request("POST", `/api/bookings/${booking.id}/confirm`, { as: worker }));
    assert.equal(confirmed.status, "confirmed");

    at(-15);
    const nearby = { lat: RUNZHOU.lat + 0.001, lng: RUNZHOU.lng, accuracyM: 15 };
    const checkedIn = await ok(
      t.request("POST", `/api/bookings/${booking.id}/check-in`, { as: worker, body: nearby }),
    );
    assert.equal(checkedIn.status, "checked_in");
    assert.equal(checkedIn.checkInMethod, "location");
    assert.equal(checkedIn.checkInDistanceM, 111);
    const attendance = await ok(t.request("GET", `/api/gigs/${gig.id}/attendance`, me));
    assert.equal(attendance.entries[0].minutesLate, 0);

    at(8 * 60 + 5);
    const out = await ok(
      t.request("POST", `/api/bookings/${booking.id}/check-out`, { as: worker, body: {} }),
    );
    assert.equal(out.timesheet.measuredMinutes, 485);

    const approved = await ok(
      t.request("POST", `/api/bookings/${booking.id}/timesheet/approve`, { ...me, body: {} }),
    );
    assert.equal(approved.status, "completed");
    assert.equal(approved.timesheet.amountDueFen, 200_00);

    const payment = await ok(
      t.request("POST", `/api/bookings/${booking.id}/payments`, {
        ...me,
        body: { amountFen: 200_00, method: "wechat", paidAt: clock.now().toISOString() },
      }),
      201,
    );
    const received = await ok(t.request("POST", `/api/payments/${payment.id}/confirm`, { as: worker }));
    assert.equal(received.status, "confirmed");

    const workerRates = { stars: 5, tags: ["按时结算", "态度友善"], comment: "老板人好，当天结清" };
    await ok(
      t.request("POST", `/api/bookings/${booking.id}/ratings`, { as: worker, body: workerRates }),
      201,
    );
    const again = await t.request("POST", `/api/bookings/${booking.id}/ratings`, {
      as: worker,
      body: workerRates,
    });
    assert.equal(code(again), "already_rated");
    const wrongSide = { stars: 4, tags: ["按时结算"] };
    assert.equal(
      code(await t.request("POST", `/api/bookings/${booking.id}/ratings`, { ...me, body: wrongSide })),
      "unknown_rating_tag",
    );
    await ok(
      t.request("POST", `/api/bookings/${booking.id}/ratings`, {
        ...me,
        body: { stars: 4, tags: ["准时", "认真负责"] },
      }),
      201,
    );

    // The final state, as each side and the bureau sees it.
    assert.equal((await sweep(t.ctx)).gigsClosed >= 1, true);
    const closed = await ok(t.request("GET", `/api/gigs/${gig.id}`, me));
    assert.equal(closed.status, "closed");
    assert.equal(closed.filledCount, 1);
    const mine = await ok(t.request("GET", "/api/workers/me/profile", { as: worker }));
    assert.deepEqual(
      [mine.completedCount, mine.noShowCount, mine.ratingCount, mine.ratingAverage],
      [1, 0, 1, 4],
    );
    const [employerRow] = await t.ctx.database.db
      .select()
      .from(employers)
      .where(eq(employers.id, booking.employerId));
    assert.deepEqual([employerRow.ratingSum, employerRow.ratingCount], [5, 1]);
    const earnings = await ok(t.request("GET", "/api/workers/me/earnings", { as: worker }));
    assert.equal(earnings.items[0].status, "confirmed");
    assert.equal(earnings.items[0].employerName, "王记家政");
    assert.deepEqual(earnings.totals, {
      dueFen: 200_00,
      paidFen: 200_00,
      confirmedFen: 200_00,
      outstandingFen: 0,
    });
    const ratings = await ok(t.request("GET", "/api/me/ratings", { as: worker }));
    assert.equal(ratings.received[0].stars, 4);
    assert.deepEqual(ratings.givenBookingIds, [booking.id]);
    assert.deepEqual(ratings.toRate, []);
  });

  it("when the phone puts the worker 2 km away, the employer's on-site code gets them in", async () => {
    const shift = await bookedShift(t, clock);
    shift.at(3);
    const url = `/api/bookings/${shift.bookingId}/check-in`;
    const far = await t.request("POST", url, { as: shift.who.token, body: TWO_KM_AWAY });
    assert.equal(code(far), "too_far_from_gig");
    const attendance = await ok(
      t.request("GET", `/api/gigs/${shift.gigId}/attendance`, { as: shift.boss.token }),
    );
    const byCode = await ok(
      t.request("POST", url, { as: shift.who.token, body: { ...TWO_KM_AWAY, code: attendance.checkInCode } }),
    );
    assert.equal(byCode.checkInMethod, "code");
    const after = await ok(t.request("GET", `/api/gigs/${shift.gigId}/attendance`, { as: shift.boss.token }));
    assert.equal(after.entries[0].minutesLate, 3);
  });

  it("a disputed timesheet is mediated by the station and paid as resolved", async () => {
    const shift = await workedShift(t, clock, { payUnit: "hour", payFen: 25_00, hours: 8 });
    const base = `/api/bookings/${shift.bookingId}/timesheet`;
    const cut = { approvedMinutes: 360, note: "午休两小时不计" };
    assert.equal(
      (await ok(t.request("POST", `${base}/approve`, { as: shift.boss.token, body: cut }))).timesheet
        .amountDueFen,
      150_00,
    );
    await ok(
      t.request("POST", `${base}/dispute`, { as: shift.who.token, body: { reason: "午休只有一小时" } }),
    );
    const staff = await stationStaff(t);
    const resolved = await ok(
      t.request("POST", `${base}/resolve`, {
        as: staff.token,
        body: { approvedMinutes: 420, note: "驿站调解：双方同意按7小时计" },
      }),
    );
    assert.equal(resolved.timesheet.status, "resolved");
    assert.equal(resolved.timesheet.amountDueFen, 175_00);
    const paid = await ok(
      t.request("POST", `/api/bookings/${shift.bookingId}/payments`, {
        as: shift.boss.token,
        body: { amountFen: 175_00, method: "cash", paidAt: clock.now().toISOString() },
      }),
      201,
    );
    await ok(t.request("POST", `/api/payments/${paid.id}/confirm`, { as: shift.who.token }));
    const earnings = await ok(t.request("GET", "/api/workers/me/earnings", { as: shift.who.token }));
    assert.equal(earnings.items[0].status, "confirmed");
    assert.equal(earnings.totals.confirmedFen, 175_00);
  });

  it("a payment the worker disputes counts for nothing until it is made good", async () => {
    const shift = await workedShift(t, clock);
    await ok(
      t.request("POST", `/api/bookings/${shift.bookingId}/timesheet/approve`, {
        as: shift.boss.token,
        body: {},
      }),
    );
    const record = (amountFen: number) =>
      ok(
        t.request("POST", `/api/bookings/${shift.bookingId}/payments`, {
          as: shift.boss.token,
          body: { amountFen, method: "alipay", paidAt: clock.now().toISOString() },
        }),
        201,
      );
    const first = await record(200_00);
    await ok(
      t.request("POST", `/api/payments/${first.id}/dispute`, {
        as: shift.who.token,
        body: { reason: "只到账100元" },
      }),
    );
    const payables = await ok(t.request("GET", "/api/employers/me/payables", { as: shift.boss.token }));
    assert.deepEqual([payables.items[0].status, payables.items[0].outstandingFen], ["disputed", 200_00]);
    const topUp = await record(100_00);
    await ok(t.request("POST", `/api/payments/${topUp.id}/confirm`, { as: shift.who.token }));
    const earnings = await ok(t.request("GET", "/api/workers/me/earnings", { as: shift.who.token }));
    assert.equal(earnings.items[0].status, "disputed");
    assert.equal(earnings.items[0].paidFen, 100_00);
  });

  it("either side may cancel before check-in, and the place opens again", async () => {
    const first = await bookedShift(t, clock, { headcount: 2 });
    const second = await bookedShift(t, clock, { onGigOf: first });
    const gig = async () => ok(t.request("GET", `/api/gigs/${first.gigId}`, { as: first.boss.token }));
    assert.equal((await gig()).filledCount, 2);
    const byWorker = await ok(
      t.request("POST", `/api/bookings/${first.bookingId}/cancel`, {
        as: first.who.token,
        body: { reasonCode: "sick" },
      }),
    );
    assert.deepEqual(
      [byWorker.status, byWorker.cancelledBy, byWorker.lateCancel],
      ["cancelled", "worker", false],
    );
    const byEmployer = await ok(
      t.request("POST", `/api/bookings/${second.bookingId}/cancel`, {
        as: first.boss.token,
        body: { reasonCode: "weather" },
      }),
    );
    assert.equal(byEmployer.cancelledBy, "employer");
    assert.deepEqual([(await gig()).filledCount, (await gig()).status], [0, "open"]);
    first.at(0);
    const late = await t.request("POST", `/api/bookings/${first.bookingId}/check-in`, {
      as: first.who.token,
      body: { code: first.checkInCode },
    });
    assert.equal(code(late), "not_checkable_in");
  });

  it("a worker who does not come is a no-show: marked by the employer after the grace, or by the sweeper at the end", async () => {
    const first = await bookedShift(t, clock, { headcount: 2 });
    const second = await bookedShift(t, clock, { onGigOf: first });
    first.at(10);
    const early = await t.request("POST", `/api/bookings/${first.bookingId}/no-show`, {
      as: first.boss.token,
    });
    assert.equal(code(early), "no_show_too_early");
    first.at(31);
    const marked = await ok(
      t.request("POST", `/api/bookings/${first.bookingId}/no-show`, { as: first.boss.token }),
    );
    assert.equal(marked.status, "no_show");

    first.at(8 * 60);
    const report = await sweep(t.ctx);
    assert.equal(report.noShows >= 1, true);
    const swept = await ok(t.request("GET", `/api/bookings/${second.bookingId}`, { as: second.boss.token }));
    assert.equal(swept.status, "no_show");
    const counts = await t.ctx.database.db
      .select({ noShows: workerProfiles.noShowCount })
      .from(workerProfiles)
      .where(eq(workerProfiles.userId, second.who.userId));
    assert.equal(counts[0].noShows, 1);
    const gig = await ok(t.request("GET", `/api/gigs/${first.gigId}`, { as: first.boss.token }));
    assert.deepEqual([gig.filledCount, gig.status], [0, "closed"]);
  });
});
