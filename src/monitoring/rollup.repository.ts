/** SQL of the monitoring rollup: the cursor, the event log it reads and the tables it keeps. */
import { asc, desc, eq, gt, inArray, sql } from "drizzle-orm";
import { type DbOrTx, queryRows } from "../db/client.ts";
import {
  applications,
  bookings,
  categories,
  employers,
  gigs,
  marketEvents,
  monitoringCursors,
  monitoringDaily,
  monitoringDailyDistricts,
  monitoringSeekerSpells,
  monitoringVacancies,
  ratings,
} from "../db/schema/index.ts";

/** Advisory-lock key of the rollup: one instance advances it at a time. */
const ROLLUP_LOCK = 72_631_105;
/** Rows per insert, well under PostgreSQL's 65,535 parameters. */
const CHUNK = 2000;

export type DailyRow = typeof monitoringDaily.$inferInsert;
export type VacancyRow = typeof monitoringVacancies.$inferInsert;
export type SpellRow = typeof monitoringSeekerSpells.$inferSelect;
export type NewSpellRow = typeof monitoringSeekerSpells.$inferInsert;
export type EventRow = typeof marketEvents.$inferSelect;

function chunks<T>(rows: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += CHUNK) out.push(rows.slice(i, i + CHUNK));
  return out;
}

/**
 * Takes the rollup's lock for this transaction and returns its cursor. Instances queue on
 * the lock; one that gets it after another finds the events already counted.
 */
export async function lockCursor(tx: DbOrTx, name: string): Promise<number> {
  await tx.execute(sql`select pg_advisory_xact_lock(${ROLLUP_LOCK})`);
  return readCursorForUpdate(tx, name);
}

/** As `lockCursor`, but null at once when another instance holds the rollup. */
export async function tryLockCursor(tx: DbOrTx, name: string): Promise<number | null> {
  const [got] = await queryRows<{ locked: boolean }>(
    tx,
    sql`select pg_try_advisory_xact_lock(${ROLLUP_LOCK}) as locked`,
  );
  return got?.locked ? readCursorForUpdate(tx, name) : null;
}

async function readCursorForUpdate(tx: DbOrTx, name: string): Promise<number> {
  await tx.insert(monitoringCursors).values({ name }).onConflictDoNothing();
  const [row] = await tx
    .select({ lastEventId: monitoringCursors.lastEventId })
    .from(monitoringCursors)
    .where(eq(monitoringCursors.name, name))
    .for("update");
  return row.lastEventId;
}

export async function saveCursor(tx: DbOrTx, name: string, lastEventId: number, at: Date): Promise<void> {
  await tx
    .update(monitoringCursors)
    .set({ lastEventId, updatedAt: at })
    .where(eq(monitoringCursors.name, name));
  await tx.execute(sql`select pg_notify('monitoring_updated', ${String(lastEventId)})`);
}

export async function readCursor(db: DbOrTx, name: string): Promise<number> {
  const [row] = await db.select().from(monitoringCursors).where(eq(monitoringCursors.name, name));
  return row?.lastEventId ?? 0;
}

export async function eventsAfter(tx: DbOrTx, afterId: number, limit: number): Promise<EventRow[]> {
  return tx
    .select()
    .from(marketEvents)
    .where(gt(marketEvents.id, afterId))
    .orderBy(asc(marketEvents.id))
    .limit(limit);
}

export async function addDailyCounts(tx: DbOrTx, rows: readonly DailyRow[]): Promise<void> {
  await addDistrictCounts(tx, rows);
  for (const chunk of chunks(rows)) {
    await tx
      .insert(monitoringDaily)
      .values(chunk)
      .onConflictDoUpdate({
        target: [
          monitoringDaily.cityCode,
          monitoringDaily.day,
          monitoringDaily.districtCode,
          monitoringDaily.categoryCode,
          monitoringDaily.kind,
        ],
        set: {
          events: sql`${monitoringDaily.events} + excluded.events`,
          quantity: sql`${monitoringDaily.quantity} + excluded.quantity`,
          valueSum: sql`${monitoringDaily.valueSum} + excluded.value_sum`,
        },
      });
  }
}

/** The same counts summed over categories, into the table the dashboards read. */
async function addDistrictCounts(tx: DbOrTx, rows: readonly DailyRow[]): Promise<void> {
  const sums = new Map<string, typeof monitoringDailyDistricts.$inferInsert>();
  for (const r of rows) {
    const key = `${r.cityCode}|${r.day}|${r.districtCode}|${r.kind}`;
    const sum = sums.get(key) ?? {
      cityCode: r.cityCode,
      day: r.day,
      districtCode: r.districtCode,
      kind: r.kind,
      events: 0,
      quantity: 0,
      valueSum: 0,
    };
    sum.events = (sum.events ?? 0) + (r.events ?? 0);
    sum.quantity = (sum.quantity ?? 0) + (r.quantity ?? 0);
    sum.valueSum = (sum.valueSum ?? 0) + (r.valueSum ?? 0);
    sums.set(key, sum);
  }
  const t = monitoringDailyDistricts;
  for (const chunk of chunks([...sums.values()])) {
    await tx
      .insert(t)
      .values(chunk)
      .onConflictDoUpdate({
        target: [t.cityCode, t.day, t.districtCode, t.kind],
        set: {
          events: sql`${t.events} + excluded.events`,
          quantity: sql`${t.quantity} + excluded.quantity`,
          valueSum: sql`${t.valueSum} + excluded.value_sum`,
        },
      });
  }
}

/** Stars of the ratings named by rating_given events (their subject). */
export async function ratingStars(tx: DbOrTx, ratingIds: readonly string[]): Promise<Map<string, number>> {
  if (ratingIds.length === 0) return new Map();
  const rows = await tx
    .select({ id: ratings.id, stars: ratings.stars })
    .from(ratings)
    .where(inArray(ratings.id, [...ratingIds]));
  return new Map(rows.map((r) => [r.id, r.stars]));
}

/** The gig each of the given bookings belongs to. */
export async function gigsOfBookings(
  tx: DbOrTx,
  bookingIds: readonly string[],
): Promise<Map<string, string>> {
  if (bookingIds.length === 0) return new Map();
  const rows = await tx
    .select({ id: bookings.id, gigId: bookings.gigId })
    .from(bookings)
    .where(inArray(bookings.id, [...bookingIds]));
  return new Map(rows.map((r) => [r.id, r.gigId]));
}

export async function workersOfApplications(
  tx: DbOrTx,
  applicationIds: readonly string[],
): Promise<Map<string, string>> {
  if (applicationIds.length === 0) return new Map();
  const rows = await tx
    .select({ id: applications.id, workerId: applications.workerId })
    .from(applications)
    .where(inArray(applications.id, [...applicationIds]));
  return new Map(rows.map((r) => [r.id, r.workerId]));
}

/**
 * Gigs as the vacancy rows need them: with the category's occupation group, the employer's
 * industry, when the rollup last saw the gig stop seeking workers and what it counted of its
 * fill (from earlier events).
 */
export async function gigsForVacancies(tx: DbOrTx, gigIds: readonly string[]) {
  if (gigIds.length === 0) return [];
  return tx
    .select({
      id: gigs.id,
      cityCode: gigs.cityCode,
      districtCode: gigs.districtCode,
      categoryCode: gigs.categoryCode,
      occupationGroup: categories.occupationGroup,
      industryCode: employers.industryCode,
      headcount: gigs.headcount,
      filledCount: gigs.filledCount,
      payFen: gigs.payFen,
      payUnit: gigs.payUnit,
      status: gigs.status,
      createdAt: gigs.createdAt,
      startsAt: gigs.startsAt,
      endsAt: gigs.endsAt,
      /** When the gig first filled, by the log (kept from earlier batches). */
      firstFilledAt: monitoringVacancies.filledAt,
      stoppedAt: monitoringVacancies.stoppedAt,
      filledByStart: monitoringVacancies.filledByStart,
      withdrawnByStart: monitoringVacancies.withdrawnByStart,
    })
    .from(gigs)
    .innerJoin(employers, eq(employers.id, gigs.employerId))
    .leftJoin(categories, eq(categories.code, gigs.categoryCode))
    .leftJoin(monitoringVacancies, eq(monitoringVacancies.gigId, gigs.id))
    .where(inArray(gigs.id, [...gigIds]));
}

export async function saveVacancies(tx: DbOrTx, rows: readonly VacancyRow[]): Promise<void> {
  const excluded = (column: string) => sql.raw(`excluded.${column}`);
  for (const chunk of chunks(rows)) {
    await tx
      .insert(monitoringVacancies)
      .values(chunk)
      .onConflictDoUpdate({
        target: monitoringVacancies.gigId,
        set: {
          districtCode: excluded("district_code"),
          categoryCode: excluded("category_code"),
          occupationGroup: excluded("occupation_group"),
          industryCode: excluded("industry_code"),
          headcount: excluded("headcount"),
          filledCount: excluded("filled_count"),
          dailyPayFen: excluded("daily_pay_fen"),
          status: excluded("status"),
          filledAt: excluded("filled_at"),
          stoppedAt: excluded("stopped_at"),
          validFrom: excluded("valid_from"),
          validUntil: excluded("valid_until"),
          startDay: excluded("start_day"),
          filledByStart: excluded("filled_by_start"),
          withdrawnByStart: excluded("withdrawn_by_start"),
        },
      });
  }
}

/** Each worker's latest seeking spell. */
export async function latestSpells(tx: DbOrTx, workerIds: readonly string[]): Promise<Map<string, SpellRow>> {
  if (workerIds.length === 0) return new Map();
  const rows = await tx
    .selectDistinctOn([monitoringSeekerSpells.workerId])
    .from(monitoringSeekerSpells)
    .where(inArray(monitoringSeekerSpells.workerId, [...workerIds]))
    .orderBy(monitoringSeekerSpells.workerId, desc(monitoringSeekerSpells.validUntil));
  return new Map(rows.map((r) => [r.workerId, r]));
}

/** Writes extended spells back in one statement per chunk. */
export async function updateSpells(tx: DbOrTx, spells: readonly SpellRow[]): Promise<void> {
  for (const chunk of chunks(spells)) {
    const values = sql.join(
      chunk.map(
        (s) =>
          sql`(${s.id}::bigint, ${s.validFrom}::date, ${s.lastActiveDay}::date, ${s.validUntil}::date, ${dateArray(s.actDays)}::date[])`,
      ),
      sql`, `,
    );
    await tx.execute(sql`
      update monitoring_seeker_spells as s
      set valid_from = v.valid_from, last_active_day = v.last_active_day, valid_until = v.valid_until,
        act_days = v.act_days
      from (values ${values}) as v(id, valid_from, last_active_day, valid_until, act_days)
      where s.id = v.id`);
  }
}

/** Days as a PostgreSQL array literal, the same text on both drivers: {2024-05-01,2024-05-03}. */
function dateArray(days: readonly string[]): string {
  return `{${days.join(",")}}`;
}

export async function insertSpells(tx: DbOrTx, rows: readonly NewSpellRow[]): Promise<void> {
  for (const chunk of chunks(rows)) await tx.insert(monitoringSeekerSpells).values(chunk);
}

/**
 * Copies each worker's profile onto all their spells (what the breakdowns group by), sets each
 * spell's `later_from`, and marks the spells with the batch's last event so servers reload them.
 * Run for the workers a batch's seeking acts touched: a profile changes only with a seeking act
 * (registration or update), so the copies stay current.
 */
export async function refreshSpellFacts(
  tx: DbOrTx,
  workerIds: readonly string[],
  lastEventId: number,
): Promise<void> {
  for (const chunk of chunks(workerIds)) {
    const ids = sql.join(
      chunk.map((id) => sql`${id}::uuid`),
      sql`, `,
    );
    await tx.execute(sql`
      update monitoring_seeker_spells as s set
        later_from = n.later_from,
        has_profile = n.user_id is not null,
        category_code = case when n.any_category or cardinality(n.category_codes) = 0 then null
          else n.category_codes[1] end,
        district_code = n.district_codes[1],
        sex = n.sex,
        birth_year = n.birth_year,
        education = n.education,
        changed_event_id = ${lastEventId}
      from (
        select sp.id,
          min(sp.valid_from) over (partition by sp.worker_id order by sp.valid_until, sp.id
            rows between 1 following and unbounded following) as later_from,
          wp.user_id, wp.any_category, wp.category_codes, wp.district_codes, wp.sex, wp.birth_year, wp.education
        from monitoring_seeker_spells sp left join worker_profiles wp on wp.user_id = sp.worker_id
        where sp.worker_id in (${ids})
      ) as n
      where s.id = n.id`);
  }
}

/** The fields of a spell the seeker counts read. */
export interface SpellFacts {
  workerId: string;
  cityCode: string;
  validFrom: string;
  /** Days with a seeking act, sorted. */
  actDays: string[];
  validUntil: string;
  laterFrom: string | null;
  hasProfile: boolean;
  categoryCode: string | null;
  districtCode: string | null;
  sex: string | null;
  birthYear: number | null;
  education: string | null;
}

/** Every spell, or those of the workers whose spells changed after an event. */
export async function spellFacts(db: DbOrTx, changedAfter?: number): Promise<SpellFacts[]> {
  const t = monitoringSeekerSpells;
  const query = db
    .select({
      workerId: t.workerId,
      cityCode: t.cityCode,
      validFrom: t.validFrom,
      actDays: t.actDays,
      validUntil: t.validUntil,
      laterFrom: t.laterFrom,
      hasProfile: t.hasProfile,
      categoryCode: t.categoryCode,
      districtCode: t.districtCode,
      sex: t.sex,
      birthYear: t.birthYear,
      education: t.education,
    })
    .from(t);
  if (changedAfter === undefined) return query;
  return query.where(
    inArray(
      t.workerId,
      db.selectDistinct({ workerId: t.workerId }).from(t).where(gt(t.changedEventId, changedAfter)),
    ),
  );
}

/** Empties the rollup so it can be rebuilt from the whole event log. */
export async function clearRollup(tx: DbOrTx, name: string): Promise<void> {
  // Waits for an instance that is advancing the rollup, so no batch straddles the clearing.
  await tx.execute(sql`select pg_advisory_xact_lock(${ROLLUP_LOCK})`);
  await tx.delete(monitoringDaily);
  await tx.delete(monitoringDailyDistricts);
  await tx.delete(monitoringVacancies);
  await tx.delete(monitoringSeekerSpells);
  await tx.delete(monitoringCursors).where(eq(monitoringCursors.name, name));
}
