/**
 * What a batch of market events changes in the rollups: daily counts, the vacancies of the
 * gigs they touch, and the seeking spells of the workers they touch.
 */
import type { Tx } from "../db/client.ts";
import { foldFillEvents, type GigDayEvent } from "./fill.ts";
import { dailyPayFen } from "./indicators.ts";
import { localDay } from "./periods.ts";
import {
  addDailyCounts,
  type DailyRow,
  type EventRow,
  gigsForVacancies,
  gigsOfBookings,
  insertSpells,
  latestSpells,
  type NewSpellRow,
  ratingStars,
  refreshSpellFacts,
  type SpellRow,
  saveVacancies,
  updateSpells,
  workersOfApplications,
} from "./rollup.repository.ts";
import { foldSeekingActs, type SeekerSpell, VACANCY_STOP_KINDS, vacancyValidity } from "./validity.ts";

/** Acts by which a worker shows they are seeking work (求职行为). */
const SEEKING_ACTS = new Set(["worker_registered", "worker_profile_updated", "application_made"]);
/** Events that change a gig's places: its vacancy row is refreshed. */
const BOOKING_KINDS = new Set(["booking_made", "booking_cancelled", "no_show"]);
const STOP_KINDS = new Set<string>(VACANCY_STOP_KINDS);

export async function applyEvents(tx: Tx, events: readonly EventRow[]): Promise<void> {
  await addDailyCounts(tx, await dailyRows(tx, events));
  await refreshVacancies(tx, events);
  await extendSpells(tx, events);
}

function detailString(event: EventRow, key: string): string | null {
  const value = (event.detail as Record<string, unknown> | null)?.[key];
  return typeof value === "string" ? value : null;
}

async function dailyRows(tx: Tx, events: readonly EventRow[]): Promise<DailyRow[]> {
  const ratingIds = events
    .filter((e) => e.kind === "rating_given" && e.subjectId)
    .map((e) => e.subjectId as string);
  const stars = await ratingStars(tx, ratingIds);
  const rows = new Map<string, DailyRow>();
  for (const e of events) {
    const row: DailyRow = {
      cityCode: e.cityCode,
      day: localDay(e.at),
      districtCode: e.districtCode ?? "",
      categoryCode: e.categoryCode ?? "",
      kind: e.kind,
    };
    const key = `${row.cityCode}|${row.day}|${row.districtCode}|${row.categoryCode}|${row.kind}`;
    const sum = rows.get(key) ?? { ...row, events: 0, quantity: 0, valueSum: 0 };
    sum.events = (sum.events ?? 0) + 1;
    sum.quantity = (sum.quantity ?? 0) + e.quantity;
    if (e.kind === "rating_given") sum.valueSum = (sum.valueSum ?? 0) + (stars.get(e.subjectId ?? "") ?? 0);
    rows.set(key, sum);
  }
  return [...rows.values()];
}

async function refreshVacancies(tx: Tx, events: readonly EventRow[]): Promise<void> {
  const gigIds = new Set<string>();
  /** Booking events that do not name their gig, by booking. */
  const unplaced: EventRow[] = [];
  /** The first stop of each gig in this batch (events come in id order; the earliest time wins). */
  const stops = new Map<string, Date>();
  /** The first time each gig filled in this batch: 招满用时 counts to it, whatever happened later. */
  const firstFills = new Map<string, Date>();
  /** What each gig's fill counts from this batch: its own events and its bookings', by day. */
  const fillEvents = new Map<string, GigDayEvent[]>();
  const addFillEvent = (gigId: string, e: EventRow) =>
    fillEvents.set(gigId, [...(fillEvents.get(gigId) ?? []), { kind: e.kind, day: localDay(e.at) }]);
  for (const e of events) {
    if (STOP_KINDS.has(e.kind) && e.subjectId) {
      const seen = stops.get(e.subjectId);
      if (!seen || e.at < seen) stops.set(e.subjectId, e.at);
    }
    if (e.kind === "gig_filled" && e.subjectId) {
      const seen = firstFills.get(e.subjectId);
      if (!seen || e.at < seen) firstFills.set(e.subjectId, e.at);
    }
    const gigId = detailString(e, "gigId");
    if (gigId) gigIds.add(gigId);
    if (e.kind.startsWith("gig_") && e.subjectId) {
      gigIds.add(e.subjectId);
      addFillEvent(e.subjectId, e);
    } else if (BOOKING_KINDS.has(e.kind) && e.subjectId) {
      if (gigId) addFillEvent(gigId, e);
      else unplaced.push(e);
    }
  }
  const gigOf = await gigsOfBookings(
    tx,
    unplaced.map((e) => e.subjectId as string),
  );
  for (const e of unplaced) {
    const gigId = gigOf.get(e.subjectId as string);
    if (!gigId) continue;
    gigIds.add(gigId);
    addFillEvent(gigId, e);
  }
  const gigs = await gigsForVacancies(tx, [...gigIds]);
  await saveVacancies(
    tx,
    gigs.map((g) => {
      const stop = stops.get(g.id) ?? null;
      const stoppedAt = g.stoppedAt && (!stop || g.stoppedAt <= stop) ? g.stoppedAt : stop;
      const startDay = localDay(g.startsAt);
      const counted = { filledByStart: g.filledByStart ?? 0, withdrawnByStart: g.withdrawnByStart ?? false };
      return {
        gigId: g.id,
        cityCode: g.cityCode,
        districtCode: g.districtCode,
        categoryCode: g.categoryCode,
        occupationGroup: g.occupationGroup ?? 0,
        industryCode: g.industryCode ?? "",
        headcount: g.headcount,
        filledCount: g.filledCount,
        dailyPayFen: dailyPayFen(g.payFen, g.payUnit),
        status: g.status,
        postedAt: g.createdAt,
        filledAt: earliest(g.firstFilledAt, firstFills.get(g.id) ?? null),
        stoppedAt,
        ...vacancyValidity({ postedAt: g.createdAt, endsAt: g.endsAt, stoppedAt }),
        startDay,
        ...foldFillEvents(startDay, counted, fillEvents.get(g.id) ?? []),
      };
    }),
  );
}

/** The worker behind each seeking act, with the local day of the act. */
async function seekingActs(
  tx: Tx,
  events: readonly EventRow[],
): Promise<Map<string, { cityCode: string; days: string[] }>> {
  const acts = events.filter((e) => SEEKING_ACTS.has(e.kind));
  const unknownApplications = acts
    .filter((e) => e.kind === "application_made" && !detailString(e, "workerId") && e.subjectId)
    .map((e) => e.subjectId as string);
  const workerOf = await workersOfApplications(tx, unknownApplications);
  const byWorker = new Map<string, { cityCode: string; days: string[] }>();
  for (const e of acts) {
    const workerId =
      detailString(e, "workerId") ??
      (e.kind === "application_made" ? workerOf.get(e.subjectId ?? "") : e.subjectId);
    if (!workerId) continue;
    const entry = byWorker.get(workerId) ?? { cityCode: e.cityCode, days: [] };
    entry.days.push(localDay(e.at));
    byWorker.set(workerId, entry);
  }
  return byWorker;
}

async function extendSpells(tx: Tx, events: readonly EventRow[]): Promise<void> {
  const acts = await seekingActs(tx, events);
  const latest = await latestSpells(tx, [...acts.keys()]);
  const updated: SpellRow[] = [];
  const added: NewSpellRow[] = [];
  for (const [workerId, { cityCode, days }] of acts) {
    const before = latest.get(workerId) ?? null;
    const folded = foldSeekingActs(before, days);
    if (before && folded.latest && !sameSpell(before, folded.latest))
      updated.push({ ...before, ...folded.latest });
    for (const spell of folded.added) added.push({ workerId, cityCode, ...spell });
  }
  await updateSpells(tx, updated);
  await insertSpells(tx, added);
  await refreshSpellFacts(tx, [...acts.keys()], events[events.length - 1].id);
}

function sameSpell(a: SpellRow, b: SeekerSpell): boolean {
  return (
    a.validFrom === b.validFrom &&
    a.lastActiveDay === b.lastActiveDay &&
    a.validUntil === b.validUntil &&
    a.actDays.join() === b.actDays.join()
  );
}

function earliest(a: Date | null, b: Date | null): Date | null {
  if (!a) return b;
  if (!b) return a;
  return a <= b ? a : b;
}
