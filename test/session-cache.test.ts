/**
 * Sessions kept in memory (src/accounts/session-cache.ts): a request is told who sent it without a
 * database round trip, yet losing access is immediate, on this instance and on the others, whatever
 * path changed the session or the account.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { sql } from "drizzle-orm";
import { startTestApp, type TestApp } from "./support/app.ts";
import { usingPostgres } from "./support/database.ts";

/** Asks until the answer is 401, for at most a second; returns how long it took. */
async function lostAccessWithin(ask: () => Promise<number>): Promise<number> {
  const started = performance.now();
  for (;;) {
    const status = await ask();
    if (status === 401) return performance.now() - started;
    assert.equal(status, 200);
    assert.ok(performance.now() - started < 1_000, "still signed in a second after losing access");
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe("sessions kept in memory", () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
  });
  after(async () => {
    await t?.close();
  });

  const me = async (token: string) => (await t.request("GET", "/api/me", { as: token })).statusCode;

  it("answers from memory once a session is known (the database is not asked again)", async () => {
    const { token } = await t.tokenFor("worker");
    assert.equal(await me(token), 200);
    // With the database's notices switched off, a change it does not announce is not seen: the
    // instance did not ask. (Switched back on at once; the next tests rely on the notices.)
    const db = t.ctx.database.db;
    await db.execute(sql`ALTER TABLE sessions DISABLE TRIGGER sessions_session_changed`);
    try {
      await db.execute(sql`UPDATE sessions SET revoked_at = now()`);
      assert.equal(await me(token), 200);
    } finally {
      await db.execute(sql`ALTER TABLE sessions ENABLE TRIGGER sessions_session_changed`);
    }
  });

  it("signing out ends the session at once", async () => {
    const { token } = await t.tokenFor("worker");
    assert.equal(await me(token), 200);
    const out = await t.request("POST", "/api/auth/sign-out", { as: token });
    assert.equal(out.statusCode, 200);
    assert.equal(await me(token), 401);
  });

  it("an account disabled by any path, even plain SQL, loses access at once", async () => {
    const { token, userId: id } = await t.tokenFor("worker");
    assert.equal(await me(token), 200);
    await t.ctx.database.db.execute(sql`UPDATE users SET status = 'disabled' WHERE id = ${id}`);
    await lostAccessWithin(() => me(token));
  });

  it("a changed district reaches the session at once (who the user is, not only whether)", async () => {
    const { token } = await t.tokenFor("station_staff", { districtCode: "321102" });
    const first = await t.request("GET", "/api/me", { as: token });
    assert.equal(first.json().districtCode, "321102");
    await t.ctx.database.db.execute(
      sql`UPDATE users SET district_code = '321111' WHERE id = ${first.json().id}`,
    );
    const started = performance.now();
    for (;;) {
      const now = await t.request("GET", "/api/me", { as: token });
      if (now.json().districtCode === "321111") break;
      assert.ok(performance.now() - started < 1_000, "the old district a second later");
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  });
});

const skip = usingPostgres() ? false : "needs PostgreSQL: two server instances on one database";

describe("sessions kept in memory on two instances", { skip }, () => {
  let t: TestApp;
  let second: Awaited<ReturnType<TestApp["secondInstance"]>>;
  before(async () => {
    t = await startTestApp();
    second = await t.secondInstance();
  });
  after(async () => {
    await second?.close();
    await t?.close();
  });

  const onSecond = async (token: string) =>
    (await second.app.inject({ url: "/api/me", headers: { authorization: `Bearer ${token}` } })).statusCode;

  it("signing out on one instance ends the session on the other", async () => {
    const { token } = await t.tokenFor("worker");
    assert.equal(await onSecond(token), 200);
    assert.equal(await onSecond(token), 200);
    assert.equal((await t.request("POST", "/api/auth/sign-out", { as: token })).statusCode, 200);
    const ms = await lostAccessWithin(() => onSecond(token));
    assert.ok(ms < 1_000);
  });

  it("a staff account disabled on one instance is refused on the other", async () => {
    const { token: admin } = await t.tokenFor("city_admin");
    const { token: staff, userId: staffId } = await t.tokenFor("station_staff");
    assert.equal(await onSecond(staff), 200);
    const disabled = await t.request("PATCH", `/api/admin/staff/${staffId}`, {
      as: admin,
      body: { status: "disabled" },
    });
    assert.equal(disabled.statusCode, 200, disabled.body);
    // On the instance that disabled it, at once; on the other, as soon as the notice crosses.
    assert.equal((await t.request("GET", "/api/me", { as: staff })).statusCode, 401);
    await lostAccessWithin(() => onSecond(staff));
  });
});
