import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { ACCEPTED_CONSENT, startTestApp, type TestApp, testPhone } from "../../test/support/app.ts";
import { otpCodes, users } from "../db/schema/index.ts";
import { ManualClock } from "../platform/clock.ts";
import { hashPassword } from "./password.ts";
import { secondsUntilAllowed } from "./rate-limit.ts";

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
    assert.ok(
      answers.every((r) => r.statusCode === 200 || r.json().error.code === "code_requested_too_soon"),
    );
  });

  it("ten wrong passwords at once from one address get five tries, not ten", async () => {
    const wrong = { username: "burst.staff", password: "guess" };
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => from("10.0.3.1", "/api/auth/sign-in/password", wrong)),
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

  /** Asks a code for each phone, each from its own address, so only verification is limited. */
  async function phonesWithCodes(count: number, prefix: string): Promise<string[]> {
    const phones = Array.from({ length: count }, () => testPhone());
    for (const [i, phone] of phones.entries()) {
      assert.equal((await from(`${prefix}.${i}`, "/api/auth/codes", { phone })).statusCode, 200);
    }
    return phones;
  }
  const wrongCodeFor = (phone: string) => (t.sms.lastCodeFor(phone) === "000000" ? "111111" : "000000");
  const verify = (ip: string, phone: string, code: string) =>
    from(ip, "/api/auth/sign-in/phone", { phone, code, role: "worker", consent: ACCEPTED_CONSENT });

  it("one address guessing codes over many phones is stopped after twenty wrong ones in 15 minutes", async () => {
    const phones = await phonesWithCodes(21, "10.0.8");
    const guesser = "10.0.9.1";
    for (const phone of phones.slice(0, 20)) {
      assert.equal((await verify(guesser, phone, wrongCodeFor(phone))).json().error.code, "code_invalid");
    }
    const last = phones[20];
    const refused = await verify(guesser, last, t.sms.lastCodeFor(last) ?? "");
    assert.equal(refused.statusCode, 429, "even the right code waits out the lock from that address");
    assert.equal(refused.json().error.code, "rate_limited");
    assert.ok(Number(refused.headers["retry-after"]) > 0);
    assert.equal((await verify("10.0.9.2", last, t.sms.lastCodeFor(last) ?? "")).statusCode, 200);
  });

  it("a kiosk's good sign-ins do not count towards the address's limit", async () => {
    const phones = await phonesWithCodes(25, "10.0.10");
    for (const phone of phones) {
      assert.equal((await verify("10.0.11.1", phone, t.sms.lastCodeFor(phone) ?? "")).statusCode, 200);
    }
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
      assert.equal(elsewhere.json().error.code, "code_requested_too_soon");
    } finally {
      await second.close();
    }
  });

  it("bursts on two instances at once are held to the same limits", async (test) => {
    if (!t.scratch.url) return test.skip("two instances need PostgreSQL (TEST_DATABASE_URL)");
    const second = await t.secondInstance();
    try {
      const urls = [
        await t.app.listen({ port: 0, host: "127.0.0.1" }),
        await second.app.listen({ port: 0, host: "127.0.0.1" }),
      ];
      /** Every request at once, alternating instances, all from 127.0.0.1. */
      const burst = async (path: string, bodies: object[]) => {
        const answers = await Promise.all(
          bodies.map((body, i) =>
            fetch(`${urls[i % 2]}${path}`, {
              method: "POST",
              headers: { "content-type": "application/json" },
              body: JSON.stringify(body),
            }),
          ),
        );
        return Promise.all(
          answers.map(async (r) => ((await r.json()) as { error: { code: string } }).error.code),
        );
      };
      await t.ctx.database.db.insert(users).values({
        cityCode: "321100",
        role: "city_admin",
        username: "burst.admin",
        passwordHash: await hashPassword("right-password"),
      });
      const passwords = await burst(
        "/api/auth/sign-in/password",
        Array.from({ length: 12 }, () => ({ username: "burst.admin", password: "guess" })),
      );
      assert.equal(passwords.filter((c) => c === "sign_in_failed").length, 5, passwords.join());
      assert.equal(passwords.filter((c) => c === "rate_limited").length, 7);

      const phones = await phonesWithCodes(30, "10.0.12");
      const codes = await burst(
        "/api/auth/sign-in/phone",
        phones.map((phone) => ({ phone, code: wrongCodeFor(phone), role: "worker" })),
      );
      assert.equal(codes.filter((c) => c === "code_invalid").length, 20, codes.join());
      assert.equal(codes.filter((c) => c === "rate_limited").length, 10);
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
    assert.equal(en.json().error.message, "A code was just sent; you can ask for another in 60 seconds");
    const zh = await from("10.0.6.1", "/api/auth/codes", { phone });
    assert.equal(zh.json().error.message, "验证码已发送，请60秒后再获取");
  });
});

describe("how long a limit makes the caller wait", () => {
  const now = new Date("2026-03-02T01:00:00Z");
  const ago = (seconds: number) => new Date(now.getTime() - seconds * 1000);

  it("nothing while the rule still has room", () => {
    assert.equal(secondsUntilAllowed([ago(10)], 2, 60_000, now), 0);
  });

  it("until the attempt that frees a place leaves the window", () => {
    assert.equal(secondsUntilAllowed([ago(45)], 1, 60_000, now), 15);
    // Five in 15 minutes, six made: the two oldest must both leave, so the second oldest decides.
    const times = [ago(800), ago(700), ago(300), ago(200), ago(100), ago(50)];
    assert.equal(secondsUntilAllowed(times, 5, 15 * 60_000, now), 200);
  });

  it("at least a second, never zero when refused", () => {
    assert.equal(secondsUntilAllowed([new Date(ago(60).getTime() + 1)], 1, 60_000, now), 1);
  });
});
