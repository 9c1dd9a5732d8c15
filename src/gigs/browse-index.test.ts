/**
 * Browsing from the gig index gives the database's answer: for a random market of open, filled
 * and started gigs in two cities, every filter, order and page agrees with the SQL of
 * `browseGigs` (same ids in the same order, same total), and a gig posted on this instance is
 * in the very next browse over HTTP.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { startTestApp, TEST_CITY, type TestApp } from "../../test/support/app.ts";
import { employer, postedGig } from "../../test/support/market-fixtures.ts";
import { cities, employers, gigs, users } from "../db/schema/index.ts";
import { Random } from "../demo/random.ts";
import { recordMarketEvent } from "../market/market-events.ts";
import { ManualClock } from "../platform/clock.ts";
import { browseIndex } from "./gigs.browse-index.ts";
import { type BrowseFilter, browseGigs } from "./gigs.repository.ts";

const NOW = new Date("2024-03-04T00:00:00Z");
const HOUR = 3_600_000;
const DISTRICTS = ["321102", "321111", "321112"];
const CATEGORIES = ["cleaning", "loading", "housekeeping"];
const CENTRE = { lat: 32.2, lng: 119.45 };

describe("browsing open gigs from memory", () => {
  let t: TestApp;
  const random = new Random(42);

  async function employerIn(cityCode: string) {
    const db = t.ctx.database.db;
    const [owner] = await db.insert(users).values({ cityCode, role: "employer" }).returning();
    const [row] = await db
      .insert(employers)
      .values({ cityCode, ownerUserId: owner.id, kind: "enterprise", name: `用工方${cityCode}` })
      .returning();
    return { employerId: row.id, ownerId: owner.id };
  }

  before(async () => {
    t = await startTestApp({ clock: new ManualClock(NOW) });
    await t.ctx.database.db
      .insert(cities)
      .values({ code: "320100", name: "南京市", centerLat: 32.06, centerLng: 118.8 });
    const here = await employerIn(TEST_CITY);
    const elsewhere = await employerIn("320100");
    const rows = Array.from({ length: 300 }, (_, i) => {
      const other = i % 10 === 0;
      const who = other ? elsewhere : here;
      const headcount = random.int(1, 3);
      const startsAt = NOW.getTime() + (random.int(-5, 14 * 24) + 0.5) * HOUR;
      return {
        cityCode: other ? "320100" : TEST_CITY,
        districtCode: other ? "320102" : random.pick(DISTRICTS),
        employerId: who.employerId,
        postedByUserId: who.ownerId,
        categoryCode: random.pick(CATEGORIES),
        title: `零工${i}`,
        address: "镇江市",
        lat: CENTRE.lat + (random.next() - 0.5) * 0.3,
        lng: CENTRE.lng + (random.next() - 0.5) * 0.3,
        startsAt: new Date(startsAt),
        endsAt: new Date(startsAt + random.int(2, 10) * HOUR),
        headcount,
        filledCount: random.int(0, headcount - 1),
        status: random.chance(0.1) ? ("filled" as const) : ("open" as const),
        payFen: random.pick([150_00, 200_00, 250_00, 25_00, 30_00, 2_00]),
        payUnit: random.pick(["day", "day", "hour", "piece"] as const),
        settlement: random.pick(["same_day", "on_completion"] as const),
        checkInCode: "1234",
      };
    });
    // A filled gig has no place left, as the booking rules keep it.
    for (const row of rows) if (row.status === "filled") row.filledCount = row.headcount;
    await t.ctx.database.db.transaction(async (tx) => {
      const inserted = await tx.insert(gigs).values(rows).returning();
      for (const gig of inserted)
        await recordMarketEvent(tx, {
          cityCode: gig.cityCode,
          kind: "gig_posted",
          subjectId: gig.id,
          districtCode: gig.districtCode,
        });
    });
    // Notices arrive asynchronously: wait until the index holds every gig still taking workers.
    const open = rows.filter((r) => r.status === "open" && r.startsAt > NOW).length;
    for (let attempt = 0; t.app.matching.gigs.size < open && attempt < 100; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      await t.app.matching.settled();
    }
    assert.equal(t.app.matching.gigs.size, open);
  });

  after(() => t.close());

  const filters: Array<Partial<BrowseFilter> & Pick<BrowseFilter, "sort">> = [
    { sort: "soonest" },
    { sort: "best_paid" },
    { sort: "nearest", near: CENTRE },
    { sort: "nearest", near: CENTRE, withinM: 5_000 },
    { sort: "soonest", near: CENTRE, withinM: 8_000, categoryCode: "cleaning" },
    { sort: "best_paid", districtCode: "321111", sameDayPayOnly: true },
    { sort: "soonest", minDailyPayFen: 200_00 },
    {
      sort: "best_paid",
      day: { from: new Date(NOW.getTime() + 16 * HOUR), to: new Date(NOW.getTime() + 40 * HOUR) },
    },
    { sort: "soonest", categoryCode: "no_such_kind" },
    { sort: "soonest", districtCode: "321183" },
  ];

  for (const partial of filters) {
    for (const page of [0, 1, 3]) {
      it(`${JSON.stringify(partial)} page ${page + 1} is the database's page`, async () => {
        const filter: BrowseFilter = {
          cityCode: TEST_CITY,
          now: NOW,
          limit: 20,
          offset: page * 20,
          ...partial,
        };
        const fromSql = await browseGigs(t.ctx.database.db, filter);
        const fromMemory = browseIndex(t.app.matching.gigs, filter);
        assert.equal(fromMemory.total, fromSql.total);
        assert.deepEqual(
          fromMemory.ids,
          fromSql.rows.map((r) => r.gig.id),
        );
      });
    }
  }

  it("a gig posted over HTTP is in the next browse", async () => {
    const boss = await employer(t);
    const id = await postedGig(t, boss, {}, 0.75, 2);
    const list = await t.request("GET", "/api/gigs?sort=soonest&pageSize=5");
    assert.equal(list.statusCode, 200, list.body);
    assert.equal(list.json().items[0].id, id);
  });
});
