import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { and, eq } from "drizzle-orm";
import { startTestApp, type TestApp, testPhone } from "../../test/support/app.ts";
import { employer, JINGKOU, postedGig, stationStaff, worker } from "../../test/support/market-fixtures.ts";
import { auditLog, marketEvents, users, workerProfiles } from "../db/schema/index.ts";
import { ManualClock } from "../platform/clock.ts";
import { startOfLocalDay } from "./stations.service.ts";

describe("the station counter (驿站)", () => {
  let t: TestApp;
  let staff: { token: string; userId: string };
  const phone = testPhone();
  let walkInId: string;

  before(async () => {
    t = await startTestApp({ clock: new ManualClock(new Date("2030-03-01T02:00:00Z")) });
    staff = await stationStaff(t);
  });
  after(() => t.close());

  const walkIn = (body: Record<string, unknown> = {}, as = staff.token) =>
    t.request("POST", "/api/stations/walk-in-workers", {
      as,
      body: {
        phone,
        name: "王秀英",
        sex: "female",
        birthYear: 1970,
        categoryCodes: ["cleaning"],
        districtCodes: ["321111"],
        expectedDailyPayFen: 180_00,
        verbalConsent: true,
        note: "没有智能手机，女儿代收短信",
        ...body,
      },
    });

  it("anyone sees the city's stations with address, point and opening hours", async () => {
    const response = await t.request("GET", "/api/stations");
    assert.equal(response.statusCode, 200, response.body);
    const [station] = response.json();
    assert.equal(station.name, "宝塔路零工驿站");
    assert.equal(station.districtName, "润州区");
    assert.equal(typeof station.lat, "number");
  });

  it("staff register a worker without a smartphone; she later signs in by phone and sees her profile", async () => {
    const response = await walkIn();
    assert.equal(response.statusCode, 201, response.body);
    const registered = response.json();
    walkInId = registered.userId;
    assert.equal(registered.newAccount, true);
    assert.match(registered.phone, /^139\*{4}/);

    const db = t.ctx.database.db;
    const [profile] = await db.select().from(workerProfiles).where(eq(workerProfiles.userId, walkInId));
    assert.ok(profile.registeredByStationId, "marked as registered at the station");
    assert.equal(profile.homeLat !== null, true, "her home is the station's point until she says otherwise");
    const events = await db.select().from(marketEvents).where(eq(marketEvents.subjectId, walkInId));
    assert.deepEqual(
      events.map((e) => e.kind),
      ["worker_registered"],
    );
    const audits = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "station.register_worker"), eq(auditLog.subjectId, walkInId)));
    assert.equal(audits.length, 1);

    await t.request("POST", "/api/auth/codes", { body: { phone } });
    const signedIn = await t.request("POST", "/api/auth/sign-in/phone", {
      body: { phone, code: t.sms.lastCodeFor(phone), role: "worker" },
    });
    assert.equal(signedIn.statusCode, 200, signedIn.body);
    assert.equal(signedIn.json().user.id, walkInId);
    assert.equal(signedIn.json().user.hasWorkerProfile, true);
    const mine = await t.request("GET", "/api/workers/me/profile", { as: signedIn.json().token });
    assert.equal(mine.json().name, "王秀英");
    assert.equal(mine.json().expectedDailyPayFen, 180_00);
  });

  it("registering the same phone twice is refused with her masked name", async () => {
    const again = await walkIn({ name: "王秀英" });
    assert.equal(again.statusCode, 409);
    assert.equal(again.json().error.code, "worker_already_registered");
    assert.match(again.json().error.message, /王\*\*/);
  });

  it("the same phone's 409 shows staff the record she has, masked, to open instead", async () => {
    const again = await walkIn({ name: "王秀英" });
    const { existing } = again.json().error.details;
    assert.equal(existing.userId, walkInId);
    assert.equal(existing.matchedBy, "phone");
    assert.equal(existing.name, "王**");
    assert.match(existing.phone, /^139\*{4}\d{4}$/);
    assert.equal(existing.stationName, "宝塔路零工驿站");
  });

  it("an unknown kind of work or a district of another city is refused; a worker cannot use the counter", async () => {
    assert.equal(
      (await walkIn({ phone: testPhone(), categoryCodes: ["astronaut"] })).json().error.code,
      "category_unknown",
    );
    assert.equal(
      (await walkIn({ phone: testPhone(), districtCodes: ["320102"] })).json().error.code,
      "district_unknown",
    );
    const someone = await worker(t);
    assert.equal((await walkIn({ phone: testPhone() }, someone.token)).json().error.code, "forbidden");
  });

  it("services are recorded and counted for today, with names and phones masked", async () => {
    const referral = await t.request("POST", "/api/stations/service-records", {
      as: staff.token,
      body: { personUserId: walkInId, kind: "job_referral", note: "推荐商场保洁岗位" },
    });
    assert.equal(referral.statusCode, 201, referral.body);
    const counselling = await t.request("POST", "/api/stations/service-records", {
      as: staff.token,
      body: { kind: "counselling", note: "来访咨询零工政策" },
    });
    assert.equal(counselling.statusCode, 201);
    const reserved = await t.request("POST", "/api/stations/service-records", {
      as: staff.token,
      body: { kind: "registration", note: "x" },
    });
    assert.equal(reserved.json().error.code, "registration_kind_reserved");

    const services = (
      await t.request("GET", "/api/stations/mine/service-records", { as: staff.token })
    ).json();
    assert.deepEqual(services.today, {
      total: 3,
      byKind: { registration: 1, job_referral: 1, counselling: 1 },
    });
    const withPerson = services.items.find((i: { kind: string }) => i.kind === "job_referral");
    assert.equal(withPerson.personName, "王**");
    assert.match(withPerson.personPhone, /^139\*{4}/);
    const recorded = await t.ctx.database.db
      .select()
      .from(marketEvents)
      .where(eq(marketEvents.kind, "service_recorded"));
    assert.equal(recorded.length, 3);
  });

  it("staff find an employer by name, and print a job slip whose QR code opens the gig's page", async () => {
    const boss = await employer(t, "镇江润扬餐饮管理有限公司");
    const found = (
      await t.request("GET", `/api/stations/employers?q=${encodeURIComponent("润扬")}`, { as: staff.token })
    ).json();
    assert.deepEqual(
      found.map((e: { id: string }) => e.id),
      [boss.employerId],
    );
    const gigId = await postedGig(t, boss);
    const slip = await t.request("GET", `/api/gigs/${gigId}/slip`, { as: staff.token });
    assert.equal(slip.statusCode, 200, slip.body);
    assert.equal(slip.json().employerName, "镇江润扬餐饮管理有限公司");
    assert.match(slip.json().url, new RegExp(`/worker/gigs/${gigId}$`));
    assert.equal(slip.json().station.name, "宝塔路零工驿站");
  });

  it("the slip's QR link uses the configured public address, whatever Host the request names", async () => {
    const gigId = await postedGig(t, await employer(t));
    const forged = await t.app.inject({
      method: "GET",
      url: `/api/gigs/${gigId}/slip`,
      headers: {
        authorization: `Bearer ${staff.token}`,
        host: "evil.example",
        "x-forwarded-host": "evil.example",
      },
    });
    assert.equal(forged.statusCode, 200, forged.body);
    assert.equal(forged.json().url, `${t.ctx.config.publicUrl}/worker/gigs/${gigId}`);
  });

  it("staff of another district register at their own station; staff without a station cannot use the counter", async () => {
    const jingkou = await stationStaff(t, JINGKOU.districtCode);
    assert.equal(
      (await walkIn({ phone: testPhone(), districtCodes: ["321102"] }, jingkou.token)).statusCode,
      201,
    );
    const loose = await t.tokenFor("station_staff", { districtCode: "321111" });
    assert.equal((await walkIn({ phone: testPhone() }, loose.token)).json().error.code, "station_required");
  });

  it("today starts at midnight in Shanghai", () => {
    assert.equal(startOfLocalDay(new Date("2030-03-01T15:59:00Z")).toISOString(), "2030-02-28T16:00:00.000Z");
    assert.equal(startOfLocalDay(new Date("2030-03-01T16:00:00Z")).toISOString(), "2030-03-01T16:00:00.000Z");
  });

  it("staff register her traits from her ID card; the full number is neither stored nor sent back", async () => {
    const idNumber = "321102196505061222";
    const response = await walkIn({
      phone: testPhone(),
      name: "陈桂兰",
      idNumber,
      sex: undefined,
      birthYear: undefined,
      education: "junior",
      skills: ["会做家常菜"],
      certificates: ["health", "housekeeping", "母婴护理培训结业证"],
      availability: { weekdays: [1, 2, 3, 4, 5], fromHour: 8, toHour: 18 },
    });
    assert.equal(response.statusCode, 201, response.body);
    assert.doesNotMatch(response.body, new RegExp(idNumber));
    const [profile] = await t.ctx.database.db
      .select()
      .from(workerProfiles)
      .where(eq(workerProfiles.userId, response.json().userId));
    assert.equal(profile.birthDate, "1965-05-06");
    assert.equal(profile.birthYear, 1965);
    assert.equal(profile.sex, "female");
    assert.equal(profile.education, "junior");
    assert.equal(profile.idNumberMasked, "3211**********1222");
    assert.match(profile.idNumberDigest ?? "", /^[0-9a-f]{64}$/);
    assert.deepEqual(profile.certificates, ["health", "housekeeping", "母婴护理培训结业证"]);
    assert.deepEqual(profile.skills, ["会做家常菜"]);
    assert.deepEqual(profile.availability, { weekdays: [1, 2, 3, 4, 5], fromHour: 8, toHour: 18 });
    assert.doesNotMatch(JSON.stringify(profile), new RegExp(idNumber));

    // She comes back another day with her daughter's phone: the ID card finds her first registration.
    const twice = await walkIn({
      phone: testPhone(),
      name: "陈桂兰",
      idNumber,
      sex: undefined,
      birthYear: undefined,
    });
    assert.equal(twice.statusCode, 409);
    assert.equal(twice.json().error.code, "worker_id_number_registered");
    assert.match(twice.json().error.message, /陈\*\*/);
    const { existing } = twice.json().error.details;
    assert.equal(existing.userId, profile.userId);
    assert.equal(existing.matchedBy, "id_number");
    assert.equal(existing.idNumberMasked, "3211**********1222");
    assert.equal(existing.birthYear, 1965);
    const english = await t.request("POST", "/api/stations/walk-in-workers", {
      as: staff.token,
      lang: "en",
      body: {
        phone: testPhone(),
        name: "陈桂兰",
        idNumber,
        categoryCodes: ["cleaning"],
        districtCodes: ["321111"],
        verbalConsent: true,
      },
    });
    assert.match(english.json().error.message, /already registered as a worker/);
  });

  it("an ID number that disagrees with the sex or birth year given is refused before anything is saved", async () => {
    const phone2 = testPhone();
    const wrongSex = await walkIn({ phone: phone2, idNumber: "321111197003152811", birthYear: 1970 });
    assert.equal(wrongSex.statusCode, 400);
    assert.equal(wrongSex.json().error.code, "id_number_mismatch");
    const typo = await walkIn({ phone: phone2, idNumber: "321111197003152812", sex: undefined });
    assert.equal(typo.json().error.code, "id_number_invalid");
    const accounts = await t.ctx.database.db.select().from(users).where(eq(users.phone, phone2));
    assert.equal(accounts.length, 0);
  });
});
