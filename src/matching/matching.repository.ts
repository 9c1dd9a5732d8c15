/** Every query matching makes: loading the indexes, scoping gigs, and storing dispatches. */
import { and, eq, gt, inArray, isNotNull, lt, sql } from "drizzle-orm";
import type { DbOrTx } from "../db/client.ts";
import { queryRows } from "../db/client.ts";
import {
  type Availability,
  applications,
  categories,
  cities,
  cityCategories,
  type DispatchChannel,
  dispatches,
  dispatchOffers,
  divisions,
  employers,
  gigs,
  marketEvents,
  users,
  workerProfiles,
} from "../db/schema/index.ts";

export async function listCategories(db: DbOrTx) {
  return db
    .select({
      code: categories.code,
      nameZh: categories.nameZh,
      nameEn: categories.nameEn,
      referenceDailyPayFen: categories.referenceDailyPayFen,
    })
    .from(categories);
}

/** The reference pay each city set for categories of the national base (decision 0017). */
export async function listCityReferencePays(db: DbOrTx) {
  const rows = await db
    .select({
      cityCode: cityCategories.cityCode,
      code: cityCategories.categoryCode,
      referenceDailyPayFen: cityCategories.referenceDailyPayFen,
    })
    .from(cityCategories)
    .where(isNotNull(cityCategories.referenceDailyPayFen));
  return rows.map((r) => ({ ...r, referenceDailyPayFen: r.referenceDailyPayFen as number }));
}

export async function listCityZones(db: DbOrTx) {
  return db.select({ code: cities.code, timezone: cities.timezone }).from(cities);
}

/** Gigs still taking workers: open, places left, not yet started. Only these when `ids` are given. */
export async function openGigRows(db: DbOrTx, now: Date, ids?: string[]) {
  return db
    .select({
      id: gigs.id,
      cityCode: gigs.cityCode,
      districtCode: gigs.districtCode,
      categoryCode: gigs.categoryCode,
      lat: gigs.lat,
      lng: gigs.lng,
      startsAt: gigs.startsAt,
      endsAt: gigs.endsAt,
      payFen: gigs.payFen,
      payUnit: gigs.payUnit,
      settlement: gigs.settlement,
      createdAt: gigs.createdAt,
      title: gigs.title,
      address: gigs.address,
      headcount: gigs.headcount,
      filledCount: gigs.filledCount,
      employerRatingSum: employers.ratingSum,
      employerRatingCount: employers.ratingCount,
    })
    .from(gigs)
    .innerJoin(employers, eq(employers.id, gigs.employerId))
    .where(
      and(
        eq(gigs.status, "open"),
        lt(gigs.filledCount, gigs.headcount),
        gt(gigs.startsAt, now),
        ids ? inArray(gigs.id, ids) : undefined,
      ),
    );
}
export type OpenGigRow = Awaited<ReturnType<typeof openGigRows>>[number];

/** A worker as the index loads her: snake_case, as the database names the columns. */
export interface WorkerRow {
  id: string;
  city_code: string;
  home_lat: number;
  home_lng: number;
  range_km: number;
  category_codes: string[];
  any_category: boolean;
  district_codes: string[];
  availability: Availability | null;
  expected_daily_pay_fen: number | null;
  completed: number;
  no_show: number;
  late_cancel: number;
  rating_sum: number;
  rating_count: number;
  /** When her profile last changed, epoch milliseconds. */
  updated_ms: number;
}

/**
 * Active workers, each at her home point, or — registered at a terminal, imported from a bureau's
 * sheet or without a location — at the centre of the district she looks for work in, so that she
 * is offered work too; distance for her is measured from there.
 * Plain SQL rather than the query builder: at start it reads every worker (100k rows in a city),
 * and mapping each row's columns through Drizzle took a third of that read.
 */
export async function workerRows(db: DbOrTx, ids?: string[]): Promise<WorkerRow[]> {
  const p = workerProfiles;
  const only = ids ? sql`and ${p.userId} in ${idList(ids)}` : sql``;
  return queryRows<WorkerRow>(
    db,
    sql`select ${p.userId} as id, ${p.cityCode} as city_code,
               coalesce(${p.homeLat}, ${divisions.centerLat}) as home_lat,
               coalesce(${p.homeLng}, ${divisions.centerLng}) as home_lng,
               ${p.rangeKm} as range_km, ${p.categoryCodes} as category_codes,
               ${p.anyCategory} as any_category, ${p.districtCodes} as district_codes,
               ${p.availability} as availability, ${p.expectedDailyPayFen} as expected_daily_pay_fen,
               ${p.completedCount} as completed, ${p.noShowCount} as no_show,
               ${p.lateCancelCount} as late_cancel, ${p.ratingSum} as rating_sum,
               ${p.ratingCount} as rating_count,
               (extract(epoch from ${p.updatedAt}) * 1000)::float8 as updated_ms
          from ${p}
          join ${users} on ${users.id} = ${p.userId}
          left join ${divisions}
            on ${divisions.code} = coalesce(${p.homeDistrictCode}, ${p.districtCodes}[1])
         where ${users.status} = 'active'
           and coalesce(${p.homeLat}, ${divisions.centerLat}) is not null ${only}`,
  );
}

export interface WorkerHistoryRow {
  worker_id: string;
  /** "busy" rows carry a live booking's times; "done" rows a completed count per category; "recent" a count. */
  kind: "busy" | "done" | "recent";
  category_code: string | null;
  starts_at: string | Date | null;
  ends_at: string | Date | null;
  n: number;
}

/** Live bookings, completed shifts per category and bookings of the last 30 days, per worker. */
export async function workerHistory(
  db: DbOrTx,
  now: Date,
  workerIds?: string[],
): Promise<WorkerHistoryRow[]> {
  const only = workerIds ? sql`and b.worker_id in ${idList(workerIds)}` : sql``;
  const since = new Date(now.getTime() - 30 * 86_400_000);
  return queryRows<WorkerHistoryRow>(
    db,
    sql`select b.worker_id, 'busy' as kind, null as category_code, g.starts_at, g.ends_at, 1 as n
          from bookings b join gigs g on g.id = b.gig_id
         where b.status in ('booked', 'confirmed', 'checked_in') and g.ends_at > ${now} ${only}
        union all
        select b.worker_id, 'done', g.category_code, null, null, count(*)::int
          from bookings b join gigs g on g.id = b.gig_id
         where b.status = 'completed' ${only}
         group by b.worker_id, g.category_code
        union all
        select b.worker_id, 'recent', null, null, null, count(*)::int
          from bookings b
         where b.created_at >= ${since} and b.status not in ('cancelled') ${only}
         group by b.worker_id`,
  );
}

/** `(id1, id2, …)` for `in`: the same SQL on both drivers, whatever their array binding. */
function idList(ids: string[]) {
  return sql`(${sql.join(
    ids.map((id) => sql`${id}::uuid`),
    sql`, `,
  )})`;
}

/** The gigs and workers market events are about, whatever their subjects (gig, worker, booking, ...). */
export async function subjectsOf(db: DbOrTx, subjectIds: string[]) {
  const ids = idList(subjectIds);
  return queryRows<{ gig_id: string | null; worker_id: string | null }>(
    db,
    sql`select id as gig_id, null::uuid as worker_id from gigs where id in ${ids}
        union all select null, user_id from worker_profiles where user_id in ${ids}
        union all select gig_id, worker_id from bookings where id in ${ids}
        union all select gig_id, worker_id from applications where id in ${ids}
        union all select b.gig_id, b.worker_id from ratings r join bookings b on b.id = r.booking_id
                   where r.id in ${ids}`,
  );
}

/** The newest market event's id (0 for none): where the indexes' catch-up starts after a load. */
export async function latestMarketEventId(db: DbOrTx): Promise<number> {
  const [row] = await db
    .select({ id: sql<number>`coalesce(max(${marketEvents.id}), 0)::bigint` })
    .from(marketEvents);
  return Number(row.id);
}

/** Market events after `afterId`, oldest first: what the indexes missed while the feed was down. */
export async function marketEventsAfter(db: DbOrTx, afterId: number, limit: number) {
  return db
    .select({ id: marketEvents.id, subjectId: marketEvents.subjectId })
    .from(marketEvents)
    .where(gt(marketEvents.id, afterId))
    .orderBy(marketEvents.id)
    .limit(limit);
}

/** What access checks need about a gig: where it is and whose it is. */
export async function gigScope(db: DbOrTx, id: string) {
  const [row] = await db
    .select({
      id: gigs.id,
      cityCode: gigs.cityCode,
      districtCode: gigs.districtCode,
      status: gigs.status,
      ownerUserId: employers.ownerUserId,
    })
    .from(gigs)
    .innerJoin(employers, eq(employers.id, gigs.employerId))
    .where(eq(gigs.id, id));
  return row ?? null;
}

export async function gigTitles(db: DbOrTx, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select({
      id: gigs.id,
      title: gigs.title,
      address: gigs.address,
      districtCode: gigs.districtCode,
      categoryCode: gigs.categoryCode,
      startsAt: gigs.startsAt,
      endsAt: gigs.endsAt,
      payFen: gigs.payFen,
      payUnit: gigs.payUnit,
      settlement: gigs.settlement,
      headcount: gigs.headcount,
      filledCount: gigs.filledCount,
    })
    .from(gigs)
    .where(inArray(gigs.id, ids));
}

export async function workerContacts(db: DbOrTx, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select({ id: workerProfiles.userId, name: workerProfiles.name, phone: users.phone })
    .from(workerProfiles)
    .innerJoin(users, eq(users.id, workerProfiles.userId))
    .where(inArray(workerProfiles.userId, ids));
}

/** Open gigs of a district starting between two instants, for a morning dispatch. */
export async function openGigIdsStarting(
  db: DbOrTx,
  cityCode: string,
  districtCode: string,
  from: Date,
  to: Date,
) {
  const rows = await db
    .select({ id: gigs.id })
    .from(gigs)
    .where(
      and(
        eq(gigs.cityCode, cityCode),
        eq(gigs.districtCode, districtCode),
        eq(gigs.status, "open"),
        lt(gigs.filledCount, gigs.headcount),
        gt(gigs.startsAt, from),
        lt(gigs.startsAt, to),
      ),
    );
  return rows.map((r) => r.id);
}

/**
 * Who has already been approached for these gigs, in any way and any state (applied, invited,
 * declined, withdrawn, booked): "gigId:workerId" keys. A re-planned dispatch never invites them again.
 */
export async function approachedPairs(db: DbOrTx, gigIds: string[]) {
  if (gigIds.length === 0) return new Set<string>();
  const rows = await db
    .select({ gigId: applications.gigId, workerId: applications.workerId })
    .from(applications)
    .where(inArray(applications.gigId, gigIds));
  return new Set(rows.map((r) => `${r.gigId}:${r.workerId}`));
}

export interface OfferToStore {
  gigId: string;
  workerId: string;
  score: number;
  reasons: string[];
}

export async function insertDispatch(
  tx: DbOrTx,
  d: { cityCode: string; stationId: string | null; createdBy: string; params: unknown; totalScore: number },
  offers: OfferToStore[],
) {
  const [row] = await tx.insert(dispatches).values(d).returning();
  if (offers.length > 0) {
    await tx
      .insert(dispatchOffers)
      .values(offers.map((o) => ({ ...o, dispatchId: row.id, cityCode: d.cityCode })));
  }
  return row;
}

export async function findDispatch(db: DbOrTx, id: string) {
  const [row] = await db.select().from(dispatches).where(eq(dispatches.id, id));
  return row ?? null;
}

export async function dispatchCreatorDistrict(db: DbOrTx, dispatchId: string) {
  const [row] = await db
    .select({ districtCode: users.districtCode })
    .from(dispatches)
    .innerJoin(users, eq(users.id, dispatches.createdBy))
    .where(eq(dispatches.id, dispatchId));
  return row?.districtCode ?? null;
}

/** Marks a preview sent; false when another request sent or discarded it first. */
export async function markDispatchSent(tx: DbOrTx, id: string): Promise<boolean> {
  const rows = await tx
    .update(dispatches)
    .set({ status: "sent" })
    .where(and(eq(dispatches.id, id), eq(dispatches.status, "preview")))
    .returning({ id: dispatches.id });
  return rows.length === 1;
}

/** The dispatch's offers whose gig still takes workers. */
export async function offerCount(tx: DbOrTx, dispatchId: string) {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(dispatchOffers)
    .where(eq(dispatchOffers.dispatchId, dispatchId));
  return Number(row?.n ?? 0);
}

export async function sendableOffers(tx: DbOrTx, dispatchId: string) {
  return tx
    .select({
      gigId: dispatchOffers.gigId,
      workerId: dispatchOffers.workerId,
      districtCode: gigs.districtCode,
      categoryCode: gigs.categoryCode,
    })
    .from(dispatchOffers)
    .innerJoin(gigs, eq(gigs.id, dispatchOffers.gigId))
    .where(and(eq(dispatchOffers.dispatchId, dispatchId), eq(gigs.status, "open")));
}

/** Invitations (邀请) the workers still accept or decline; an invitation already pending is kept. */
export async function insertInvitations(
  tx: DbOrTx,
  cityCode: string,
  offers: Array<{ gigId: string; workerId: string }>,
  message: string,
) {
  if (offers.length === 0) return [];
  return tx
    .insert(applications)
    .values(
      offers.map((o) => ({
        cityCode,
        gigId: o.gigId,
        workerId: o.workerId,
        kind: "invitation" as const,
        message,
      })),
    )
    .onConflictDoNothing()
    .returning({ id: applications.id, gigId: applications.gigId, workerId: applications.workerId });
}

/** Joins each invitation a dispatch made to its offer, with the channel that reaches her. */
export async function linkOffers(
  tx: DbOrTx,
  dispatchId: string,
  links: Array<{ gigId: string; workerId: string; applicationId: string; channel: DispatchChannel }>,
) {
  if (links.length === 0) return;
  const values = sql.join(
    links.map((l) => sql`(${l.gigId}::uuid, ${l.workerId}::uuid, ${l.applicationId}::uuid, ${l.channel})`),
    sql`, `,
  );
  await tx.execute(sql`
    update dispatch_offers o set application_id = v.application_id, channel = v.channel
      from (values ${values}) as v(gig_id, worker_id, application_id, channel)
     where o.dispatch_id = ${dispatchId} and o.gig_id = v.gig_id and o.worker_id = v.worker_id`);
}

/** The dispatch's offers with gig, worker and answer; one of them when `offerId` is given. */
export async function dispatchOfferRows(db: DbOrTx, dispatchId: string, offerId?: string) {
  return db
    .select({
      offerId: dispatchOffers.id,
      gigId: dispatchOffers.gigId,
      gigTitle: gigs.title,
      startsAt: gigs.startsAt,
      address: gigs.address,
      payFen: gigs.payFen,
      payUnit: gigs.payUnit,
      workerId: dispatchOffers.workerId,
      workerName: workerProfiles.name,
      phone: users.phone,
      score: dispatchOffers.score,
      channel: dispatchOffers.channel,
      applicationId: dispatchOffers.applicationId,
      applicationStatus: applications.status,
      unansweredCalls: dispatchOffers.unansweredCalls,
      lastCallAt: dispatchOffers.lastCallAt,
    })
    .from(dispatchOffers)
    .innerJoin(gigs, eq(gigs.id, dispatchOffers.gigId))
    .innerJoin(users, eq(users.id, dispatchOffers.workerId))
    .innerJoin(workerProfiles, eq(workerProfiles.userId, dispatchOffers.workerId))
    .leftJoin(applications, eq(applications.id, dispatchOffers.applicationId))
    .where(
      and(
        eq(dispatchOffers.dispatchId, dispatchId),
        offerId === undefined ? undefined : eq(dispatchOffers.id, offerId),
      ),
    )
    .orderBy(gigs.startsAt, gigs.title, sql`${dispatchOffers.score} desc`);
}

/** Counts a call nobody answered, while her invitation is still open; false when it is not. */
export async function countUnansweredCall(
  tx: DbOrTx,
  dispatchId: string,
  offerId: string,
  staffId: string,
  at: Date,
): Promise<boolean> {
  const rows = await tx
    .update(dispatchOffers)
    .set({
      unansweredCalls: sql`${dispatchOffers.unansweredCalls} + 1`,
      lastCallAt: at,
      lastCallBy: staffId,
    })
    .where(
      and(
        eq(dispatchOffers.id, offerId),
        eq(dispatchOffers.dispatchId, dispatchId),
        sql`exists (select 1 from ${applications} where ${applications.id} = ${dispatchOffers.applicationId} and ${applications.status} = 'pending')`,
      ),
    )
    .returning({ id: dispatchOffers.id });
  return rows.length === 1;
}
