import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { and, eq, like } from "drizzle-orm";
import { startTestApp, type TestApp, testPhone } from "../../test/support/app.ts";
import { employer, JINGKOU, postedGig, RUNZHOU, stationStaff } from "../../test/support/market-fixtures.ts";
import { startSession } from "../accounts/session.service.ts";
import { auditLog, serviceRecords } from "../db/schema/index.ts";
import { ManualClock } from "../platform/clock.ts";

const NOW = new Date("2030-03-01T00:00:00Z");
const CONSENT = { consentNote: "本人到场口头同意" };

async function eventually<T>(probe: () => Promise<T>, ok: (value: T) => boolean): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    const value = await probe();
    if (ok(value) || attempt === 100) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe("the counter acts for a worker without a smartphone (代办)", () => {
  let t: TestApp;
  const clock = new ManualClock(NOW);
  let staff: { token: string; userId: string };
  let walkInId: string;
  const herPhone = testPhone();

  before(async () => {
    t = await startTestApp({ clock });
    staff = await stationStaff(t, RUNZHOU.districtCode);
    const registered = await t.request("POST", "/api/stations/walk-in-workers", {
      as: staff.token,
      body: {
        phone: herPhone,
        name: "王秀英",
        sex: "female",
        birthYear: 1965,
        categoryCodes: ["cleaning"],
        districtCodes: [RUNZHOU.districtCode],
        expectedDailyPayFen: 180_00,
        verbalConsent: true,
      },
    });
    assert.equal(registered.statusCode, 201, registered.body);
    walkInId = registered.json().userId;
  });
  after(() => t.close());

  const forHer = (path: string, body: unknown = CONSENT, as = staff.token) =>
    t.request("POST", `/api/stations/workers/${walkInId}${path}`, { as, body });

  it("carries her from a recommended gig to confirmed pay, each act recorded with her consent", async () => {
    const boss = await employer(t);
    const gigId = await postedGig(t, boss, { headcount: 2, payFen: 200_00 }, 24, 8);

    const recommended = await eventually(
      () => t.request("GET", `/api/stations/workers/${walkInId}/recommendations?k=5`, { as: staff.token }),
      (r) => r.statusCode === 200 && r.json().some((g: { gigId: string }) => g.gigId === gigId),
    );
    const offered = recommended.json().find((g: { gigId: string }) => g.gigId === gigId);
    assert.ok(offered.reasons.length > 0, "staff can tell her why");

    const applied = await forHer("/applications", { gigId, ...CONSENT });
    assert.equal(applied.statusCode, 201, applied.body);
    const accepted = await t.request("POST", `/api/applications/${applied.json().id}/accept`, {
      as: boss.token,
    });
    assert.equal(accepted.statusCode, 200, accepted.body);
    const bookingId = accepted.json().id;

    const slip = (as: string) =>
      t.request("GET", `/api/gigs/${gigId}/slip?worker=${walkInId}`, { as }).then((r) => r.json());
    const confirmedForHer = await forHer(`/bookings/${bookingId}/confirm`);
    assert.equal(confirmedForHer.statusCode, 200);
    assert.match(confirmedForHer.json().workerPhone, /\*{4}/, "what staff get back masks her number");
    assert.match(confirmedForHer.json().employerPhone, /\*{4}/, "and the employer's");
    const printed = await slip(staff.token);
    assert.deepEqual(printed.worker, { name: "王秀英", booked: true });
    assert.match(printed.employerPhone, /^1[3-9][0-9]{9}$/, "she can call the employer she is booked with");
    const work = await t.request("GET", `/api/stations/workers/${walkInId}/work`, { as: staff.token });
    assert.equal(work.json().bookings[0].status, "confirmed");
    assert.match(work.json().bookings[0].workerPhone, /\*{4}/, "her number stays masked for staff");

    const gig = (await t.request("GET", `/api/gigs/${gigId}`, { as: boss.token })).json();
    clock.set(new Date(new Date(gig.startsAt).getTime() + 5 * 60_000));
    const wrong = await forHer(`/bookings/${bookingId}/check-in`, { code: "000000", ...CONSENT });
    assert.equal(wrong.statusCode, 400);
    const checkedIn = await forHer(`/bookings/${bookingId}/check-in`, { code: gig.checkInCode, ...CONSENT });
    assert.equal(checkedIn.statusCode, 200, checkedIn.body);
    assert.equal(checkedIn.json().checkInMethod, "code");

    clock.set(new Date(gig.endsAt));
    assert.equal((await forHer(`/bookings/${bookingId}/check-out`)).statusCode, 200);
    const approved = await t.request("POST", `/api/bookings/${bookingId}/timesheet/approve`, {
      as: boss.token,
      body: {},
    });
    assert.equal(approved.statusCode, 200, approved.body);
    const paid = await t.request("POST", `/api/bookings/${bookingId}/payments`, {
      as: boss.token,
      body: { amountFen: 200_00, method: "cash", paidAt: clock.now().toISOString() },
    });
    assert.equal(paid.statusCode, 201, paid.body);
    const confirmed = await forHer(`/payments/${paid.json().id}/confirm`);
    assert.equal(confirmed.statusCode, 200, confirmed.body);
    assert.equal(confirmed.json().status, "confirmed");

    const audited = await t.ctx.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.subjectId, walkInId), like(auditLog.action, "on\\_behalf.%")));
    assert.deepEqual(audited.map((a) => a.action).sort(), [
      "on_behalf.apply",
      "on_behalf.check_in",
      "on_behalf.check_out",
      "on_behalf.confirm",
      "on_behalf.confirm_payment",
    ]);
    assert.ok(audited.every((a) => a.actorUserId === staff.userId));
    assert.ok(
      audited.every((a) => (a.detail as { consentNote: string }).consentNote === CONSENT.consentNote),
    );
    const records = await t.ctx.database.db
      .select()
      .from(serviceRecords)
      .where(and(eq(serviceRecords.personUserId, walkInId), eq(serviceRecords.kind, "on_behalf")));
    assert.equal(records.length, 5, "each act is on her record at the station");

    const { token } = await startSession(t.ctx, walkInId);
    const seen = await t.request("GET", "/api/workers/me/acts-on-behalf", { as: token });
    assert.equal(seen.statusCode, 200);
    assert.equal(seen.json().length, 5);
    assert.equal(seen.json()[0].consentNote, CONSENT.consentNote);
  });

  it("a slip for a gig she is not booked on names her but masks the employer's number", async () => {
    const boss = await employer(t, "镇江宝华物业");
    const gigId = await postedGig(t, boss);
    const printed = (
      await t.request("GET", `/api/gigs/${gigId}/slip?worker=${walkInId}`, { as: staff.token })
    ).json();
    assert.equal(printed.worker.booked, false);
    assert.match(printed.employerPhone, /\*{4}/);
  });

  it("a failed act leaves no record behind", async () => {
    const before = await t.ctx.database.db.select().from(auditLog).where(eq(auditLog.subjectId, walkInId));
    const missing = await forHer("/applications", {
      gigId: "00000000-0000-4000-8000-000000000000",
      ...CONSENT,
    });
    assert.equal(missing.statusCode, 404);
    const afterwards = await t.ctx.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.subjectId, walkInId));
    assert.equal(afterwards.length, before.length);
  });

  it("needs her consent noted, and staff of another district cannot act for her", async () => {
    const boss = await employer(t, "润州家政服务部");
    const gigId = await postedGig(t, boss);
    const noConsent = await forHer("/applications", { gigId });
    assert.equal(noConsent.statusCode, 400);
    assert.equal(noConsent.json().error.code, "invalid_request");

    const elsewhere = await stationStaff(t, JINGKOU.districtCode);
    const refused = await forHer("/applications", { gigId, ...CONSENT }, elsewhere.token);
    assert.equal(refused.statusCode, 403);
    assert.equal(refused.json().error.code, "worker_out_of_district");
    const peek = await t.request("GET", `/api/stations/workers/${walkInId}/work`, { as: elsewhere.token });
    assert.equal(peek.json().error.code, "worker_out_of_district");

    const cityAdmin = await t.tokenFor("city_admin");
    assert.equal((await forHer("/applications", { gigId, ...CONSENT }, cityAdmin.token)).statusCode, 403);
  });

  it("finds her by the last four digits of her phone or her name, masked, in the staff's district only", async () => {
    const find = (q: string, as = staff.token) =>
      t.request("GET", `/api/stations/workers?q=${encodeURIComponent(q)}`, { as });
    const byPhone = (await find(herPhone.slice(-4))).json();
    assert.ok(byPhone.some((w: { userId: string }) => w.userId === walkInId));
    const found = (await find("秀英")).json().find((w: { userId: string }) => w.userId === walkInId);
    assert.equal(found.name, "王**");
    assert.match(found.phone, /^1[0-9]{2}\*{4}[0-9]{4}$/);
    assert.equal(found.registeredAtStation, true);
    const elsewhere = await stationStaff(t, JINGKOU.districtCode);
    assert.deepEqual((await find(herPhone, elsewhere.token)).json(), []);
  });

  it("an on-behalf record cannot be typed in by hand", async () => {
    const res = await t.request("POST", "/api/stations/service-records", {
      as: staff.token,
      body: { personUserId: walkInId, kind: "on_behalf", note: "代办" },
    });
    assert.equal(res.json().error.code, "service_kind_reserved");
  });
});
