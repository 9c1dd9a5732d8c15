/**
 * Reconciliation: the figures the pages show, read from the rollups, equal an independent recount
 * from the base tables (the event log, gigs, employers, worker profiles) written from
 * docs/indicators.md, not from the rollup code: for every period of the market's history (each
 * day, week, month, the quarter), the city and each district, every supply-and-demand breakdown.
 * Then a closed period's figures are computed, later events arrive, and they are unchanged.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { eq, sql } from "drizzle-orm";
import { startTestApp, type TestApp } from "../../test/support/app.ts";
import { queryRows } from "../db/client.ts";
import { gigs as gigsTable } from "../db/schema/index.ts";
import { loadDemoCity } from "../demo/demo-city.ts";
import { recordMarketEvent } from "../market/market-events.ts";
import { ManualClock } from "../platform/clock.ts";
import { AGE_BAND_FLOORS, type AgeBand } from "./indicators.ts";
import { addEmployer, apply, cancelGig, local, postGig, registerWorker } from "./monitoring.fixtures.ts";
import { categoryNames, divisionNames, eventCounts, type Scope } from "./monitoring.repository.ts";
import { supplyDemandsOf } from "./monitoring.service.ts";
import { addDays, type Period, periodContaining } from "./periods.ts";
import { MonitoringRollup } from "./rollup.ts";
import { seekerIndex } from "./seeker-counts.ts";
import { snapshots } from "./snapshot.ts";
import {
  computeSupplyDemand,
  type DemandRow,
  type SeekerDistrictRow,
  type SeekerRow,
} from "./supply-demand.ts";

// ---- The recount, from docs/indicators.md ------------------------------------------------

/** Local day (Asia/Shanghai, UTC+8) of an instant. */
const dayOf = (at: Date) => new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

interface BaseGig {
  districtCode: string;
  categoryCode: string;
  industryCode: string;
  headcount: number;
  /** First and last local day its vacancies are valid. */
  first: string;
  last: string;
}

interface BaseWorker {
  /** Seeking spells: first and last valid local day. */
  spells: Array<{ first: string; last: string }>;
  profile: {
    categoryCode: string | null;
    districtCode: string | null;
    sex: string | null;
    birthYear: number | null;
    education: string | null;
  } | null;
}

/**
 * "A gig's headcount counts in every period that overlaps the local days from its posting
 * through the day it stopped seeking workers: the day it filled, was cancelled or closed, or at
 * the latest the day its work ends" — the first such event in the log.
 */
async function baseGigs(t: TestApp, cityCode: string): Promise<BaseGig[]> {
  const rows = await queryRows<{
    districtCode: string;
    categoryCode: string;
    industryCode: string | null;
    headcount: number;
    createdAt: string;
    endsAt: string;
    stoppedAt: string | null;
  }>(
    t.ctx.database.db,
    sql`select g.district_code as "districtCode", g.category_code as "categoryCode", e.industry_code as "industryCode",
          g.headcount, g.created_at::text as "createdAt", g.ends_at::text as "endsAt",
          (select min(m.at) from market_events m where m.subject_id = g.id
            and m.kind in ('gig_filled', 'gig_cancelled', 'gig_closed'))::text as "stoppedAt"
        from gigs g join employers e on e.id = g.employer_id where g.city_code = ${cityCode}`,
  );
  return rows.map((r) => {
    const first = dayOf(new Date(r.createdAt));
    const end = dayOf(new Date(r.endsAt));
    const stop = r.stoppedAt ? dayOf(new Date(r.stoppedAt)) : end;
    const last = [stop, end].sort()[0];
    return {
      districtCode: r.districtCode,
      categoryCode: r.categoryCode,
      industryCode: r.industryCode ?? "",
      headcount: r.headcount,
      first,
      // biome-ignore lint/complexity/useMathMinMax: ISO dates as strings, which Math.max would not compare
      last: last < first ? first : last,
    };
  });
}

/**
 * "A worker counts in a period that overlaps a seeking spell: from a seeking act (registration,
 * profile update, application) through 30 days after the last act. An act inside a spell extends it."
 */
async function baseWorkers(t: TestApp, cityCode: string): Promise<BaseWorker[]> {
  const db = t.ctx.database.db;
  const acts = await queryRows<{ workerId: string; at: string }>(
    db,
    sql`select case when m.kind = 'application_made'
              then coalesce((m.detail->>'workerId')::uuid, a.worker_id) else m.subject_id end as "workerId",
            m.at::text as at
        from market_events m left join applications a on m.kind = 'application_made' and a.id = m.subject_id
        where m.city_code = ${cityCode}
          and m.kind in ('worker_registered', 'worker_profile_updated', 'application_made')`,
  );
  const profiles = await queryRows<{
    userId: string;
    anyCategory: boolean;
    categoryCodes: string[];
    districtCodes: string[];
    sex: string | null;
    birthYear: number | null;
    education: string | null;
  }>(
    db,
    sql`select user_id as "userId", any_category as "anyCategory", category_codes as "categoryCodes",
          district_codes as "districtCodes", sex, birth_year as "birthYear", education from worker_profiles`,
  );
  const profileOf = new Map(profiles.map((p) => [p.userId, p]));
  const daysOf = new Map<string, string[]>();
  for (const a of acts) {
    if (!a.workerId) continue;
    daysOf.set(a.workerId, [...(daysOf.get(a.workerId) ?? []), dayOf(new Date(a.at))]);
  }
  return [...daysOf].map(([workerId, days]) => {
    const spells: BaseWorker["spells"] = [];
    for (const day of [...new Set(days)].sort()) {
      const spell = spells.at(-1);
      if (spell && day <= spell.last) spell.last = addDays(day, 30);
      else spells.push({ first: day, last: addDays(day, 30) });
    }
    const p = profileOf.get(workerId);
    return {
      spells,
      profile: p
        ? {
            categoryCode: p.anyCategory || p.categoryCodes.length === 0 ? null : p.categoryCodes[0],
            districtCode: p.districtCodes[0] ?? null,
            sex: p.sex,
            birthYear: p.birthYear,
            education: p.education,
          }
        : null,
    };
  });
}

const overlaps = (first: string, last: string, p: Period) => first < p.to && last >= p.from;

function bandAt(birthYear: number | null, year: number): AgeBand | null {
  if (birthYear === null) return null;
  return AGE_BAND_FLOORS.find(([floor]) => year - birthYear >= floor)?.[1] ?? null;
}

/** The recount of one scope and period: demand rows, seekers by traits and by district, valid seekers. */
function recount(gigs: BaseGig[], workers: BaseWorker[], scope: Scope, p: Period) {
  const demand = new Map<string, DemandRow>();
  for (const g of gigs) {
    if (!overlaps(g.first, g.last, p) || (scope.district && g.districtCode !== scope.district)) continue;
    const key = `${g.categoryCode}|${g.districtCode}|${g.industryCode}`;
    const row = demand.get(key) ?? { ...g, vacancies: 0 };
    row.vacancies += g.headcount;
    demand.set(key, row);
  }
  let valid = 0;
  const seekers = new Map<string, SeekerRow>();
  const districts = new Map<string, SeekerDistrictRow>();
  const year = Number(p.from.slice(0, 4));
  for (const w of workers) {
    if (!w.spells.some((s) => overlaps(s.first, s.last, p))) continue;
    // A district counts those whose main district it is and those who take work anywhere.
    const main = w.profile?.districtCode ?? null;
    if (scope.district && main !== null && main !== scope.district) continue;
    if (scope.district && !w.profile) continue;
    valid += 1;
    if (!w.profile) continue;
    const { categoryCode, sex, education } = w.profile;
    const ageBand = bandAt(w.profile.birthYear, year);
    const key = JSON.stringify([categoryCode, sex, education, ageBand]);
    const row = seekers.get(key) ?? { categoryCode, sex, education, ageBand, people: 0 };
    row.people += 1;
    seekers.set(key, row);
    const d = districts.get(String(main)) ?? { districtCode: main, people: 0 };
    d.people += 1;
    districts.set(String(main), d);
  }
  return {
    demand: [...demand.values()].map(({ categoryCode, districtCode, industryCode, vacancies }) => ({
      categoryCode,
      districtCode,
      industryCode,
      vacancies,
    })),
    seekers: [...seekers.values()],
    districts: [...districts.values()],
    valid,
  };
}

/** Rows as sorted strings, keys in order, to compare sets of rows. */
const sorted = (rows: readonly unknown[]) =>
  rows.map((r) => JSON.stringify(Object.entries(r as object).sort(([a], [b]) => a.localeCompare(b)))).sort();

/** Every day, week and month the history touches, its quarter(s) and the whole span. */
function periodsOver(first: string, last: string): Period[] {
  const out = new Map<string, Period>();
  for (let day = first; day <= last; day = addDays(day, 1)) {
    for (const kind of ["day", "week", "month", "quarter"] as const) {
      const p = periodContaining(kind, day);
      out.set(`${p.from}|${p.to}`, p);
    }
  }
  out.set("all", periodContaining("custom", first, last < addDays(first, 365) ? last : addDays(first, 365)));
  return [...out.values()];
}

/** Compares the rollups' figures with the recount for every scope and period; returns what was compared. */
async function reconcile(t: TestApp, cityCode: string, first: string, last: string) {
  const db = t.ctx.database.db;
  const [gigs, workers, names, divisions] = await Promise.all([
    baseGigs(t, cityCode),
    baseWorkers(t, cityCode),
    categoryNames(db),
    divisionNames(db, [cityCode]),
  ]);
  const groupOf = new Map(names.map((n) => [n.code, n.occupationGroup]));
  const scopes: Scope[] = [
    { cityCodes: [cityCode], district: null },
    ...divisions.map((d) => ({ cityCodes: [cityCode], district: d.code })),
  ];
  const periods = periodsOver(first, last);
  const index = await seekerIndex(t.ctx);
  let vacancies = 0;
  let seekers = 0;
  for (const scope of scopes) {
    const pages = await supplyDemandsOf(t.ctx, scope, periods);
    const stocks = index.stocks(scope, periods);
    const figures = await snapshots(t.ctx, scope, periods, [
      "validVacancies",
      "validSeekers",
      "jobsToSeekersRatio",
    ]);
    for (const [i, p] of periods.entries()) {
      const where = `${scope.district ?? "city"} ${p.kind} ${p.from}..${p.to}`;
      const r = recount(gigs, workers, scope, p);
      const expected = computeSupplyDemand(r.demand, r.seekers, r.districts, (code) => groupOf.get(code));
      // Every breakdown: overall, category, group, district, industry, age band, sex, education, top-10s.
      assert.deepEqual(pages[i], expected, where);
      assert.equal(stocks[i].valid, r.valid, `valid seekers ${where}`);
      const demand = r.demand.reduce((n, d) => n + d.vacancies, 0);
      assert.equal(figures[i].validVacancies, demand, `valid vacancies ${where}`);
      assert.equal(figures[i].validSeekers, r.valid, `valid seekers ${where}`);
      vacancies += demand;
      seekers += r.valid;
    }
  }
  // The flows: each kind's events of each day, as the log has them.
  const logged = await queryRows<{ day: string; kind: string; events: number; quantity: number }>(
    db,
    sql`select (at at time zone 'Asia/Shanghai')::date::text as day, kind, count(*)::int as events,
          sum(quantity)::float8 as quantity
        from market_events where city_code = ${cityCode} group by 1, 2`,
  );
  const rolled = await eventCounts(
    db,
    { cityCodes: [cityCode], district: null },
    { kind: "custom", from: "2000-01-01", to: "2100-01-01" },
    "day",
  );
  assert.deepEqual(
    sorted(rolled.map((r) => ({ day: r.key, kind: r.kind, events: r.events, quantity: r.quantity }))),
    sorted(logged),
  );
  return { periods: periods.length, scopes: scopes.length, vacancies, seekers };
}

// ---- The markets --------------------------------------------------------------------------

describe("reconciliation: the rollups equal a recount from the base tables", () => {
  let t: TestApp;
  const now = local("2026-12-02T15:00:00");
  before(async () => {
    t = await startTestApp({ clock: new ManualClock(now) });
  });
  after(() => t.close());

  it("on the demo city, for every day, week, month and quarter, the city and each district", async () => {
    const summary = await loadDemoCity(t.ctx.database.db, {
      seed: 7,
      workers: 150,
      gigs: 60,
      historyDays: 40,
      now,
    });
    assert.equal(summary.loaded, true);
    await new MonitoringRollup(t.ctx, { batchSize: 500 }).catchUp();
    const [{ cityCode }] = await queryRows<{ cityCode: string }>(
      t.ctx.database.db,
      sql`select city_code as "cityCode" from market_events group by 1 order by count(*) desc limit 1`,
    );
    // The 40 days of history and the two weeks of open gigs ahead.
    const done = await reconcile(t, cityCode, addDays(dayOf(now), -42), addDays(dayOf(now), 14));
    assert.ok(done.periods > 40 && done.vacancies > 0 && done.seekers > 0, JSON.stringify(done));
  });
});

/** A small deterministic pseudo-random sequence. */
function sequence(seed: number) {
  let state = seed;
  return (n: number) => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    // The high bits: an LCG's low bits repeat with a short period.
    return Math.floor(state / 65_536) % n;
  };
}

const DISTRICTS = ["321102", "321111", "321112"];
const CATEGORIES = ["cleaning", "loading", "delivery"];

/** Marks a gig filled (the last place taken) with its event, as the booking service does. */
async function fillGig(t: TestApp, gigId: string, at: Date): Promise<void> {
  const db = t.ctx.database.db;
  const [gig] = await db
    .update(gigsTable)
    .set({ status: "filled", filledAt: at, updatedAt: at })
    .where(eq(gigsTable.id, gigId))
    .returning();
  await recordMarketEvent(db, {
    cityCode: gig.cityCode,
    kind: "gig_filled",
    districtCode: gig.districtCode,
    categoryCode: gig.categoryCode,
    subjectId: gig.id,
    quantity: gig.headcount,
    at,
  });
}

/** A gig that filled earlier closes now: status closed, as a job would leave it. */
async function closeGig(t: TestApp, gigId: string, at: Date): Promise<void> {
  const db = t.ctx.database.db;
  const [gig] = await db
    .update(gigsTable)
    .set({ status: "closed", updatedAt: at })
    .where(eq(gigsTable.id, gigId))
    .returning();
  await recordMarketEvent(db, {
    cityCode: gig.cityCode,
    kind: "gig_closed",
    districtCode: gig.districtCode,
    categoryCode: gig.categoryCode,
    subjectId: gig.id,
    at,
  });
}

describe("reconciliation on random markets, and closed periods that stay closed", () => {
  let t: TestApp;
  const city = "321100";
  let rollup: MonitoringRollup;
  const filledThenClosed: string[] = [];
  const workers: string[] = [];
  before(async () => {
    t = await startTestApp({ clock: new ManualClock(local("2024-12-31T10:00:00")) });
    rollup = new MonitoringRollup(t.ctx, { batchSize: 9 });
    const db = t.ctx.database.db;
    const next = sequence(20_261_202);
    const employer = await addEmployer(db, "321102", "C", local("2024-09-01T09:00:00"));
    const gigs: string[] = [];
    for (let i = 0; i < 24; i++) {
      const posted = addDays("2024-10-01", next(60));
      const gig = await postGig(db, {
        employerId: employer,
        districtCode: DISTRICTS[next(3)],
        categoryCode: CATEGORIES[next(3)],
        headcount: 1 + next(4),
        payFen: 20_000,
        postedAt: local(`${posted}T08:00:00`),
        endsAt: local(`${addDays(posted, 3 + next(40))}T18:00:00`),
      });
      gigs.push(gig);
      const fate = next(4);
      if (fate === 0) await cancelGig(db, gig, local(`${addDays(posted, next(10))}T12:00:00`));
      if (fate === 1) {
        await fillGig(t, gig, local(`${addDays(posted, next(5))}T20:00:00`));
        filledThenClosed.push(gig);
      }
      if (next(3) === 0) await rollup.catchUp();
    }
    for (let w = 0; w < 30; w++) {
      const registered = addDays("2024-09-15", next(70));
      const worker = await registerWorker(db, {
        name: `对账${w}`,
        phone: `1370000${String(w).padStart(4, "0")}`,
        sex: w % 2 ? "female" : "male",
        birthYear: 1960 + next(45),
        education: ["junior", "senior", "college"][next(3)],
        categoryCodes: w % 5 === 0 ? [] : [CATEGORIES[next(3)]],
        anyCategory: w % 7 === 0,
        districtCodes: w % 4 === 0 ? [] : [DISTRICTS[next(3)]],
        registeredAt: local(`${registered}T09:00:00`),
      });
      workers.push(worker);
      let day = registered;
      for (let a = 0; a < next(4); a++) {
        // Gaps around the 30-day window: 30 keeps the spell, 31 starts a new one.
        day = addDays(day, [29, 30, 31, 32, 5, 45][next(6)]);
        if (day > "2024-11-30") break;
        await apply(db, gigs[(w + a * 7) % gigs.length], worker, local(`${day}T10:00:00`));
      }
      if (next(3) === 0) await rollup.catchUp();
    }
    await rollup.catchUp();
  });
  after(() => t.close());

  it("every breakdown of every period equals the recount", async () => {
    const done = await reconcile(t, city, "2024-09-01", "2024-12-31");
    assert.ok(done.vacancies > 0 && done.seekers > 0, JSON.stringify(done));
  });

  it("a closed period's figures do not change when later events arrive", async () => {
    const november = periodContaining("month", "2024-11-05");
    const scope: Scope = { cityCodes: [city], district: null };
    const read = async () => ({
      pages: await supplyDemandsOf(t.ctx, scope, [november]),
      figures: await snapshots(
        t.ctx,
        scope,
        [november],
        ["validVacancies", "validSeekers", "jobsToSeekersRatio"],
      ),
    });
    const before = await read();
    // December: gigs that filled in October and November close; November's seekers act again.
    assert.ok(filledThenClosed.length > 0);
    for (const gig of filledThenClosed) await closeGig(t, gig, local("2024-12-10T09:00:00"));
    for (const worker of workers.slice(0, 10))
      await recordMarketEvent(t.ctx.database.db, {
        cityCode: city,
        kind: "worker_profile_updated",
        subjectId: worker,
        at: local("2024-12-15T09:00:00"),
      });
    await rollup.catchUp();
    assert.deepEqual(await read(), before);
    // And the recount still agrees, December included.
    await reconcile(t, city, "2024-09-01", "2024-12-31");
  });
});
