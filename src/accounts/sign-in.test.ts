import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { ACCEPTED_CONSENT, startTestApp, type TestApp, testPhone } from "../../test/support/app.ts";
import { users } from "../db/schema/index.ts";
import { ManualClock } from "../platform/clock.ts";
import { hashPassword } from "./password.ts";

describe("signing in", () => {
  let t: TestApp;
  const clock = new ManualClock(new Date("2026-03-02T01:00:00Z"));
  before(async () => {
    t = await startTestApp({ clock });
  });
  after(() => t.close());

  async function askCode(phone: string) {
    return t.request("POST", "/api/auth/codes", { body: { phone } });
  }
  async function signIn(phone: string, code: string, role = "worker") {
    return t.request("POST", "/api/auth/sign-in/phone", {
      body: { phone, code, role, consent: ACCEPTED_CONSENT },
    });
  }

  it("a worker signs in with the code sent to her phone, and the account is made on first sign-in", async () => {
    const phone = testPhone();
    assert.equal((await askCode(phone)).statusCode, 200);
    const code = t.sms.lastCodeFor(phone);
    assert.ok(code);
    const res = await signIn(phone, code);
    assert.equal(res.statusCode, 200);
    const body = res.json();
    assert.equal(body.user.role, "worker");
    assert.equal(body.user.hasWorkerProfile, false);
    const me = await t.request("GET", "/api/me", { as: body.token });
    assert.equal(me.json().phone, phone);
  });

  it("the session cookie is HTTP-only and works as well as the bearer token", async () => {
    const phone = testPhone();
    await askCode(phone);
    const res = await signIn(phone, t.sms.lastCodeFor(phone) ?? "");
    const cookie = String(res.headers["set-cookie"]);
    assert.match(cookie, /lg_session=/);
    assert.match(cookie, /HttpOnly/i);
    assert.match(cookie, /SameSite=Lax/i);
    assert.doesNotMatch(cookie, /Secure/, "not Secure unless configured behind HTTPS");
    const token = /lg_session=([^;]+)/.exec(cookie)?.[1] ?? "";
    const me = await t.app.inject({ method: "GET", url: "/api/me", cookies: { lg_session: token } });
    assert.equal(me.statusCode, 200);
  });

  it("a code works once only", async () => {
    const phone = testPhone();
    await askCode(phone);
    const code = t.sms.lastCodeFor(phone) ?? "";
    assert.equal((await signIn(phone, code)).statusCode, 200);
    const again = await signIn(phone, code);
    assert.equal(again.statusCode, 400);
    assert.equal(again.json().error.code, "code_invalid");
  });

  it("a code expires after five minutes", async () => {
    const phone = testPhone();
    await askCode(phone);
    const code = t.sms.lastCodeFor(phone) ?? "";
    clock.advanceMinutes(6);
    const res = await signIn(phone, code);
    assert.equal(res.json().error.code, "code_invalid");
  });

  it("five wrong codes use the code up, even before the right one is tried", async () => {
    const phone = testPhone();
    await askCode(phone);
    const code = t.sms.lastCodeFor(phone) ?? "";
    const wrong = code === "000000" ? "111111" : "000000";
    for (let i = 0; i < 5; i++) assert.equal((await signIn(phone, wrong)).json().error.code, "code_invalid");
    const res = await signIn(phone, code);
    assert.equal(res.statusCode, 429);
    assert.equal(res.json().error.code, "code_attempts_exceeded");
  });

  it("codes for one phone are limited to one a minute and five an hour", async () => {
    const phone = testPhone();
    assert.equal((await askCode(phone)).statusCode, 200);
    const soon = await askCode(phone);
    assert.equal(soon.statusCode, 429);
    assert.equal(soon.json().error.code, "code_requested_too_soon");
    for (let i = 0; i < 4; i++) {
      clock.advanceMinutes(2);
      assert.equal((await askCode(phone)).statusCode, 200);
    }
    clock.advanceMinutes(2);
    assert.equal((await askCode(phone)).statusCode, 429, "the sixth in an hour is refused");
    clock.advanceMinutes(60);
    assert.equal((await askCode(phone)).statusCode, 200);
  });

  it("a resend asked too early is told how many seconds to wait", async () => {
    const phone = testPhone();
    const sent = await askCode(phone);
    assert.equal(sent.json().resendAfterSeconds, 60, "the screen counts down from this");
    clock.advanceMinutes(0.75);
    const soon = await askCode(phone);
    assert.equal(soon.statusCode, 429);
    assert.equal(soon.json().error.code, "code_requested_too_soon");
    assert.equal(soon.headers["retry-after"], "15");
    assert.equal(soon.json().error.message, "验证码已发送，请15秒后再获取");
    const en = await t.request("POST", "/api/auth/codes", { body: { phone }, lang: "en" });
    assert.match(en.json().error.message, /in 15 seconds/);
    clock.advanceMinutes(0.25);
    assert.equal((await askCode(phone)).statusCode, 200);
  });

  it("shows the code on screen only in demo mode", async () => {
    const phone = testPhone();
    const normal = await askCode(phone);
    assert.equal(normal.json().demoCode, undefined);
    t.ctx.config.demo = true;
    clock.advanceMinutes(2);
    try {
      const demo = await askCode(phone);
      assert.equal(demo.json().demoCode, t.sms.lastCodeFor(phone));
    } finally {
      t.ctx.config.demo = false;
    }
  });

  it("refuses a malformed phone number with a message in the caller's language", async () => {
    const zh = await t.request("POST", "/api/auth/codes", { body: { phone: "12345" } });
    assert.equal(zh.statusCode, 400);
    assert.equal(zh.json().error.code, "invalid_request");
    assert.match(zh.json().error.message, /请求内容有误/);
    const en = await t.request("POST", "/api/auth/codes", { body: { phone: "12345" }, lang: "en" });
    assert.match(en.json().error.message, /not valid/);
  });

  describe("staff and admins", () => {
    before(async () => {
      await t.ctx.database.db.insert(users).values({
        cityCode: "321100",
        role: "station_staff",
        username: "station.test",
        passwordHash: await hashPassword("right-password"),
        displayName: "驿站工作人员",
        districtCode: "321111",
      });
    });

    it("sign in with username and password", async () => {
      const res = await t.request("POST", "/api/auth/sign-in/password", {
        body: { username: "station.test", password: "right-password" },
      });
      assert.equal(res.statusCode, 200);
      assert.equal(res.json().user.role, "station_staff");
      assert.equal(res.json().user.districtCode, "321111");
    });

    it("a wrong password is refused, and five failures in 15 minutes lock the name", async () => {
      const wrong = { username: "station.test", password: "nope" };
      for (let i = 0; i < 5; i++) {
        const res = await t.request("POST", "/api/auth/sign-in/password", { body: wrong });
        assert.equal(res.json().error.code, "sign_in_failed");
      }
      const locked = await t.request("POST", "/api/auth/sign-in/password", {
        body: { username: "station.test", password: "right-password" },
      });
      assert.equal(locked.statusCode, 429);
      clock.advanceMinutes(16);
      const later = await t.request("POST", "/api/auth/sign-in/password", {
        body: { username: "station.test", password: "right-password" },
      });
      assert.equal(later.statusCode, 200);
    });

    it("a guesser elsewhere cannot lock the real user out of her own desk", async () => {
      await t.ctx.database.db.insert(users).values({
        cityCode: "321100",
        role: "city_admin",
        username: "admin.city",
        passwordHash: await hashPassword("right-password"),
      });
      const from = (ip: string, password: string) =>
        t.app.inject({
          method: "POST",
          url: "/api/auth/sign-in/password",
          payload: { username: "admin.city", password },
          remoteAddress: ip,
        });
      for (let i = 0; i < 5; i++) assert.equal((await from("203.0.113.9", "guess")).statusCode, 401);
      const guesser = await from("203.0.113.9", "guess");
      assert.equal(guesser.statusCode, 429);
      assert.ok(Number(guesser.headers["retry-after"]) > 0, "the guesser is told when to come back");
      assert.equal((await from("10.8.0.5", "right-password")).statusCode, 200, "the admin at her desk");
    });

    it("guessing one name from many addresses locks it everywhere, at a slower pace", async () => {
      await t.ctx.database.db.insert(users).values({
        cityCode: "321100",
        role: "district_admin",
        username: "many.guessers",
        passwordHash: await hashPassword("right-password"),
        districtCode: "321102",
      });
      const from = (ip: string, password: string) =>
        t.app.inject({
          method: "POST",
          url: "/api/auth/sign-in/password",
          payload: { username: "many.guessers", password },
          remoteAddress: ip,
        });
      for (let i = 0; i < 30; i++) assert.equal((await from(`198.51.100.${i}`, "guess")).statusCode, 401);
      const locked = await from("10.8.0.6", "right-password");
      assert.equal(locked.statusCode, 429);
      assert.equal(locked.json().error.code, "rate_limited");
      clock.advanceMinutes(61);
      assert.equal((await from("10.8.0.6", "right-password")).statusCode, 200);
    });

    it("an unknown name gets the same answer as a wrong password", async () => {
      const res = await t.request("POST", "/api/auth/sign-in/password", {
        body: { username: "nobody", password: "x" },
      });
      assert.equal(res.json().error.code, "sign_in_failed");
    });
  });

  it("signing out ends the session", async () => {
    const { token } = await t.tokenFor("worker");
    assert.equal((await t.request("GET", "/api/me", { as: token })).statusCode, 200);
    await t.request("POST", "/api/auth/sign-out", { as: token });
    assert.equal((await t.request("GET", "/api/me", { as: token })).statusCode, 401);
  });
});
