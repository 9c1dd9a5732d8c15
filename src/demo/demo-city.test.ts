import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { verify } from "@node-rs/argon2";
import { sql } from "drizzle-orm";
import { createScratchDatabase, type ScratchDatabase } from "../../test/support/database.ts";
import { queryRows } from "../db/client.ts";
import { loadReferenceData } from "../reference/reference.loader.ts";
import { DEMO_PASSWORD } from "./city.staff.ts";
import { DEMO_EMPLOYER_PHONE, DEMO_WORKER_PHONE } from "./demo-accounts.ts";
import { loadDemoCity } from "./demo-city.ts";

const LIVE = sql.raw(`('booked', 'confirmed', 'checked_in', 'checked_out', 'completed')`);

describe("loading the demo city into a database", () => {
  let scratch: ScratchDatabase;
  const count = async (query: ReturnType<typeof sql>) =>
    (await queryRows<{ n: number }>(scratch.database.db, query))[0].n;

  before(async () => {
    scratch = await createScratchDatabase();
    await loadReferenceData(scratch.database.db);
    const summary = await loadDemoCity(scratch.database.db, {
      seed: 11,
      workers: 200,
      gigs: 100,
      historyDays: 30,
      now: new Date(),
    });
    assert.equal(summary.loaded, true);
  });
  after(() => scratch.drop());

  it("loads a small city with history and events, and only once unless reset", async () => {
    assert.equal(await count(sql`select count(*)::int as n from worker_profiles`), 200);
    assert.ok((await count(sql`select count(*)::int as n from bookings where status = 'completed'`)) > 100);
    assert.ok((await count(sql`select count(*)::int as n from market_events`)) > 1000);
    const again = await loadDemoCity(scratch.database.db, {
      seed: 12,
      workers: 50,
      gigs: 10,
      historyDays: 5,
      now: new Date(),
    });
    assert.equal(again.loaded, false);
  });

  it("keeps every gig's filled count equal to its live bookings, within its headcount", async () => {
    const wrong = await count(sql`select count(*)::int as n from gigs g
      where g.filled_count <> (select count(*) from bookings b where b.gig_id = g.id and b.status in ${LIVE})
         or g.filled_count > g.headcount
         or (g.status = 'filled' and g.filled_count < g.headcount)`);
    assert.equal(wrong, 0);
  });

  it("keeps workers' reliability counts and rating sums true to the rows", async () => {
    const wrong = await count(sql`select count(*)::int as n from worker_profiles p
      where p.completed_count <> (select count(*) from bookings b where b.worker_id = p.user_id and b.status = 'completed')
         or p.no_show_count <> (select count(*) from bookings b where b.worker_id = p.user_id and b.status = 'no_show')
         or p.late_cancel_count <> (select count(*) from bookings b where b.worker_id = p.user_id and b.late_cancel)
         or p.rating_sum <> (select coalesce(sum(r.stars), 0) from ratings r join bookings b on b.id = r.booking_id
                             where b.worker_id = p.user_id and r.direction = 'employer_to_worker')`);
    assert.equal(wrong, 0);
  });

  it("has the demo worker 王秀英 with history, an upcoming confirmed booking and a pending invitation", async () => {
    const [worker] = await queryRows<{ id: string; name: string; completed: number }>(
      scratch.database.db,
      sql`select u.id, p.name, p.completed_count as completed from users u join worker_profiles p on p.user_id = u.id
          where u.phone = ${DEMO_WORKER_PHONE} and u.role = 'worker'`,
    );
    assert.equal(worker.name, "王秀英");
    assert.ok(worker.completed >= 3);
    // Her scene's booking two days ahead; the simulated market may have booked her more.
    const upcoming = await count(sql`select count(*)::int as n from bookings b join gigs g on g.id = b.gig_id
      where b.worker_id = ${worker.id} and b.status = 'confirmed' and g.starts_at > now()`);
    assert.ok(upcoming >= 1, `upcoming confirmed bookings: ${upcoming}`);
    const invitations = await count(sql`select count(*)::int as n from applications
      where worker_id = ${worker.id} and kind = 'invitation' and status = 'pending'`);
    assert.ok(invitations >= 1, `pending invitations: ${invitations}`);
  });

  it("has the demo employer, verified, with open gigs and applicants", async () => {
    const pending = await count(sql`select count(*)::int as n from users u
      join employers e on e.owner_user_id = u.id and e.verification = 'verified'
      join gigs g on g.employer_id = e.id and g.status = 'open'
      join applications a on a.gig_id = g.id and a.status = 'pending'
      where u.phone = ${DEMO_EMPLOYER_PHONE}`);
    assert.ok(pending >= 3);
  });

  it("lets every station's staff and every admin sign in with the demo password", async () => {
    const staff = await queryRows<{
      username: string;
      password_hash: string;
      district_code: string | null;
      station_id: string | null;
      role: string;
    }>(
      scratch.database.db,
      sql`select username, password_hash, district_code, station_id, role from users where username is not null`,
    );
    const names = staff.map((s) => s.username);
    for (const name of [
      "station.jingkou",
      "admin.jingkou",
      "admin.runzhou",
      "admin.dantu",
      "admin.danyang",
      "admin.yangzhong",
      "admin.jurong",
      "admin.city",
    ])
      assert.ok(names.includes(name), name);
    for (const s of staff.filter((s) => s.role === "station_staff"))
      assert.ok(s.district_code && s.station_id, s.username);
    const cityAdmin = staff.find((s) => s.username === "admin.city");
    assert.ok(cityAdmin && (await verify(cityAdmin.password_hash, DEMO_PASSWORD)));
    assert.equal(await verify(cityAdmin.password_hash, "wrong-password"), false);
  });
});
