/** SQL for gigs: insert, load with their employer, take and release places, browse. */
import { and, asc, desc, eq, gt, gte, inArray, lt, lte, type SQL, sql } from "drizzle-orm";
import type { DbOrTx } from "../db/client.ts";
import { applications, categories, divisions, employers, type GigStatus, gigs } from "../db/schema/index.ts";
import { EARTH_RADIUS_M } from "./geography.ts";
import { HOURS_PER_DAY } from "./gig.rules.ts";

export type GigRow = typeof gigs.$inferSelect;

/** A gig with what every view of it shows: category and district names, the employer. */
export const gigWithNames = {
  gig: gigs,
  categoryNameZh: categories.nameZh,
  districtName: divisions.name,
  employerName: employers.name,
  employerOwnerUserId: employers.ownerUserId,
  employerVerification: employers.verification,
  employerRatingSum: employers.ratingSum,
  employerRatingCount: employers.ratingCount,
};

function selectGigsWithNames(db: DbOrTx, extra: Record<string, SQL.Aliased | SQL> = {}) {
  return db
    .select({ ...gigWithNames, ...extra })
    .from(gigs)
    .innerJoin(categories, eq(categories.code, gigs.categoryCode))
    .innerJoin(divisions, eq(divisions.code, gigs.districtCode))
    .innerJoin(employers, eq(employers.id, gigs.employerId));
}

export type GigWithNames = NonNullable<Awaited<ReturnType<typeof findGigWithNames>>>;

export async function findGigWithNames(db: DbOrTx, id: string) {
  const [row] = await selectGigsWithNames(db).where(eq(gigs.id, id)).limit(1);
  return row ?? null;
}

export async function findGig(db: DbOrTx, id: string): Promise<GigRow | null> {
  const [row] = await db.select().from(gigs).where(eq(gigs.id, id)).limit(1);
  return row ?? null;
}

/**
 * Locks the gig row for the rest of the transaction (decision 0006: the gig before its
 * bookings). `update` for a command that will change the gig (places, status); `share` for one
 * that changes only a booking, so that check-ins on the same gig do not wait for each other
 * but do wait for a cancellation of the gig.
 */
export async function lockGig(db: DbOrTx, id: string, mode: "update" | "share"): Promise<GigRow | null> {
  const [row] = await db
    .select()
    .from(gigs)
    .where(eq(gigs.id, id))
    .for(mode === "update" ? "no key update" : "share");
  return row ?? null;
}

export async function insertGig(db: DbOrTx, values: typeof gigs.$inferInsert): Promise<GigRow> {
  const [row] = await db.insert(gigs).values(values).returning();
  return row;
}

export async function findEmployerByOwner(db: DbOrTx, userId: string) {
  const [row] = await db.select().from(employers).where(eq(employers.ownerUserId, userId)).limit(1);
  return row ?? null;
}

export async function findEmployer(db: DbOrTx, id: string) {
  const [row] = await db.select().from(employers).where(eq(employers.id, id)).limit(1);
  return row ?? null;
}

export async function findDivision(db: DbOrTx, code: string) {
  const [row] = await db.select().from(divisions).where(eq(divisions.code, code)).limit(1);
  return row ?? null;
}

/**
 * Takes one place (decision 0003): the row lock serialises every accept on the gig, across
 * connections and server instances; no row back means full, not open, or started.
 */
export async function takePlace(db: DbOrTx, gigId: string, now: Date): Promise<GigRow | null> {
  const [row] = await db
    .update(gigs)
    .set({ filledCount: sql`${gigs.filledCount} + 1`, updatedAt: now })
    .where(
      and(
        eq(gigs.id, gigId),
        eq(gigs.status, "open"),
        lt(gigs.filledCount, gigs.headcount),
        gt(gigs.startsAt, now),
      ),
    )
    .returning();
  return row ?? null;
}

/** Gives back `count` places (cancellation, no-show), never below zero. */
export async function releasePlaces(db: DbOrTx, gigId: string, count: number, now: Date): Promise<GigRow> {
  const [row] = await db
    .update(gigs)
    .set({ filledCount: sql`greatest(${gigs.filledCount} - ${count}, 0)`, updatedAt: now })
    .where(eq(gigs.id, gigId))
    .returning();
  return row;
}

/** Moves a gig between statuses only if it is still in `from`: the loser of a race gets null. */
export async function moveGigStatus(
  db: DbOrTx,
  gigId: string,
  from: readonly GigStatus[],
  values: Partial<typeof gigs.$inferInsert> & { status: GigStatus },
): Promise<GigRow | null> {
  const [row] = await db
    .update(gigs)
    .set(values)
    .where(and(eq(gigs.id, gigId), inArray(gigs.status, [...from])))
    .returning();
  return row ?? null;
}

export interface BrowseFilter {
  cityCode: string;
  now: Date;
  categoryCode?: string;
  districtCode?: string;
  near?: { lat: number; lng: number };
  withinM?: number;
  day?: { from: Date; to: Date };
  sameDayPayOnly?: boolean;
  minDailyPayFen?: number;
  sort: "nearest" | "best_paid" | "soonest";
  limit: number;
  offset: number;
}

const dailyEquivalent = sql<number | null>`(case ${gigs.payUnit} when 'day' then ${gigs.payFen}
  when 'hour' then ${gigs.payFen} * ${HOURS_PER_DAY} end)`;

/**
 * Great-circle metres on the sphere every other distance uses (geography.ts EARTH_RADIUS_M):
 * earthdistance's own sphere is `earth()` (6,378,168 m), so its answer is rescaled; a gig within
 * 5 km here is within 5 km on every screen and in the in-memory browse.
 */
function distanceFrom(point: { lat: number; lng: number }) {
  return sql<number>`(earth_distance(ll_to_earth(${gigs.lat}, ${gigs.lng}),
    ll_to_earth(${point.lat}::float8, ${point.lng}::float8)) * ${EARTH_RADIUS_M}::float8 / earth())`;
}

function browseConditions(f: BrowseFilter): SQL[] {
  const conditions: SQL[] = [
    eq(gigs.cityCode, f.cityCode),
    eq(gigs.status, "open"),
    gt(gigs.startsAt, f.now),
  ];
  if (f.categoryCode) conditions.push(eq(gigs.categoryCode, f.categoryCode));
  if (f.districtCode) conditions.push(eq(gigs.districtCode, f.districtCode));
  if (f.near && f.withinM !== undefined) conditions.push(lte(distanceFrom(f.near), f.withinM));
  if (f.day) conditions.push(gte(gigs.startsAt, f.day.from), lt(gigs.startsAt, f.day.to));
  if (f.sameDayPayOnly) conditions.push(eq(gigs.settlement, "same_day"));
  if (f.minDailyPayFen !== undefined) conditions.push(gte(dailyEquivalent, f.minDailyPayFen));
  return conditions;
}

function browseOrder(f: BrowseFilter): SQL[] {
  if (f.sort === "nearest" && f.near) return [asc(distanceFrom(f.near)), asc(gigs.startsAt), asc(gigs.id)];
  if (f.sort === "best_paid")
    return [sql`${dailyEquivalent} desc nulls last`, asc(gigs.startsAt), asc(gigs.id)];
  return [asc(gigs.startsAt), asc(gigs.id)];
}

/** Open gigs that have not started, filtered, sorted and paged; with the total for paging. */
export async function browseGigs(db: DbOrTx, f: BrowseFilter) {
  const where = and(...browseConditions(f));
  const rows = await selectGigsWithNames(db)
    .where(where)
    .orderBy(...browseOrder(f))
    .limit(f.limit)
    .offset(f.offset);
  const [{ total }] = await db.select({ total: sql<number>`count(*)::int` }).from(gigs).where(where);
  return { rows, total };
}

/** Gigs with their names, by id, in the order of `ids` (one page of a browse answered from memory). */
export async function gigsWithNamesByIds(db: DbOrTx, ids: string[]): Promise<GigWithNames[]> {
  if (ids.length === 0) return [];
  const rows = await selectGigsWithNames(db).where(inArray(gigs.id, ids));
  const byId = new Map(rows.map((row) => [row.gig.id, row]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** An employer's gigs, newest start first, with how many applications and invitations await an answer. */
export async function employerGigs(db: DbOrTx, employerId: string) {
  const pending = (kind: "application" | "invitation") =>
    sql<number>`(select count(*)::int from ${applications} a
      where a.gig_id = ${gigs.id} and a.status = 'pending' and a.kind = ${kind})`;
  return selectGigsWithNames(db, {
    pendingApplications: pending("application"),
    pendingInvitations: pending("invitation"),
  })
    .where(eq(gigs.employerId, employerId))
    .orderBy(desc(gigs.startsAt))
    .limit(200) as unknown as Promise<
    Array<GigWithNames & { pendingApplications: number; pendingInvitations: number }>
  >;
}
