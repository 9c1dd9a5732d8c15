/**
 * The market a city sees at 6 am, written straight into a database for the rush benchmark:
 * 100k workers, 1,000 employers with 20k open gigs over the next two weeks, a few hundred gigs
 * starting within the hour (for check-ins), and sessions for the 10,000 people who act during
 * the run. Rows are inserted in bulk; everything the run does later goes through the HTTP API.
 */
import { randomBytes } from "node:crypto";
import { hashToken } from "../../src/accounts/session.service.ts";
import type { Db } from "../../src/db/client.ts";
import { employers, gigs, sessions, users, workerProfiles } from "../../src/db/schema/index.ts";
import { generateOpenGigColumns, generateWorkerColumns } from "../../src/demo/columns.ts";
import { ZHENJIANG_DISTRICTS } from "../../src/demo/places.ts";
import { DEMO_CATEGORIES } from "../../src/demo/work-patterns.ts";

const CITY = "321100";
const BATCH = 1_000;

export interface RushSizes {
  workers: number;
  employers: number;
  gigs: number;
  /** Workers holding a booking on a gig that starts within the hour (one check-in each). */
  checkIns: number;
  /** Applications waiting for their employer's answer (one acceptance each). */
  accepts: number;
  /** Workers who apply during the run (one application each). */
  applies: number;
  /** Workers signed in for reads; the first of them also check in and apply. */
  signedInWorkers: number;
}

export interface MarketGig {
  id: string;
  employer: number;
  lat: number;
  lng: number;
}

export interface Market {
  workerTokens: string[];
  workerIds: string[];
  employerTokens: string[];
  gigs: MarketGig[];
  /** Gigs starting 30 minutes after "now", ten places each. */
  soonGigs: MarketGig[];
  /** Sessions for the workers who file the applications to be accepted (used before the run). */
  setupWorkerTokens: string[];
}

async function inBatches<T>(rows: T[], insert: (batch: T[]) => Promise<unknown>) {
  for (let start = 0; start < rows.length; start += BATCH) await insert(rows.slice(start, start + BATCH));
}

const phoneOf = (prefix: string, i: number) => `${prefix}${String(i).padStart(8, "0")}`;

async function insertPeople(db: Db, sizes: RushSizes) {
  const owners = Array.from({ length: sizes.employers }, (_, i) => ({
    cityCode: CITY,
    role: "employer" as const,
    phone: phoneOf("137", i),
  }));
  const ownerIds: string[] = [];
  await inBatches(owners, async (batch) => {
    const rows = await db.insert(users).values(batch).returning({ id: users.id });
    ownerIds.push(...rows.map((r) => r.id));
  });
  const employerIds: string[] = [];
  await inBatches(
    ownerIds.map((ownerUserId, i) => ({
      cityCode: CITY,
      ownerUserId,
      kind: "enterprise" as const,
      name: `早高峰用工方${i}`,
      verification: "verified" as const,
    })),
    async (batch) => {
      const rows = await db.insert(employers).values(batch).returning({ id: employers.id });
      employerIds.push(...rows.map((r) => r.id));
    },
  );
  const workerIds: string[] = [];
  await inBatches(
    Array.from({ length: sizes.workers }, (_, i) => ({
      cityCode: CITY,
      role: "worker" as const,
      phone: phoneOf("139", i),
    })),
    async (batch) => {
      const rows = await db.insert(users).values(batch).returning({ id: users.id });
      workerIds.push(...rows.map((r) => r.id));
    },
  );
  const c = generateWorkerColumns(sizes.workers, 11);
  await inBatches(
    workerIds.map((userId, i) => ({
      userId,
      cityCode: CITY,
      name: `零工${i}`,
      categoryCodes: [DEMO_CATEGORIES[c.category[i]].code].concat(
        c.secondCategory[i] >= 0 ? [DEMO_CATEGORIES[c.secondCategory[i]].code] : [],
      ),
      districtCodes: [ZHENJIANG_DISTRICTS[c.district[i]].code],
      homeDistrictCode: ZHENJIANG_DISTRICTS[c.district[i]].code,
      homeLat: c.lat[i],
      homeLng: c.lng[i],
      rangeKm: c.rangeKm[i],
      expectedDailyPayFen: c.expectedDailyPayFen[i],
    })),
    (batch) => db.insert(workerProfiles).values(batch),
  );
  return { ownerIds, employerIds, workerIds };
}

async function insertGigs(
  db: Db,
  nowMs: number,
  count: number,
  employerIds: string[],
  ownerIds: string[],
  soon: boolean,
) {
  const c = generateOpenGigColumns(count, soon ? 13 : 12, nowMs);
  const rows = Array.from({ length: count }, (_, i) => {
    const employer = i % employerIds.length;
    const category = DEMO_CATEGORIES[c.category[i]];
    const startsAt = soon ? nowMs + 30 * 60_000 : c.startMs[i];
    return {
      cityCode: CITY,
      districtCode: ZHENJIANG_DISTRICTS[c.district[i]].code,
      employerId: employerIds[employer],
      postedByUserId: ownerIds[employer],
      categoryCode: category.code,
      title: `${category.nameZh}零工`,
      address: `${ZHENJIANG_DISTRICTS[c.district[i]].streets[i % ZHENJIANG_DISTRICTS[c.district[i]].streets.length]}${(i % 300) + 1}号`,
      lat: c.lat[i],
      lng: c.lng[i],
      startsAt: new Date(startsAt),
      endsAt: new Date(startsAt + (c.endMs[i] - c.startMs[i])),
      headcount: soon ? 10 : c.headcount[i],
      payFen: c.payFen[i],
      payUnit: category.defaultPayUnit,
      settlement: "same_day" as const,
      checkInCode: "246810",
    };
  });
  const out: MarketGig[] = [];
  await inBatches(rows, async (batch) => {
    const inserted = await db
      .insert(gigs)
      .values(batch)
      .returning({ id: gigs.id, lat: gigs.lat, lng: gigs.lng });
    out.push(...inserted.map((g, j) => ({ ...g, employer: (out.length + j) % employerIds.length })));
  });
  return out;
}

async function signIn(db: Db, userIds: string[], nowMs: number): Promise<string[]> {
  const tokens = userIds.map(() => randomBytes(32).toString("base64url"));
  const expiresAt = new Date(nowMs + 30 * 86_400_000);
  await inBatches(
    userIds.map((userId, i) => ({ tokenHash: hashToken(tokens[i]), userId, expiresAt })),
    (batch) => db.insert(sessions).values(batch),
  );
  return tokens;
}

export async function buildMarket(db: Db, nowMs: number, sizes: RushSizes): Promise<Market> {
  const { ownerIds, employerIds, workerIds } = await insertPeople(db, sizes);
  const regular = await insertGigs(db, nowMs, sizes.gigs, employerIds, ownerIds, false);
  const soonGigs = await insertGigs(db, nowMs, Math.ceil(sizes.checkIns / 10), employerIds, ownerIds, true);
  const signedIn = workerIds.slice(0, sizes.signedInWorkers);
  const setupWorkers = workerIds.slice(sizes.signedInWorkers, sizes.signedInWorkers + sizes.accepts);
  return {
    workerTokens: await signIn(db, signedIn, nowMs),
    workerIds: signedIn,
    employerTokens: await signIn(db, ownerIds, nowMs),
    gigs: regular,
    soonGigs,
    setupWorkerTokens: await signIn(db, setupWorkers, nowMs),
  };
}
