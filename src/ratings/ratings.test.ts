import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { eq } from "drizzle-orm";
import { startTestApp, type TestApp } from "../../test/support/app.ts";
import { employer, worker } from "../../test/support/market-fixtures.ts";
import { bookedShift, workedShift } from "../../test/support/shift-fixtures.ts";
import { employers, workerProfiles } from "../db/schema/index.ts";
import { ManualClock } from "../platform/clock.ts";

describe("ratings after a shift", () => {
  let t: TestApp;
  let clock: ManualClock;
  before(async () => {
    clock = new ManualClock(new Date("2030-03-04T00:00:00Z"));
    t = await startTestApp({ clock });
  });
  after(() => t.close());

  const rate = (bookingId: string, token: string, body: unknown) =>
    t.request("POST", `/api/bookings/${bookingId}/ratings`, { as: token, body });
  const code = (response: { json(): { error: { code: string } } }) => response.json().error.code;

  it("each side rates the other once, and the rated side's totals move", async () => {
    const shift = await workedShift(t, clock);
    const byWorker = await rate(shift.bookingId, shift.who.token, {
      stars: 5,
      tags: ["按时结算", "态度友善"],
    });
    assert.equal(byWorker.statusCode, 201, byWorker.body);
    assert.equal(byWorker.json().direction, "worker_to_employer");
    const byEmployer = await rate(shift.bookingId, shift.boss.token, {
      stars: 4,
      tags: ["准时"],
      comment: "干活麻利",
    });
    assert.equal(byEmployer.json().direction, "employer_to_worker");

    const again = await rate(shift.bookingId, shift.who.token, { stars: 1, tags: [] });
    assert.equal(again.statusCode, 409);
    assert.equal(code(again), "already_rated");

    const [boss] = await t.ctx.database.db
      .select()
      .from(employers)
      .where(eq(employers.id, shift.boss.employerId));
    assert.deepEqual([boss.ratingSum, boss.ratingCount], [5, 1]);
    const [me] = await t.ctx.database.db
      .select()
      .from(workerProfiles)
      .where(eq(workerProfiles.userId, shift.who.userId));
    assert.deepEqual([me.ratingSum, me.ratingCount], [4, 1]);
  });

  it("refuses a tag from the other side's list, and stars outside 1 to 5", async () => {
    const shift = await workedShift(t, clock);
    const wrongTag = await rate(shift.bookingId, shift.who.token, { stars: 4, tags: ["准时"] });
    assert.equal(wrongTag.statusCode, 400);
    assert.equal(code(wrongTag), "unknown_rating_tag");
    assert.match(wrongTag.json().error.message, /准时/);
    const sixStars = await rate(shift.bookingId, shift.who.token, { stars: 6, tags: [] });
    assert.equal(code(sixStars), "invalid_request");
  });

  it("opens only after check-out, and only to the booking's two sides", async () => {
    const shift = await bookedShift(t, clock);
    const early = await rate(shift.bookingId, shift.who.token, { stars: 5, tags: [] });
    assert.equal(code(early), "rating_not_open_yet");
    const stranger = await worker(t);
    assert.equal(
      code(await rate(shift.bookingId, stranger.token, { stars: 1, tags: [] })),
      "booking_not_found",
    );
    const otherBoss = await employer(t, "别家物业");
    assert.equal(
      code(await rate(shift.bookingId, otherBoss.token, { stars: 1, tags: [] })),
      "booking_not_found",
    );
  });

  it("lists what I received, what I gave and what is still to rate", async () => {
    const shift = await workedShift(t, clock);
    const before = (await t.request("GET", "/api/me/ratings", { as: shift.who.token })).json();
    assert.deepEqual(
      before.toRate.map((b: { bookingId: string }) => b.bookingId),
      [shift.bookingId],
    );
    await rate(shift.bookingId, shift.who.token, { stars: 3, tags: ["与描述不符"] });
    await rate(shift.bookingId, shift.boss.token, { stars: 5, tags: ["技术好"] });

    const mine = (await t.request("GET", "/api/me/ratings", { as: shift.who.token })).json();
    assert.deepEqual(mine.toRate, []);
    assert.deepEqual(mine.givenBookingIds, [shift.bookingId]);
    assert.equal(mine.given[0].otherPartyName, "镇江好帮手保洁有限公司");
    assert.equal(mine.received[0].stars, 5);
    assert.deepEqual(mine.received[0].tags, ["技术好"]);
    assert.equal(mine.average, 5);

    const theirs = (await t.request("GET", "/api/me/ratings", { as: shift.boss.token })).json();
    assert.equal(theirs.received[0].otherPartyName, "李师傅");
    assert.equal(theirs.received[0].stars, 3);
  });

  it("publishes the tag list of each direction", async () => {
    const list = (await t.request("GET", "/api/ratings/tags")).json();
    const names = (direction: string) =>
      list
        .filter((tag: { direction: string }) => tag.direction === direction)
        .map((tag: { nameZh: string }) => tag.nameZh);
    assert.deepEqual(names("worker_to_employer"), [
      "按时结算",
      "工作环境好",
      "态度友善",
      "与描述不符",
      "拖欠工资",
    ]);
    assert.deepEqual(names("employer_to_worker"), ["准时", "认真负责", "技术好", "迟到", "态度差"]);
  });
});
