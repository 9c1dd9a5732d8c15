import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { startTestApp, type TestApp } from "../../test/support/app.ts";
import { ManualClock } from "../platform/clock.ts";
import type { SessionUser } from "../platform/http/access.ts";
import { recordAudit } from "./audit.service.ts";

interface Page {
  items: Array<{ action: string; actorUserId: string; personalData: boolean; at: string; ip: string | null }>;
  nextOffset: number | null;
}

describe("the audit log", () => {
  let t: TestApp;
  const clock = new ManualClock(new Date("2026-04-01T02:00:00Z"));
  let cityAdmin: string;
  let jingkouAdmin: string;
  let jingkouStaff: { token: string; userId: string };
  let runzhouStaff: { token: string; userId: string };
  let workerId: string;

  function staffUser(userId: string, districtCode: string): SessionUser {
    return {
      id: userId,
      role: "station_staff",
      cityCode: "321100",
      districtCode,
      stationId: null,
      displayName: "",
    };
  }

  async function search(as: string, query = ""): Promise<Page> {
    const res = await t.request("GET", `/api/audit${query}`, { as });
    assert.equal(res.statusCode, 200, res.body);
    return res.json();
  }

  before(async () => {
    t = await startTestApp({ clock });
    cityAdmin = (await t.tokenFor("city_admin")).token;
    jingkouAdmin = (await t.tokenFor("district_admin", { districtCode: "321102" })).token;
    jingkouStaff = await t.tokenFor("station_staff", { districtCode: "321102" });
    runzhouStaff = await t.tokenFor("station_staff", { districtCode: "321111" });
    const db = t.ctx.database.db;
    // 京口 staff: three service notes over three hours, then one view of a worker's phone.
    for (let hour = 0; hour < 3; hour++) {
      await recordAudit(db, {
        actor: staffUser(jingkouStaff.userId, "321102"),
        action: "service_record.created",
        subjectType: "worker",
        at: new Date(Date.UTC(2026, 3, 1, 2 + hour)),
      });
    }
    const worker = await t.tokenFor("worker");
    workerId = worker.userId;
    await t.request("PUT", "/api/workers/me/profile", {
      as: worker.token,
      body: { name: "赵德明", categoryCodes: [], districtCodes: ["321102", "321111"] },
    });
    clock.set(new Date("2026-04-01T06:00:00Z"));
    const seen = await t.app.inject({
      method: "GET",
      url: `/api/workers/${worker.userId}/contact`,
      headers: { authorization: `Bearer ${jingkouStaff.token}` },
      remoteAddress: "10.9.8.7",
    });
    assert.equal(seen.statusCode, 200);
    // 润州 staff: one view of the same worker's phone.
    clock.set(new Date("2026-04-01T07:00:00Z"));
    const seenByRunzhou = await t.request("GET", `/api/workers/${worker.userId}/contact`, {
      as: runzhouStaff.token,
    });
    assert.equal(seenByRunzhou.statusCode, 200);
  });
  after(() => t.close());

  it("the city admin sees every action in the city, newest first", async () => {
    const page = await search(cityAdmin);
    assert.equal(page.items.length, 5);
    assert.equal(page.items[0].actorUserId, runzhouStaff.userId);
    const times = page.items.map((r) => r.at);
    assert.deepEqual(times, [...times].sort().reverse());
  });

  it("a district admin sees only what her district's staff did", async () => {
    const page = await search(jingkouAdmin);
    assert.equal(page.items.length, 4);
    assert.ok(page.items.every((r) => r.actorUserId === jingkouStaff.userId));
  });

  it("a staff view of a phone number is marked as personal data, with the time and address", async () => {
    const page = await search(cityAdmin, "?personalDataOnly=true");
    assert.deepEqual(
      page.items.map((r) => r.action),
      ["worker.contact_viewed", "worker.contact_viewed"],
    );
    assert.equal(page.items[1].at, "2026-04-01T06:00:00.000Z", "recorded at the clock's time");
    assert.equal(page.items[1].ip, "10.9.8.7");
  });

  it("answers who saw one person's data: the views of her phone, by whom", async () => {
    const page = await search(cityAdmin, `?personalDataOnly=true&subjectId=${workerId}`);
    assert.deepEqual(
      page.items.map((r) => [r.action, r.actorUserId]),
      [
        ["worker.contact_viewed", runzhouStaff.userId],
        ["worker.contact_viewed", jingkouStaff.userId],
      ],
    );
    const nobody = await search(cityAdmin, `?subjectId=${jingkouStaff.userId}`);
    assert.equal(nobody.items.length, 0, "nothing was done to the staff member herself");
  });

  it("reports who viewed personal data: per staff member, views and people, scoped like the log", async () => {
    const report = async (as: string, query = "") => {
      const res = await t.request("GET", `/api/audit/personal-data-views${query}`, { as });
      assert.equal(res.statusCode, 200, res.body);
      return res.json() as Array<{ actorUserId: string; views: number; people: number; lastAt: string }>;
    };
    const city = await report(cityAdmin);
    assert.deepEqual(
      city.map((r) => [r.actorUserId, r.views, r.people]).sort(),
      [
        [jingkouStaff.userId, 1, 1],
        [runzhouStaff.userId, 1, 1],
      ].sort(),
    );
    assert.equal(city.find((r) => r.actorUserId === runzhouStaff.userId)?.lastAt, "2026-04-01T07:00:00.000Z");
    const jingkou = await report(jingkouAdmin);
    assert.deepEqual(
      jingkou.map((r) => r.actorUserId),
      [jingkouStaff.userId],
    );
    const before = await report(cityAdmin, "?to=2026-04-01T06:30:00Z");
    assert.deepEqual(
      before.map((r) => r.actorUserId),
      [jingkouStaff.userId],
    );
    const staffAsks = await t.request("GET", "/api/audit/personal-data-views", { as: jingkouStaff.token });
    assert.equal(staffAsks.statusCode, 403);
  });

  it("filters by actor, action and time", async () => {
    const byActor = await search(cityAdmin, `?actorUserId=${runzhouStaff.userId}`);
    assert.equal(byActor.items.length, 1);
    const byAction = await search(cityAdmin, "?action=service_record.created");
    assert.equal(byAction.items.length, 3);
    const window = await search(
      cityAdmin,
      `?from=${encodeURIComponent("2026-04-01T03:00:00Z")}&to=${encodeURIComponent("2026-04-01T06:00:00Z")}`,
    );
    assert.equal(window.items.length, 3, "the 03:00 and 04:00 notes and the 06:00 view");
  });

  it("pages through the log", async () => {
    const first = await search(cityAdmin, "?limit=2");
    assert.equal(first.items.length, 2);
    assert.equal(first.nextOffset, 2);
    const second = await search(cityAdmin, "?limit=2&offset=2");
    assert.equal(second.nextOffset, 4);
    const last = await search(cityAdmin, "?limit=2&offset=4");
    assert.equal(last.items.length, 1);
    assert.equal(last.nextOffset, null);
    const ids = [...first.items, ...second.items, ...last.items].map((r) => `${r.at}${r.action}`);
    assert.equal(new Set(ids).size, 5, "no row shown twice");
  });

  it("station staff, workers and employers may not read it, and nobody signed out", async () => {
    for (const token of [
      jingkouStaff.token,
      (await t.tokenFor("worker")).token,
      (await t.tokenFor("employer")).token,
    ]) {
      const res = await t.request("GET", "/api/audit", { as: token });
      assert.equal(res.statusCode, 403);
      assert.equal(res.json().error.code, "forbidden");
    }
    assert.equal((await t.request("GET", "/api/audit")).statusCode, 401);
  });

  it("refuses a malformed filter rather than failing", async () => {
    const res = await t.request("GET", "/api/audit?from=yesterday", { as: cityAdmin, lang: "en" });
    assert.equal(res.statusCode, 400);
    assert.equal(res.json().error.code, "invalid_request");
    assert.match(res.json().error.message, /^The request is not valid/);
  });
});
