import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { eq } from "drizzle-orm";
import { ACCEPTED_CONSENT, startTestApp, type TestApp, testPhone } from "../../test/support/app.ts";
import { users } from "../db/schema/index.ts";
import { ManualClock } from "../platform/clock.ts";
import { hashPassword } from "./password.ts";

describe("sessions and accounts", () => {
  let t: TestApp;
  const clock = new ManualClock(new Date("2026-05-11T00:30:00Z"));
  before(async () => {
    t = await startTestApp({ clock });
  });
  after(() => t.close());

  /** Requests a code, reads it from the SMS provider and signs in. */
  async function signInByPhone(phone: string, role: "worker" | "employer") {
    clock.advanceMinutes(2);
    assert.equal((await t.request("POST", "/api/auth/codes", { body: { phone } })).statusCode, 200);
    const code = t.sms.lastCodeFor(phone) ?? "";
    return t.request("POST", "/api/auth/sign-in/phone", {
      body: { phone, code, role, consent: ACCEPTED_CONSENT },
    });
  }

  it("one phone may hold a worker account and an employer account", async () => {
    const phone = testPhone();
    const asWorker = await signInByPhone(phone, "worker");
    const asEmployer = await signInByPhone(phone, "employer");
    assert.equal(asWorker.json().user.role, "worker");
    assert.equal(asEmployer.json().user.role, "employer");
    assert.notEqual(asWorker.json().user.id, asEmployer.json().user.id);
    const again = await signInByPhone(phone, "worker");
    assert.equal(again.json().user.id, asWorker.json().user.id, "the second sign-in finds the same account");
  });

  it("the cookie is Secure when the server is behind HTTPS", async () => {
    t.ctx.config.secureCookies = true;
    try {
      const res = await signInByPhone(testPhone(), "employer");
      assert.match(String(res.headers["set-cookie"]), /; Secure/);
    } finally {
      t.ctx.config.secureCookies = false;
    }
  });

  it("signing out by cookie ends the session and clears the cookie", async () => {
    const res = await signInByPhone(testPhone(), "worker");
    const token = res.json().token;
    const out = await t.app.inject({
      method: "POST",
      url: "/api/auth/sign-out",
      cookies: { lg_session: token },
    });
    assert.equal(out.statusCode, 200);
    assert.match(String(out.headers["set-cookie"]), /lg_session=;.*Expires=Thu, 01 Jan 1970/);
    const me = await t.app.inject({ method: "GET", url: "/api/me", cookies: { lg_session: token } });
    assert.equal(me.statusCode, 401);
  });

  it("signing out without a session is harmless", async () => {
    assert.equal((await t.request("POST", "/api/auth/sign-out")).statusCode, 200);
  });

  it("a session ends after thirty days", async () => {
    const { token } = (await signInByPhone(testPhone(), "worker")).json();
    clock.advanceMinutes(29 * 24 * 60);
    assert.equal((await t.request("GET", "/api/me", { as: token })).statusCode, 200);
    clock.advanceMinutes(2 * 24 * 60);
    const expired = await t.request("GET", "/api/me", { as: token, lang: "en" });
    assert.equal(expired.statusCode, 401);
    assert.equal(expired.json().error.message, "Please sign in first");
  });

  it("a made-up token is refused", async () => {
    const res = await t.request("GET", "/api/me", { as: "not-a-real-token" });
    assert.equal(res.statusCode, 401);
    assert.equal(res.json().error.code, "authentication_required");
  });

  it("a wrong code is explained in English to an English browser", async () => {
    const phone = testPhone();
    clock.advanceMinutes(2);
    await t.request("POST", "/api/auth/codes", { body: { phone } });
    const code = t.sms.lastCodeFor(phone) === "123456" ? "654321" : "123456";
    const res = await t.request("POST", "/api/auth/sign-in/phone", {
      body: { phone, code, role: "worker", consent: ACCEPTED_CONSENT },
      lang: "en",
    });
    assert.equal(res.json().error.code, "code_invalid");
    assert.equal(res.json().error.message, "The code is wrong or has expired; please request a new one");
  });

  it("a station staff member's session says her district and station", async () => {
    const staff = await t.tokenFor("station_staff", { districtCode: "321182", username: "yangzhong.1" });
    const me = (await t.request("GET", "/api/me", { as: staff.token })).json();
    assert.equal(me.role, "station_staff");
    assert.equal(me.districtCode, "321182");
    assert.equal(me.stationId, null);
    assert.equal(me.hasWorkerProfile, false);
    assert.equal(me.employer, null);
  });

  it("a disabled account loses its sessions and cannot sign in again", async () => {
    const db = t.ctx.database.db;
    const [staff] = await db
      .insert(users)
      .values({
        cityCode: "321100",
        role: "city_admin",
        username: "leaving.admin",
        passwordHash: await hashPassword("right-password"),
      })
      .returning();
    const body = { username: "leaving.admin", password: "right-password" };
    const signedIn = await t.request("POST", "/api/auth/sign-in/password", { body });
    assert.equal(signedIn.statusCode, 200);
    await db.update(users).set({ status: "disabled" }).where(eq(users.id, staff.id));
    assert.equal((await t.request("GET", "/api/me", { as: signedIn.json().token })).statusCode, 401);
    const again = await t.request("POST", "/api/auth/sign-in/password", { body });
    assert.equal(again.statusCode, 403);
    assert.equal(again.json().error.code, "account_disabled");
  });

  it("a disabled worker cannot sign in with a code either", async () => {
    const phone = testPhone();
    const first = await signInByPhone(phone, "worker");
    await t.ctx.database.db
      .update(users)
      .set({ status: "disabled" })
      .where(eq(users.id, first.json().user.id));
    const again = await signInByPhone(phone, "worker");
    assert.equal(again.statusCode, 403);
    assert.equal(again.json().error.code, "account_disabled");
  });

  it("each staff sign-in is written to the audit log with its address", async () => {
    const [admin] = await t.ctx.database.db
      .insert(users)
      .values({
        cityCode: "321100",
        role: "district_admin",
        districtCode: "321112",
        username: "dantu.admin",
        passwordHash: await hashPassword("right-password"),
      })
      .returning();
    const res = await t.app.inject({
      method: "POST",
      url: "/api/auth/sign-in/password",
      payload: { username: "dantu.admin", password: "right-password" },
      remoteAddress: "10.20.30.40",
    });
    const log = await t.request("GET", `/api/audit?action=account.signed_in&actorUserId=${admin.id}`, {
      as: res.json().token,
    });
    assert.equal(log.json().items.length, 1);
    assert.equal(log.json().items[0].ip, "10.20.30.40");
  });

  it("a sign-in with a role that signs in by password is refused at the form", async () => {
    const phone = testPhone();
    clock.advanceMinutes(2);
    await t.request("POST", "/api/auth/codes", { body: { phone } });
    const res = await t.request("POST", "/api/auth/sign-in/phone", {
      body: { phone, code: t.sms.lastCodeFor(phone), role: "city_admin" },
    });
    assert.equal(res.statusCode, 400);
    assert.equal(res.json().error.code, "invalid_request");
  });
});
