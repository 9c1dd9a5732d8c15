import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { eq } from "drizzle-orm";
import { startTestApp, type TestApp } from "../../test/support/app.ts";
import { enrolledDevice, stationOf } from "../../test/support/device-fixtures.ts";
import { employer, JINGKOU, postedGig, stationStaff } from "../../test/support/market-fixtures.ts";
import { consentRecords, stations, workerProfiles } from "../db/schema/index.ts";
import { ManualClock } from "../platform/clock.ts";

describe("the self-service terminal (自助服务终端)", () => {
  let t: TestApp;
  let staff: { token: string; userId: string };
  let stationId: string;
  let terminal: string;
  let screen: string;

  before(async () => {
    // 08:30 in Shanghai.
    t = await startTestApp({ clock: new ManualClock(new Date("2030-03-02T00:30:00Z")) });
    staff = await stationStaff(t);
    stationId = await stationOf(t, staff.userId);
    terminal = (await enrolledDevice(t, staff.token, stationId, "terminal")).token;
    screen = (await enrolledDevice(t, staff.token, stationId, "screen")).token;
  });
  after(() => t.close());

  const asDevice = (method: "GET" | "POST", url: string, token = terminal, body?: unknown) =>
    t.app.inject({
      method,
      url,
      payload: body as string | undefined,
      headers: { authorization: `Device ${token}` },
    });

  it("lists today's and tomorrow's gigs near the station by the category picked", async () => {
    const boss = await employer(t);
    const today = await postedGig(t, boss, { title: "今天保洁" }, 2);
    const tomorrow = await postedGig(t, boss, { title: "明天搬运", categoryCode: "loading" }, 26);
    const ids = async (query: string) =>
      ((await asDevice("GET", `/api/devices/self/gigs${query}`)).json().items as Array<{ id: string }>).map(
        (g) => g.id,
      );
    assert.deepEqual(await ids("?day=today"), [today]);
    assert.deepEqual(await ids("?day=tomorrow"), [tomorrow]);
    assert.deepEqual(await ids("?day=tomorrow&category=cleaning"), []);
    const onScreen = await asDevice("GET", "/api/devices/self/gigs", screen);
    assert.equal(onScreen.statusCode, 403, "a screen is not a terminal");
  });

  it("numbers queue slips per station and day; the station's console lists them, another district's cannot", async () => {
    const first = await asDevice("POST", "/api/devices/self/queue-slips", terminal, {
      categoryCode: "cleaning",
    });
    assert.equal(first.statusCode, 201, first.body);
    const second = await asDevice("POST", "/api/devices/self/queue-slips", terminal, {});
    assert.deepEqual([first.json().number, second.json().number], [1, 2]);
    const listed = await t.request("GET", `/api/devices/queue-slips?stationId=${stationId}`, {
      as: staff.token,
    });
    assert.equal(listed.statusCode, 200, listed.body);
    assert.deepEqual(
      listed.json().map((s: { number: number; categoryCode: string | null }) => [s.number, s.categoryCode]),
      [
        [1, "cleaning"],
        [2, null],
      ],
    );
    // The counter is told of each one in its notification centre, once, with the number and the work.
    const heard = (await t.request("GET", "/api/notifications", { as: staff.token })).json().items as Array<{
      kind: string;
      title: string;
      body: string;
    }>;
    const queued = heard.filter((n) => n.kind === "walk_in_queued");
    assert.deepEqual(queued.map((n) => n.title).sort(), ["1号在等候", "2号在等候"]);
    assert.ok(queued.some((n) => n.body.includes("保洁")));
    assert.ok(queued.some((n) => n.body.includes("不限工种")));
    const other = await stationStaff(t, JINGKOU.districtCode);
    const refused = await t.request("GET", `/api/devices/queue-slips?stationId=${stationId}`, {
      as: other.token,
    });
    assert.equal(refused.statusCode, 403);
  });

  it("counts terminal use per station and day for the district's admin", async () => {
    await asDevice("POST", "/api/devices/self/uses", terminal, { kind: "session" });
    await asDevice("POST", "/api/devices/self/uses", terminal, { kind: "session" });
    await asDevice("POST", "/api/devices/self/uses", terminal, { kind: "slip_printed" });
    const admin = await t.tokenFor("district_admin", { districtCode: "321111" });
    const use = await t.request("GET", "/api/devices/use?from=2030-03-01&to=2030-03-02", { as: admin.token });
    assert.equal(use.statusCode, 200, use.body);
    const [row] = use.json();
    assert.equal(row.stationId, stationId);
    assert.equal(row.day, "2030-03-02");
    assert.deepEqual([row.sessions, row.slipsPrinted, row.queueSlips, row.applications], [2, 1, 2, 0]);
    const jingkouAdmin = await t.tokenFor("district_admin", { districtCode: JINGKOU.districtCode });
    const theirs = await t.request("GET", "/api/devices/use?from=2030-03-01&to=2030-03-02", {
      as: jingkouAdmin.token,
    });
    assert.deepEqual(theirs.json(), []);
    const asStaff = await t.request("GET", "/api/devices/use?from=2030-03-01&to=2030-03-02", {
      as: staff.token,
    });
    assert.equal(asStaff.statusCode, 403);
  });

  it("registers a worker by phone + SMS code with consent for the kiosk channel, applies and gives the slip", async () => {
    const phone = "13952800011";
    const person = (method: "POST", url: string, token: string, body: unknown = {}) =>
      t.app.inject({
        method,
        url,
        payload: body as string,
        headers: { authorization: `Device ${terminal}`, "x-person-token": token },
      });
    const sent = await t.request("POST", "/api/auth/codes", { body: { phone } });
    assert.equal(sent.statusCode, 200, sent.body);
    const code = t.sms.lastCodeFor(phone) as string;
    const versions = (await t.request("GET", "/api/legal/current")).json();
    const withoutConsent = await asDevice("POST", "/api/devices/self/sign-in", terminal, {
      phone,
      code,
      role: "worker",
    });
    assert.equal(withoutConsent.json().error.code, "consent_required");
    const onScreen = await asDevice("POST", "/api/devices/self/sign-in", screen, {
      phone,
      code,
      role: "worker",
    });
    assert.equal(onScreen.statusCode, 403, "a screen signs no one in");
    const signedIn = await asDevice("POST", "/api/devices/self/sign-in", terminal, {
      phone,
      code,
      role: "worker",
      consent: { termsVersion: versions.termsVersion, privacyVersion: versions.privacyVersion },
    });
    assert.equal(signedIn.statusCode, 200, signedIn.body);
    const { personToken, hasWorkerProfile, expiresAt } = signedIn.json();
    assert.equal(hasWorkerProfile, false);
    assert.ok(new Date(expiresAt).getTime() - t.ctx.clock.now().getTime() <= 20 * 60_000, "a short session");
    assert.equal(signedIn.headers["set-cookie"], undefined, "no cookie on the terminal");
    const [consent] = await t.ctx.database.db
      .select()
      .from(consentRecords)
      .where(eq(consentRecords.channel, "kiosk"));
    assert.equal(consent.termsVersion, versions.termsVersion);

    const boss = await employer(t, "京口便民搬家");
    const gigId = await postedGig(t, boss, { title: "仓库分拣" }, 3);
    const beforeProfile = await person("POST", "/api/devices/self/applications", personToken, { gigId });
    assert.equal(beforeProfile.json().error.code, "worker_profile_required");
    const profile = await person("POST", "/api/devices/self/worker-profile", personToken, {
      name: "王阿姨",
      categoryCodes: ["cleaning"],
    });
    assert.equal(profile.statusCode, 200, profile.body);
    const [home] = await t.ctx.database.db
      .select({ lat: workerProfiles.homeLat, stationLat: stations.lat })
      .from(workerProfiles)
      .innerJoin(stations, eq(stations.id, stationId))
      .where(eq(workerProfiles.name, "王阿姨"));
    assert.equal(home.lat, home.stationLat, "her home is the station's point until she says otherwise");
    const applied = await person("POST", "/api/devices/self/applications", personToken, { gigId });
    assert.equal(applied.statusCode, 201, applied.body);
    const slip = applied.json();
    assert.equal(slip.title, "仓库分拣");
    assert.match(slip.employerPhone, /^1\d{2}\*{4}\d{4}$/);
    assert.equal(slip.stationName.length > 0, true);
    const noToken = await asDevice("POST", "/api/devices/self/applications", terminal, { gigId });
    assert.equal(noToken.statusCode, 401);
    const asEmployer = await person("POST", "/api/devices/self/applications", boss.token, { gigId });
    assert.equal(asEmployer.json().error.code, "person_role_wrong");

    const admin = await t.tokenFor("district_admin", { districtCode: "321111" });
    const [row] = (
      await t.request("GET", "/api/devices/use?from=2030-03-01&to=2030-03-02", { as: admin.token })
    ).json();
    assert.equal(row.applications, 1);
    const [district] = (
      await t.request("GET", "/api/devices/use/districts?from=2030-03-01&to=2030-03-02", { as: admin.token })
    ).json();
    assert.deepEqual(
      [district.districtCode, district.day, district.stations, district.sessions, district.applications],
      [row.districtCode, "2030-03-02", 1, row.sessions, 1],
    );
    assert.equal(district.districtName, row.districtName);
    assert.ok(district.districtName.length > 0);
    const byStaff = await t.request("GET", "/api/devices/use/districts?from=2030-03-01&to=2030-03-02", {
      as: staff.token,
    });
    assert.equal(byStaff.statusCode, 403, "station staff do not see the district's figures");

    assert.equal((await person("POST", "/api/devices/self/sign-out", personToken)).statusCode, 200);
    const after = await person("POST", "/api/devices/self/applications", personToken, { gigId });
    assert.equal(after.statusCode, 401, "the session ends with the visit");
  });
  it("lets an employer without a computer post a gig by choices, screened as any post, and gives the slip", async () => {
    const phone = "13952800022";
    const person = (url: string, token: string, body: unknown = {}) =>
      t.app.inject({
        method: "POST",
        url,
        payload: body as string,
        headers: { authorization: `Device ${terminal}`, "x-person-token": token },
      });
    await t.request("POST", "/api/auth/codes", { body: { phone } });
    const versions = (await t.request("GET", "/api/legal/current")).json();
    const signedIn = await asDevice("POST", "/api/devices/self/sign-in", terminal, {
      phone,
      code: t.sms.lastCodeFor(phone),
      role: "employer",
      consent: { termsVersion: versions.termsVersion, privacyVersion: versions.privacyVersion },
    });
    assert.equal(signedIn.statusCode, 200, signedIn.body);
    const { personToken, hasEmployerProfile } = signedIn.json();
    assert.equal(hasEmployerProfile, false);
    const gig = {
      categoryCode: "cleaning",
      dayOffset: 1,
      startHour: 8,
      hours: 4,
      headcount: 2,
      payFen: 20_000,
      payUnit: "day",
      settlement: "same_day",
      street: "南徐大道88号",
    };
    const early = await person("/api/devices/self/gigs", personToken, gig);
    assert.equal(early.json().error.code, "employer_profile_required");
    const badCode = await person("/api/devices/self/employer-profile", personToken, {
      kind: "enterprise",
      name: "润州小饭店",
      creditCode: "91321100MA1XXXXXX0",
    });
    assert.equal(badCode.json().error.code, "credit_code_invalid");
    const profile = await person("/api/devices/self/employer-profile", personToken, {
      kind: "individual",
      name: "王女士",
    });
    assert.equal(profile.statusCode, 200, profile.body);

    const fee = await person("/api/devices/self/gigs", personToken, {
      ...gig,
      street: "南徐大道88号先交押金200元",
    });
    assert.equal(fee.json().error.code, "upfront_fee_forbidden", "the typed street is screened too");
    const yesterday = await person("/api/devices/self/gigs", personToken, {
      ...gig,
      dayOffset: 0,
      startHour: 6,
    });
    assert.equal(yesterday.json().error.code, "gig_starts_in_past", "08:30 now: 06:00 today has begun");

    const posted = await person("/api/devices/self/gigs", personToken, gig);
    assert.equal(posted.statusCode, 201, posted.body);
    const slip = posted.json();
    assert.equal(slip.title, "招保洁");
    assert.equal(slip.startsAt, "2030-03-03T00:00:00.000Z", "08:00 tomorrow in Shanghai");
    assert.equal(slip.endsAt, "2030-03-03T04:00:00.000Z");
    assert.match(slip.address, /润州区南徐大道88号$/);
    assert.match(slip.checkInCode, /^\d{6}$/);
    assert.equal(slip.employerName, "王女士");
    assert.equal(slip.verification, "unverified");
    assert.equal(slip.precision, "district", "no geocoder here: the pin is the district's centre");

    // The same gig the portal shows, with the same rules: it is open in the station's district.
    const detail = (await t.request("GET", `/api/gigs/${slip.gigId}`)).json();
    assert.equal(detail.district.code, "321111");
    assert.equal(detail.headcount, 2);
    assert.equal(detail.status, "open");
    assert.equal(detail.checkInCode, undefined, "the code is the employer's, not the public's");

    const admin = await t.tokenFor("district_admin", { districtCode: "321111" });
    const [row] = (
      await t.request("GET", "/api/devices/use?from=2030-03-01&to=2030-03-02", { as: admin.token })
    ).json();
    assert.equal(row.gigsPosted, 1);
  });
});
