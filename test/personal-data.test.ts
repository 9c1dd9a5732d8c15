/**
 * Personal data (a full phone number, an ID number, an exact home) reaches staff only through
 * the audited path (src/privacy/disclosure.ts): every staff view that shows it in full leaves a
 * personal-data row in the audit log. The people who need it see it without one: the worker
 * herself, and the employer while her booking holds a place; nobody else sees it at all.
 * (An ID number is not kept in full at all, decision 0012: only its masked form can be shown.)
 */
import assert from "node:assert/strict";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { eq, sql } from "drizzle-orm";
import { auditLog, workerProfiles } from "../src/db/schema/index.ts";
import { ManualClock } from "../src/platform/clock.ts";
import { startTestApp, type TestApp } from "./support/app.ts";
import { type Actor, employer, JINGKOU, stationStaff } from "./support/market-fixtures.ts";
import { type BookedShift, bookedShift } from "./support/shift-fixtures.ts";

const HOME = { homeLat: 32.2034567, homeLng: 119.4456789 };

describe("staff views of personal data", () => {
  let t: TestApp;
  let clock: ManualClock;
  let shift: BookedShift;
  let staff: Actor;
  let districtAdmin: Actor;
  let cityAdmin: Actor;
  let complaintId: string;

  before(async () => {
    clock = new ManualClock(new Date("2030-03-01T02:00:00Z"));
    t = await startTestApp({ clock });
    shift = await bookedShift(t, clock);
    await t.ctx.database.db
      .update(workerProfiles)
      .set({ idNumberMasked: "3211**********123X", districtCodes: ["321111"], ...HOME })
      .where(eq(workerProfiles.userId, shift.who.userId));
    staff = await stationStaff(t);
    districtAdmin = await t.tokenFor("district_admin", { districtCode: "321111" });
    cityAdmin = await t.tokenFor("city_admin");
    const filed = await t.request("POST", "/api/complaints", {
      as: shift.who.token,
      body: { kind: "abuse", bookingId: shift.bookingId, description: "现场管理人员辱骂工人" },
    });
    assert.equal(filed.statusCode, 201, filed.body);
    complaintId = filed.json().id;
  });
  after(() => t.close());

  const personalViews = async () =>
    (
      await t.ctx.database.db
        .select({ n: sql<number>`count(*)::int` })
        .from(auditLog)
        .where(eq(auditLog.personalData, true))
    )[0].n;

  /** What in a body would be the worker's personal data in full. */
  const revealed = (body: string) =>
    [shift.who.phone, String(HOME.homeLat), String(HOME.homeLng)].filter((v) => body.includes(v));

  const staffViews = () =>
    [
      [staff, "GET", `/api/bookings/${shift.bookingId}`],
      [staff, "GET", `/api/complaints/${complaintId}`],
      [staff, "POST", `/api/complaints/${complaintId}/assign`],
      [staff, "GET", "/api/complaints"],
      [staff, "GET", `/api/workers/${shift.who.userId}/contact`],
      [staff, "GET", `/api/gigs/${shift.gigId}`],
      [staff, "GET", `/api/gigs/${shift.gigId}/attendance`],
      [staff, "GET", `/api/gigs/${shift.gigId}/recommended-workers`],
      [staff, "GET", `/api/gigs/${shift.gigId}/slip`],
      [staff, "GET", "/api/stations/mine/service-records"],
      [staff, "GET", `/api/stations/employers?q=${encodeURIComponent("镇江")}`],
      [staff, "POST", "/api/dispatches/preview", { maxKm: 50 }],
      [districtAdmin, "GET", `/api/bookings/${shift.bookingId}`],
      [districtAdmin, "GET", "/api/admin/staff"],
      [districtAdmin, "GET", "/api/audit"],
      [cityAdmin, "GET", "/api/monitoring/drill/seekers"],
      [cityAdmin, "GET", "/api/monitoring/drill/complaints"],
      [cityAdmin, "GET", `/api/complaints/${complaintId}`],
    ] as const;

  it("no staff view shows a worker's phone, ID number or home in full without an audit row", async () => {
    for (const [who, method, url, body] of staffViews()) {
      const before = await personalViews();
      const response = await t.request(method, url, { as: who.token, body });
      assert.ok(response.statusCode < 500, `${method} ${url}: ${response.body}`);
      const shown = revealed(response.body);
      if (shown.length > 0) {
        assert.ok((await personalViews()) > before, `${method} ${url} showed ${shown.join(", ")} unaudited`);
      }
    }
  });

  it("staff of the gig's district see the booked worker's number, and the view is audited", async () => {
    for (const [who, url] of [
      [staff, `/api/bookings/${shift.bookingId}`],
      [staff, `/api/complaints/${complaintId}`],
      [staff, `/api/workers/${shift.who.userId}/contact`],
      [cityAdmin, `/api/bookings/${shift.bookingId}`],
    ] as const) {
      const before = await personalViews();
      const response = await t.request("GET", url, { as: who.token });
      assert.equal(response.statusCode, 200, response.body);
      assert.ok(response.body.includes(shift.who.phone), url);
      assert.equal(await personalViews(), before + 1, `${url} leaves one personal-data row`);
    }
    const [row] = await t.ctx.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, "booking.viewed"))
      .limit(1);
    assert.equal(row.subjectId, shift.bookingId);
    assert.deepEqual(row.detail, { fields: ["name", "phone"] });
  });

  it("staff of another district learn nothing of the booking", async () => {
    const elsewhere = await stationStaff(t, JINGKOU.districtCode);
    const before = await personalViews();
    const response = await t.request("GET", `/api/bookings/${shift.bookingId}`, { as: elsewhere.token });
    assert.equal(response.statusCode, 404);
    assert.equal(response.json().error.code, "booking_not_found");
    assert.equal(await personalViews(), before);
  });

  it("the worker and her employer see the number without an audit row, and nothing more", async () => {
    const before = await personalViews();
    for (const who of [shift.who, shift.boss]) {
      const response = await t.request("GET", `/api/bookings/${shift.bookingId}`, { as: who.token });
      assert.equal(response.statusCode, 200, response.body);
      assert.equal(response.json().workerPhone, shift.who.phone);
      assert.deepEqual(revealed(response.body), [shift.who.phone], "no ID number, no home");
    }
    assert.equal(await personalViews(), before);
    const stranger = await employer(t, "润州另一家公司");
    const refused = await t.request("GET", `/api/bookings/${shift.bookingId}`, { as: stranger.token });
    assert.equal(refused.statusCode, 404);
    assert.deepEqual(revealed(refused.body), []);
  });

  it("once the booking is cancelled, the employer and staff see the number masked, unaudited", async () => {
    const cancelled = await t.request("POST", `/api/bookings/${shift.bookingId}/cancel`, {
      as: shift.who.token,
      body: { reasonCode: "schedule_conflict" },
    });
    assert.equal(cancelled.statusCode, 200, cancelled.body);
    const before = await personalViews();
    for (const who of [shift.boss, staff]) {
      const response = await t.request("GET", `/api/bookings/${shift.bookingId}`, { as: who.token });
      assert.equal(response.statusCode, 200, response.body);
      assert.match(response.json().workerPhone, /^1\d{2}\*{4}\d{4}$/);
    }
    assert.equal(await personalViews(), before);
  });

  it("the audit rows for personal data are written in one place only", () => {
    const sources: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const full = path.join(dir, name);
        if (statSync(full).isDirectory()) walk(full);
        else if (name.endsWith(".ts") && !name.endsWith(".test.ts")) sources.push(full);
      }
    };
    walk("src");
    const writers = sources.filter((file) => /personalData:\s*true/.test(readFileSync(file, "utf8")));
    assert.deepEqual(writers, [path.join("src", "privacy", "disclosure.ts")]);
  });
});
