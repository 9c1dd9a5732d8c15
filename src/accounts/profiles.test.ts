import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { eq, sql } from "drizzle-orm";
import { startTestApp, type TestApp } from "../../test/support/app.ts";
import { auditLog, marketEvents } from "../db/schema/index.ts";

const WORKER_PROFILE = {
  name: "王秀英",
  sex: "female",
  birthYear: 1971,
  education: "junior",
  categoryCodes: ["cleaning", "housekeeping"],
  districtCodes: ["321102"],
  homeLat: 32.2,
  homeLng: 119.45,
  rangeKm: 8,
  availability: { weekdays: [1, 2, 3, 4, 5], fromHour: 7, toHour: 18 },
  expectedDailyPayFen: 18000,
  experienceYears: 6,
  intro: "做事仔细，有保洁经验",
};

describe("profiles", () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
  });
  after(() => t.close());

  it("a new worker has no profile until she fills one in", async () => {
    const { token } = await t.tokenFor("worker");
    const missing = await t.request("GET", "/api/workers/me/profile", { as: token });
    assert.equal(missing.statusCode, 404);
    assert.equal(missing.json().error.code, "worker_profile_missing");
    const saved = await t.request("PUT", "/api/workers/me/profile", { as: token, body: WORKER_PROFILE });
    assert.equal(saved.statusCode, 200);
    assert.equal(saved.json().name, "王秀英");
    const me = await t.request("GET", "/api/me", { as: token });
    assert.equal(me.json().hasWorkerProfile, true);
    assert.equal(me.json().displayName, "王秀英");
  });

  async function eventsAbout(subjectId: string): Promise<string[]> {
    const rows = await t.ctx.database.db
      .select({ kind: marketEvents.kind })
      .from(marketEvents)
      .where(eq(marketEvents.subjectId, subjectId))
      .orderBy(marketEvents.id);
    return rows.map((r) => r.kind);
  }

  it("the bureau counts a worker once when she registers, then follows her updates", async () => {
    const { token, userId } = await t.tokenFor("worker");
    await t.request("PUT", "/api/workers/me/profile", { as: token, body: WORKER_PROFILE });
    await t.request("PUT", "/api/workers/me/profile", {
      as: token,
      body: { ...WORKER_PROFILE, rangeKm: 15 },
    });
    assert.deepEqual(await eventsAbout(userId), ["worker_registered", "worker_profile_updated"]);
  });

  it("two saves of a first profile at once register the worker once", async () => {
    const { token, userId } = await t.tokenFor("worker");
    const answers = await Promise.all(
      [1, 2, 3].map(() => t.request("PUT", "/api/workers/me/profile", { as: token, body: WORKER_PROFILE })),
    );
    assert.deepEqual(
      answers.map((r) => r.statusCode),
      [200, 200, 200],
    );
    const kinds = await eventsAbout(userId);
    assert.equal(kinds.filter((k) => k === "worker_registered").length, 1);
  });

  it("an employer is registered once, however often she edits her profile", async () => {
    const { token } = await t.tokenFor("employer");
    const first = await t.request("PUT", "/api/employers/me", {
      as: token,
      body: { kind: "individual", name: "周先生", districtCode: "321181", industryCode: "O" },
    });
    await t.request("PUT", "/api/employers/me", { as: token, body: { kind: "individual", name: "周建国" } });
    assert.deepEqual(await eventsAbout(first.json().id), ["employer_registered"]);
  });

  it("an industry outside GB/T 4754's sections A–T is refused", async () => {
    const { token } = await t.tokenFor("employer");
    const res = await t.request("PUT", "/api/employers/me", {
      as: token,
      body: { kind: "individual", name: "吴女士", industryCode: "Z" },
    });
    assert.equal(res.statusCode, 400);
    assert.equal(res.json().error.code, "invalid_request");
  });

  it("an ID number is checked, agrees with the birth and sex given, and is never kept or sent back in full", async () => {
    const { token } = await t.tokenFor("worker");
    const typo = await t.request("PUT", "/api/workers/me/profile", {
      as: token,
      body: { ...WORKER_PROFILE, idNumber: "110105194912310021" },
    });
    assert.equal(typo.json().error.code, "id_number_invalid");
    const otherYear = await t.request("PUT", "/api/workers/me/profile", {
      as: token,
      body: { ...WORKER_PROFILE, idNumber: "11010519491231002x" },
    });
    assert.equal(otherYear.statusCode, 400);
    assert.equal(otherYear.json().error.code, "id_number_mismatch", "her year says 1971, the number 1949");
    const ok = await t.request("PUT", "/api/workers/me/profile", {
      as: token,
      body: { ...WORKER_PROFILE, birthYear: null, sex: null, idNumber: "11010519491231002x" },
    });
    assert.equal(ok.statusCode, 200, ok.body);
    assert.equal(ok.json().idNumberMasked, "1101**********002X");
    assert.equal(ok.json().birthDate, "1949-12-31", "the birth date read from the number");
    assert.equal(ok.json().sex, "female");
    assert.doesNotMatch(ok.body, /11010519491231002X/);
    const stored = await t.ctx.database.db.execute(sql`select * from worker_profiles`);
    assert.doesNotMatch(JSON.stringify(stored), /11010519491231002X/, "not in the database either");

    const again = await t.request("PUT", "/api/workers/me/profile", {
      as: token,
      body: { ...WORKER_PROFILE, birthYear: null, sex: "male" },
    });
    assert.equal(again.json().error.code, "id_number_mismatch", "the number on file still binds her sex");
  });

  it("an ID number registered under another account is refused, without saying whose", async () => {
    const first = await t.tokenFor("worker");
    const second = await t.tokenFor("worker");
    const body = { ...WORKER_PROFILE, birthYear: null, sex: null, idNumber: "321111197003152811" };
    assert.equal(
      (await t.request("PUT", "/api/workers/me/profile", { as: first.token, body })).statusCode,
      200,
    );
    const taken = await t.request("PUT", "/api/workers/me/profile", { as: second.token, body });
    assert.equal(taken.statusCode, 409);
    assert.equal(taken.json().error.code, "id_number_registered");
    assert.equal(taken.json().error.details, undefined);
    const again = await t.request("PUT", "/api/workers/me/profile", { as: first.token, body });
    assert.equal(again.statusCode, 200, "her own number again is no duplicate");
  });

  it("every trait the bureau counts and employers ask for comes back as saved", async () => {
    const { token } = await t.tokenFor("worker");
    const body = {
      ...WORKER_PROFILE,
      birthYear: null,
      birthDate: "1966-08-19",
      sex: "male",
      education: "senior",
      skills: ["水电维修", " 水电维修 "],
      certificates: ["electrician", "health", "低压电工作业证"],
      districtCodes: ["321102", "321111"],
      availability: { weekdays: [0, 6], fromHour: 6, toHour: 12 },
      expectedDailyPayFen: 250_00,
    };
    const saved = await t.request("PUT", "/api/workers/me/profile", { as: token, body });
    assert.equal(saved.statusCode, 200, saved.body);
    const read = (await t.request("GET", "/api/workers/me/profile", { as: token })).json();
    assert.equal(read.birthDate, "1966-08-19");
    assert.equal(read.birthYear, 1966, "the year the bureau's age bands read");
    assert.equal(read.sex, "male");
    assert.equal(read.education, "senior");
    assert.deepEqual(read.skills, ["水电维修"]);
    assert.deepEqual(read.certificates, ["electrician", "health", "低压电工作业证"]);
    assert.deepEqual(read.districtCodes, ["321102", "321111"]);
    assert.deepEqual(read.availability, { weekdays: [0, 6], fromHour: 6, toHour: 12 });
    assert.equal(read.expectedDailyPayFen, 250_00);
    const vocational = await t.request("PUT", "/api/workers/me/profile", {
      as: token,
      body: { ...body, education: "vocational" },
    });
    assert.equal(vocational.statusCode, 400, "中专 is counted as 高中 (senior) in the five official levels");
    const young = await t.request("PUT", "/api/workers/me/profile", {
      as: token,
      body: { ...body, birthDate: "2015-01-01" },
    });
    assert.equal(young.json().error.code, "under_working_age");
  });

  it("refuses categories and districts that do not exist here", async () => {
    const { token } = await t.tokenFor("worker");
    const badCategory = await t.request("PUT", "/api/workers/me/profile", {
      as: token,
      body: { ...WORKER_PROFILE, categoryCodes: ["astronaut"] },
    });
    assert.equal(badCategory.json().error.code, "category_unknown");
    const badDistrict = await t.request("PUT", "/api/workers/me/profile", {
      as: token,
      body: { ...WORKER_PROFILE, districtCodes: ["320102"] },
    });
    assert.equal(badDistrict.json().error.code, "district_unknown");
    const badHours = await t.request("PUT", "/api/workers/me/profile", {
      as: token,
      body: { ...WORKER_PROFILE, availability: { weekdays: [1], fromHour: 18, toHour: 8 } },
    });
    assert.equal(badHours.json().error.code, "availability_invalid");
  });

  it("an enterprise must give a valid credit code and then waits for verification", async () => {
    const { token } = await t.tokenFor("employer");
    const without = await t.request("PUT", "/api/employers/me", {
      as: token,
      body: { kind: "enterprise", name: "镇江某餐饮有限公司" },
    });
    assert.equal(without.json().error.code, "credit_code_required");
    const typo = await t.request("PUT", "/api/employers/me", {
      as: token,
      body: { kind: "enterprise", name: "镇江某餐饮有限公司", creditCode: "91350100M000100Y44" },
    });
    assert.equal(typo.json().error.code, "credit_code_invalid");
    const ok = await t.request("PUT", "/api/employers/me", {
      as: token,
      body: {
        kind: "enterprise",
        name: "镇江某餐饮有限公司",
        creditCode: "91350100M000100Y43",
        districtCode: "321111",
        industryCode: "H",
      },
    });
    assert.equal(ok.statusCode, 200);
    assert.equal(ok.json().verification, "pending");
  });

  it("a household employer needs no credit code", async () => {
    const { token } = await t.tokenFor("employer");
    const res = await t.request("PUT", "/api/employers/me", {
      as: token,
      body: { kind: "individual", name: "李女士" },
    });
    assert.equal(res.statusCode, 200);
    assert.equal(res.json().verification, "unverified");
  });

  describe("who may do what", () => {
    let employerId: string;
    before(async () => {
      const { token } = await t.tokenFor("employer");
      const res = await t.request("PUT", "/api/employers/me", {
        as: token,
        body: {
          kind: "enterprise",
          name: "润州某物业公司",
          creditCode: "91350100M000100Y43",
          districtCode: "321111",
        },
      });
      employerId = res.json().id;
    });

    it("nobody signed out may read a profile", async () => {
      assert.equal((await t.request("GET", "/api/workers/me/profile")).statusCode, 401);
      assert.equal((await t.request("GET", "/api/employers/me")).statusCode, 401);
    });

    it("an employer has no worker profile route and a worker no employer one", async () => {
      const employer = await t.tokenFor("employer");
      const worker = await t.tokenFor("worker");
      assert.equal(
        (await t.request("GET", "/api/workers/me/profile", { as: employer.token })).statusCode,
        403,
      );
      assert.equal((await t.request("GET", "/api/employers/me", { as: worker.token })).statusCode, 403);
    });

    it("workers and employers cannot verify employers, or read the audit log", async () => {
      for (const role of ["worker", "employer"] as const) {
        const { token } = await t.tokenFor(role);
        const verify = await t.request("POST", `/api/employers/${employerId}/verification`, {
          as: token,
          body: { decision: "verified" },
        });
        assert.equal(verify.statusCode, 403);
        assert.equal(verify.json().error.code, "forbidden");
        assert.equal((await t.request("GET", "/api/audit", { as: token })).statusCode, 403);
      }
    });

    it("a district admin verifies employers of her district only", async () => {
      const other = await t.tokenFor("district_admin", { districtCode: "321102" });
      const refused = await t.request("POST", `/api/employers/${employerId}/verification`, {
        as: other.token,
        body: { decision: "verified" },
      });
      assert.equal(refused.statusCode, 403);
      assert.equal(refused.json().error.code, "out_of_scope");
      const own = await t.tokenFor("district_admin", { districtCode: "321111" });
      const ok = await t.request("POST", `/api/employers/${employerId}/verification`, {
        as: own.token,
        body: { decision: "verified", note: "营业执照已核验" },
      });
      assert.equal(ok.statusCode, 200);
      assert.equal(ok.json().verification, "verified");
      const audit = await t.request("GET", "/api/audit?action=employer.verified", { as: own.token });
      assert.equal(audit.json().items.length, 1);
      const elsewhere = await t.request("GET", "/api/audit?action=employer.verified", { as: other.token });
      assert.equal(elsewhere.json().items.length, 0, "another district's admin does not see it");
    });

    it("station staff see a worker's full phone only through an audited view of their district", async () => {
      const worker = await t.tokenFor("worker");
      await t.request("PUT", "/api/workers/me/profile", { as: worker.token, body: WORKER_PROFILE });
      const outside = await t.tokenFor("station_staff", { districtCode: "321183" });
      const refused = await t.request("GET", `/api/workers/${worker.userId}/contact`, { as: outside.token });
      assert.equal(refused.json().error.code, "out_of_scope");
      const staff = await t.tokenFor("station_staff", { districtCode: "321102" });
      const res = await t.request("GET", `/api/workers/${worker.userId}/contact`, { as: staff.token });
      assert.equal(res.statusCode, 200);
      assert.match(res.json().phone, /^1\d{10}$/);
      const rows = await t.ctx.database.db.select().from(auditLog);
      assert.ok(
        rows.some(
          (r) => r.action === "worker.contact_viewed" && r.personalData && r.subjectId === worker.userId,
        ),
      );
      const employer = await t.tokenFor("employer");
      assert.equal(
        (await t.request("GET", `/api/workers/${worker.userId}/contact`, { as: employer.token })).statusCode,
        403,
      );
    });
  });

  it("serves the reference data forms need", async () => {
    const res = await t.request("GET", "/api/reference");
    const body = res.json();
    assert.equal(body.city.code, "321100");
    assert.equal(body.divisions.length, 6);
    assert.ok(body.categories.length >= 30);
    assert.ok(body.categories.some((c: { nameZh: string }) => c.nameZh === "洗碗工"));
    const geo = (await t.request("GET", "/api/reference/divisions.geojson")).json();
    assert.equal(geo.features.length, 6);
  });
});
