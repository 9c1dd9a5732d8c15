import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { desc, eq } from "drizzle-orm";
import { ACCEPTED_CONSENT, startTestApp, type TestApp, testPhone } from "../../test/support/app.ts";
import { stationStaff } from "../../test/support/market-fixtures.ts";
import { consentRecords, legalDocuments } from "../db/schema/index.ts";
import { ManualClock } from "../platform/clock.ts";

describe("consent to the 用户协议 and 隐私政策", () => {
  let t: TestApp;
  let clock: ManualClock;
  before(async () => {
    clock = new ManualClock(new Date("2030-03-01T02:00:00Z"));
    t = await startTestApp({ clock });
  });
  after(() => t.close());

  async function codeFor(phone: string) {
    clock.advanceMinutes(2);
    assert.equal((await t.request("POST", "/api/auth/codes", { body: { phone } })).statusCode, 200);
    return t.sms.lastCodeFor(phone) ?? "";
  }
  const signIn = (body: Record<string, unknown>) => t.request("POST", "/api/auth/sign-in/phone", { body });
  const consentsOf = (userId: string) =>
    t.ctx.database.db
      .select()
      .from(consentRecords)
      .where(eq(consentRecords.userId, userId))
      .orderBy(desc(consentRecords.acceptedAt));

  it("anyone reads both documents in Chinese or English, with what is collected, why and how long", async () => {
    const privacy = await t.request("GET", "/api/legal/privacy");
    assert.equal(privacy.statusCode, 200);
    assert.equal(privacy.json().title, "隐私政策");
    for (const words of ["收集", "保存多久", "谁能看到", "您的权利", "12333"])
      assert.match(privacy.json().body, new RegExp(words));
    const terms = await t.request("GET", "/api/legal/terms", { lang: "en" });
    assert.equal(terms.json().title, "Terms of use");
    assert.deepEqual((await t.request("GET", "/api/legal/current")).json(), ACCEPTED_CONSENT);
    assert.equal((await t.request("GET", "/api/legal/cookies")).statusCode, 400);
  });

  it("a first sign-in without consent is refused, and the same code signs in once she accepts", async () => {
    const phone = testPhone();
    const code = await codeFor(phone);
    const refused = await signIn({ phone, code, role: "worker" });
    assert.equal(refused.statusCode, 403);
    assert.equal(refused.json().error.code, "consent_required");
    assert.match(refused.json().error.message, /第1版/);

    const accepted = await signIn({ phone, code, role: "worker", consent: ACCEPTED_CONSENT });
    assert.equal(accepted.statusCode, 200, accepted.body);
    const [record] = await consentsOf(accepted.json().user.id);
    assert.equal(record.channel, "worker_app");
    assert.equal(record.termsVersion, ACCEPTED_CONSENT.termsVersion);
    assert.deepEqual(record.acceptedAt, clock.now());

    const again = await signIn({ phone, code: await codeFor(phone), role: "worker" });
    assert.equal(again.statusCode, 200, "accepted once, not asked again");
    assert.equal((await consentsOf(accepted.json().user.id)).length, 1);
  });

  it("the employer portal records its own channel", async () => {
    const phone = testPhone();
    const answer = await signIn({
      phone,
      code: await codeFor(phone),
      role: "employer",
      consent: ACCEPTED_CONSENT,
    });
    assert.equal(answer.statusCode, 200, answer.body);
    assert.equal((await consentsOf(answer.json().user.id))[0].channel, "employer_portal");
  });

  it("a walk-in's verbal consent is recorded with the staff member who heard it, and counts at her sign-in", async () => {
    const staff = await stationStaff(t);
    const phone = testPhone();
    const base = { phone, name: "李桂英", categoryCodes: ["cleaning"], districtCodes: ["321111"] };
    const without = await t.request("POST", "/api/stations/walk-in-workers", { as: staff.token, body: base });
    assert.equal(without.statusCode, 400, "no registration without the consent box");
    const registered = await t.request("POST", "/api/stations/walk-in-workers", {
      as: staff.token,
      body: { ...base, verbalConsent: true },
    });
    assert.equal(registered.statusCode, 201, registered.body);
    const [record] = await consentsOf(registered.json().userId);
    assert.equal(record.channel, "station");
    assert.equal(record.recordedBy, staff.userId);
    const signedIn = await signIn({ phone, code: await codeFor(phone), role: "worker" });
    assert.equal(signedIn.statusCode, 200, signedIn.body);
  });

  it("a new version of the privacy policy asks everyone again at their next sign-in", async () => {
    const phone = testPhone();
    const first = await signIn({
      phone,
      code: await codeFor(phone),
      role: "worker",
      consent: ACCEPTED_CONSENT,
    });
    const userId = first.json().user.id;
    await t.ctx.database.db.insert(legalDocuments).values({
      kind: "privacy",
      version: ACCEPTED_CONSENT.privacyVersion + 1,
      titleZh: "隐私政策",
      titleEn: "Privacy policy",
      bodyZh: "新增：签到照片保存 30 天。",
      bodyEn: "New: check-in photos are kept for 30 days.",
      publishedAt: clock.now(),
    });
    const next = { ...ACCEPTED_CONSENT, privacyVersion: ACCEPTED_CONSENT.privacyVersion + 1 };
    assert.deepEqual((await t.request("GET", "/api/legal/current")).json(), next);
    assert.match((await t.request("GET", "/api/legal/privacy")).json().body, /签到照片/);

    const code = await codeFor(phone);
    const asked = await signIn({ phone, code, role: "worker" });
    assert.equal(asked.json().error.code, "consent_required");
    const stale = await signIn({ phone, code, role: "worker", consent: ACCEPTED_CONSENT });
    assert.equal(stale.json().error.code, "consent_required", "the old versions no longer do");
    const accepted = await signIn({ phone, code, role: "worker", consent: next });
    assert.equal(accepted.statusCode, 200, accepted.body);
    assert.deepEqual(
      (await consentsOf(userId)).map((r) => r.privacyVersion),
      [next.privacyVersion, ACCEPTED_CONSENT.privacyVersion],
    );
    await t.ctx.database.db.delete(legalDocuments).where(eq(legalDocuments.version, next.privacyVersion));
  });
});
