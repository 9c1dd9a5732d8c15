import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { eq } from "drizzle-orm";
import { startTestApp, type TestApp } from "../../test/support/app.ts";
import { sseEvents } from "../../test/support/event-stream.ts";
import { type EmployerActor, employer, postedGig, stationStaff } from "../../test/support/market-fixtures.ts";
import { stations, users } from "../db/schema/index.ts";
import { ManualClock } from "../platform/clock.ts";

interface Board {
  gigs: Array<{ id: string; title: string; openPlaces: number }>;
  openGigs: number;
  hiresToday: number;
  station: { phone: string };
}

describe("the station's board on the information screen (信息发布屏)", () => {
  let t: TestApp;
  let boss: EmployerActor;
  let screen: string;

  before(async () => {
    t = await startTestApp({ clock: new ManualClock(new Date("2030-03-02T00:30:00Z")) });
    const staff = await stationStaff(t);
    const [{ stationId }] = await t.ctx.database.db
      .select({ stationId: users.stationId })
      .from(users)
      .where(eq(users.id, staff.userId));
    await t.ctx.database.db
      .update(stations)
      .set({ phone: "0511-85012345", openingHours: "周一至周六 7:00-17:00" })
      .where(eq(stations.id, stationId as string));
    boss = await employer(t);
    const created = await t.request("POST", "/api/devices", {
      as: staff.token,
      body: { stationId, kind: "screen", name: "门口大屏" },
    });
    const enrolled = await t.request("POST", "/api/devices/enrol", {
      body: { code: created.json().enrolmentCode },
    });
    screen = enrolled.json().token;
  });
  after(() => t.close());

  const board = () =>
    t.app.inject({ url: "/api/devices/self/board", headers: { authorization: `Device ${screen}` } });

  it("shows the open gigs near the station with places left, the station's phone, and nothing personal", async () => {
    const gigId = await postedGig(t, boss, { title: "超市理货" });
    const response = await board();
    assert.equal(response.statusCode, 200, response.body);
    const body = response.json() as Board;
    const gig = body.gigs.find((g) => g.id === gigId);
    assert.equal(gig?.title, "超市理货");
    assert.equal(gig?.openPlaces, 3);
    assert.equal(body.station.phone, "0511-85012345");
    assert.equal(typeof body.hiresToday, "number");
    assert.doesNotMatch(response.body, /镇江好帮手|employer|1[3-9]\d{9}/, "no employer, no mobile number");
  });

  it("pushes the board again when a gig is posted (server-sent events)", async () => {
    const address = await t.app.listen({ port: 0, host: "127.0.0.1" });
    const abort = new AbortController();
    const res = await fetch(`${address}/api/devices/self/stream`, {
      headers: { authorization: `Device ${screen}` },
      signal: abort.signal,
    });
    assert.equal(res.status, 200);
    assert.match(String(res.headers.get("content-type")), /text\/event-stream/);
    const events = sseEvents<Board>(res.body as ReadableStream<Uint8Array>, "board");
    try {
      const first = await events.next();
      assert.equal(first.done, false);
      const gigId = await postedGig(t, boss, { title: "搬家小工" });
      let next = await events.next();
      while (!next.done && !next.value.gigs.some((g) => g.id === gigId)) next = await events.next();
      assert.equal(next.done, false);
      assert.equal(next.value.openGigs, first.value.openGigs + 1);
    } finally {
      abort.abort();
    }
  });

  it("a staff session cannot read the board", async () => {
    const staff = await stationStaff(t);
    const response = await t.request("GET", "/api/devices/self/board", { as: staff.token });
    assert.equal(response.statusCode, 401);
  });
});
