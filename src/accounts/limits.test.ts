import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { startTestApp, type TestApp, testPhone } from "../../test/support/app.ts";
import { otpCodes, users } from "../db/schema/index.ts";
import { ManualClock } from "../platform/clock.ts";
import { hashPassword } from "./password.ts";

describe("sign-in limits kept in the database", () => {
  let t: TestApp;
  const clock = new ManualClock(new Date("2026-03-02T01:00:00Z"));
  before(async () => {
    t = await startTestApp({ clock });
    await t.ctx.database.db.insert(users).values([
      {
        cityCode: "321100",
        role: "district_admin",
        username: "jingkou.admin",
        passwordHash: await hashPassword("right-password"),
        districtCode: "321102",
      },
      {
        cityCode: "321100",
        role: "station_staff",
        username: "burst.staff",
        passwordHash: await hashPassword("right-password"),
        districtCode: "321102",
      },
    ]);
  });
  after(() => t.close());

  /** A request from a given client address. */
  function from(ip: string, url: string, body: unknown) {
    return t.app.inject({ method: "POST", url, payload: body as object, remoteAddress: ip });
  }

  it("keeps only a hash of a code, never the code itself", async () => {
    const phone = testPhone();
    await from("10.0.0.1", "/api/auth/codes", { phone });
    const code = t.sms.lastCodeFor(phone) ?? "";
    const rows = await t.ctx.database.db.select().from(otpCodes);
    const row = rows.find((r) => r.phone === phone);
    assert.ok(row);
    assert.doesNotMatch(row.codeHash, new RegExp(code));
    assert.match(row.codeHash, /^[0-9a-f]{64}$/);
  });

  it("one address may ask codes for many phones (a kiosk), but not without end", async () => {
    const kiosk = "10.0.1.1";
    for (let i = 0; i < 60; i++) {
      const res = await from(kiosk, "/api/auth/codes", { phone: testPhone() });
      assert.equal(res.statusCode, 200, `request ${i + 1} of the hour`);
    }
    const refused = await from(kiosk, "/api/auth/codes", { phone: testPhone() });
    assert.equal(refused.statusCode, 429);
    assert.equal(refused.json().error.code, "rate_limited");
    const elsewhere = await from("10.0.1.2", "/api/auth/codes", { phone: testPhone() });
    assert.equal(elsewhere.statusCode, 200, "another address is not held back");
    clock.advanceMinutes(61);
    assert.equal((await from(kiosk, "/api/auth/codes", { phone: testPhone() })).statusCode, 200);
  });

  it("ten requests for the same phone at once send one code", async () => {
    const phone = testPhone();
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) => from(`10.0.2.${i}`, "/api/auth/codes", { phone })),
    );
    const sent = answers.filter((r) => r.statusCode === 200);
    assert.equal(sent.length, 1);
    assert.ok(answers.every((r) => r.statusCode === 200 || r.json().error.code === "rate_limited"));
  });

  it("ten wrong passwords at once get five tries, not ten", async () => {
    const wrong = { username: "burst.staff", password: "guess" };
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) => from(`10.0.3.${i}`, "/api/auth/sign-in/password", wrong)),
    );
    const codes = answers.map((r) => r.json().error.code);
    assert.equal(codes.filter((c) => c === "sign_in_failed").length, 5);
    assert.equal(codes.filter((c) => c === "rate_limited").length, 5);
  });

  it("one address trying many names is stopped after twenty failures in 15 minutes", async () => {
    const attacker = "10.0.4.1";
    for (let i = 0; i < 20; i++) {
      const res = await from(attacker, "/api/auth/sign-in/password", {
        username: `guess${i}`,
        password: "x",
      });
      assert.equal(res.json().error.code, "sign_in_failed");
    }
    const right = { username: "jingkou.admin", password: "right-password" };
    const refused = await from(attacker, "/api/auth/sign-in/password", right);
    assert.equal(refused.statusCode, 429, "even the right password waits out the lock from that address");
    assert.equal((await from("10.0.4.2", "/api/auth/sign-in/password", right)).statusCode, 200);
  });

  it("a successful sign-in does not count towards the lock", async () => {
    const right = { username: "jingkou.admin", password: "right-password" };
    for (let i = 0; i < 8; i++) {
      assert.equal((await from("10.0.5.1", "/api/auth/sign-in/password", right)).statusCode, 200);
    }
  });

  it("a second server instance honours the first one's limits", async (test) => {
    if (!t.scratch.url) return test.skip("two instances need PostgreSQL (TEST_DATABASE_URL)");
    const second = await t.secondInstance();
    try {
      const phone = testPhone();
      assert.equal((await from("10.0.7.1", "/api/auth/codes", { phone })).statusCode, 200);
      const elsewhere = await second.app.inject({
        method: "POST",
        url: "/api/auth/codes",
        payload: { phone },
      });
      assert.equal(elsewhere.statusCode, 429);
      assert.equal(elsewhere.json().error.code, "rate_limited");
    } finally {
      await second.close();
    }
  });

  it("the limit message is in the caller's language", async () => {
    const phone = testPhone();
    await from("10.0.6.1", "/api/auth/codes", { phone });
    const en = await t.app.inject({
      method: "POST",
      url: "/api/auth/codes",
      payload: { phone },
      headers: { "accept-language": "en-US,en;q=0.9" },
    });
    assert.equal(en.statusCode, 429);
    assert.equal(en.json().error.message, "Too many attempts; please wait and try again");
    const zh = await from("10.0.6.1", "/api/auth/codes", { phone });
    assert.equal(zh.json().error.message, "操作过于频繁，请稍后再试");
  });
});
