/**
 * The matching indexes of one server instance, built from the database at start and kept
 * current by `market_events` notices: each notice names a subject (a gig, a worker, a booking,
 * an application, a rating) and the gig and worker it touches are reloaded by id. Every
 * instance listens, so a change made through any instance reaches all of them within a second.
 *
 * Notices are hints; the market_events log is the truth. When the LISTEN connection comes back
 * after a cut, or a reload failed because the database was away, the indexes catch up: they
 * reload the subjects of the events after the last one they saw.
 */
import type { Database } from "../db/client.ts";
import { MARKET_CHANNEL, type MarketNotice } from "../market/market-events.ts";
import type { Clock } from "../platform/clock.ts";
import { availabilityWindow, CategoryTable, dailyPayFen, utcOffsetMinutes } from "./catalog.ts";
import { toRadians } from "./geo.ts";
import { GigIndex, type GigRecord } from "./gig-index.ts";
import {
  latestMarketEventId,
  listCategories,
  listCityReferencePays,
  listCityZones,
  marketEventsAfter,
  type OpenGigRow,
  openGigRows,
  subjectsOf,
  type WorkerHistoryRow,
  type WorkerRow,
  workerHistory,
  workerRows,
} from "./matching.repository.ts";
import { WorkerIndex, type WorkerRecord } from "./worker-index.ts";

const MEDIAN_REFRESH_MS = 60_000;
const CHINA_OFFSET_MIN = 480;
/**
 * How far behind the last event seen a catch-up starts: ids come from a sequence, so an event
 * whose transaction committed late can sit below ids already seen. Reloading twice is harmless.
 */
const LATE_COMMIT_MARGIN = 500;
/** Beyond this many missed events a full reload is cheaper than one subject at a time. */
const CATCH_UP_LIMIT = 5_000;
const CATCH_UP_RETRY_MS = 2_000;

export class MatchingIndexes {
  gigs = new GigIndex(new CategoryTable([]));
  workers = new WorkerIndex(this.gigs.categories);
  private offsets = new Map<string, number>();
  private unlisten: (() => Promise<void>) | undefined;
  private medianTimer: NodeJS.Timeout | undefined;
  private catchUpTimer: NodeJS.Timeout | undefined;
  /** The newest market event applied (or loaded past): where a catch-up starts. */
  private lastEventId = 0;
  /** Notices are applied one after another, and those arriving during the first load wait for it. */
  private queue: Promise<void> = Promise.resolve();
  /** Subjects of notices not reloaded yet (`refresh`). */
  private readonly pending = new Set<string>();
  /** Set by the first full load. */
  private loaded = false;
  /** Events may have been missed (a cut feed, a failed reload) until a catch-up has replayed them. */
  private behind = false;

  constructor(
    private readonly database: Database,
    private readonly clock: Clock,
  ) {}

  /** The newest market event applied: /metrics compares it with the database's newest. */
  get lastSeenEventId(): number {
    return this.lastEventId;
  }

  get pendingReloads(): number {
    return this.pending.size;
  }

  get categories(): CategoryTable {
    return this.gigs.categories;
  }

  async start(): Promise<void> {
    this.unlisten = await this.database.listen(
      MARKET_CHANNEL,
      (payload) => this.onNotice(payload),
      () => void this.catchUp(),
    );
    this.queue = this.queue.then(() => this.loadAll());
    await this.queue;
    this.medianTimer = setInterval(() => this.gigs.refreshMedians(), MEDIAN_REFRESH_MS);
    this.medianTimer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.medianTimer);
    clearTimeout(this.catchUpTimer);
    this.catchUpTimer = undefined;
    await this.unlisten?.();
    await this.queue;
  }

  /** Resolves once every notice received so far has been applied. */
  settled(): Promise<void> {
    return this.queue;
  }

  /**
   * Whether the indexes follow the database right now: loaded, their event feed up and nothing
   * missed waiting to be replayed. They then trail the database by the time a notice takes to
   * arrive and be applied (milliseconds); a reader that cannot accept even that asks the database.
   */
  isCurrent(): boolean {
    return this.loaded && !this.behind && this.database.listenFeedUp();
  }

  /**
   * Reloads whatever a subject touches; also called directly after this instance's own changes.
   * Subjects wait in `pending` until the queue reaches them; the first reload to run takes all.
   */
  refresh(subjectId: string): Promise<void> {
    this.pending.add(subjectId);
    this.queue = this.queue.then(() => this.reloadPending()).catch(() => this.catchUpLater());
    return this.queue;
  }

  /** Reloads the subjects of every event after the last one seen (less a margin). */
  catchUp(): Promise<void> {
    this.behind = true;
    this.queue = this.queue.then(() => this.replayMissedEvents()).catch(() => this.catchUpLater());
    return this.queue;
  }

  /** The database is away: try again in a moment (one timer at a time, none once stopped). */
  private catchUpLater(): void {
    this.behind = true;
    if (this.catchUpTimer || !this.unlisten) return;
    this.catchUpTimer = setTimeout(() => {
      this.catchUpTimer = undefined;
      void this.catchUp();
    }, CATCH_UP_RETRY_MS);
    this.catchUpTimer.unref();
  }

  private async replayMissedEvents(): Promise<void> {
    const from = Math.max(0, this.lastEventId - LATE_COMMIT_MARGIN);
    const events = await marketEventsAfter(this.database.db, from, CATCH_UP_LIMIT + 1);
    if (events.length > CATCH_UP_LIMIT) return this.loadAll();
    const subjects = new Set(events.flatMap((e) => (e.subjectId ? [e.subjectId] : [])));
    if (subjects.size > 0) await this.reloadSubjects([...subjects]);
    this.seen(events.at(-1)?.id ?? 0);
    this.behind = false;
  }

  private seen(eventId: number): void {
    this.lastEventId = Math.max(this.lastEventId, eventId);
  }

  private onNotice(payload: string): void {
    let notice: MarketNotice;
    try {
      notice = JSON.parse(payload) as MarketNotice;
    } catch {
      return;
    }
    this.seen(notice.id);
    if (notice.subjectId) void this.refresh(notice.subjectId);
  }

  private async loadAll(): Promise<void> {
    const db = this.database.db;
    const now = this.clock.now();
    // Read first: events after it will arrive as notices, or be found by a catch-up.
    const latestEventId = await latestMarketEventId(db);
    const [categories, pays, zones] = await Promise.all([
      listCategories(db),
      listCityReferencePays(db),
      listCityZones(db),
    ]);
    const table = new CategoryTable(categories, pays);
    this.offsets = new Map(zones.map((c) => [c.code, utcOffsetMinutes(c.timezone)]));
    // Gigs and workers are read side by side: on PostgreSQL one query runs while the rows of the
    // other are turned into the index (the worker rows are most of a start).
    const loadGigs = async () => {
      const gigs = new GigIndex(table);
      for (const row of await openGigRows(db, now)) gigs.upsert(gigRecord(row, this.offsets));
      gigs.refreshMedians();
      return gigs;
    };
    const loadWorkers = async () => {
      const [historyRows, rows] = await Promise.all([workerHistory(db, now), workerRows(db)]);
      const history = groupHistory(historyRows);
      const workers = new WorkerIndex(table);
      for (const row of rows) workers.upsert(workerRecord(row, history.get(row.id), table));
      return workers;
    };
    const [gigs, workers] = await Promise.all([loadGigs(), loadWorkers()]);
    this.gigs = gigs;
    this.workers = workers;
    this.seen(latestEventId);
    this.loaded = true;
    this.behind = false;
  }

  /**
   * Reloads the gigs and workers of every subject waiting, in one query per kind: notices that
   * arrive while a reload runs are taken together by the next, so a burst of writes costs a few
   * round trips rather than a few per event, and the indexes never fall far behind.
   */
  private async reloadPending(): Promise<void> {
    if (this.pending.size === 0) return;
    const subjectIds = [...this.pending];
    this.pending.clear();
    await this.reloadSubjects(subjectIds);
  }

  private async reloadSubjects(subjectIds: string[]): Promise<void> {
    const db = this.database.db;
    const touched = await subjectsOf(db, subjectIds);
    const gigIds = [...new Set(touched.flatMap((s) => (s.gig_id ? [s.gig_id] : [])))];
    const workerIds = [...new Set(touched.flatMap((s) => (s.worker_id ? [s.worker_id] : [])))];
    if (gigIds.length > 0) await this.reloadGigs(gigIds);
    if (workerIds.length > 0) await this.reloadWorkers(workerIds);
  }

  private async reloadGigs(ids: string[]): Promise<void> {
    const open = await openGigRows(this.database.db, this.clock.now(), ids);
    const stillOpen = new Set(open.map((row) => row.id));
    for (const row of open) this.gigs.upsert(gigRecord(row, this.offsets));
    for (const id of ids) if (!stillOpen.has(id)) this.gigs.remove(id);
  }

  private async reloadWorkers(ids: string[]): Promise<void> {
    const db = this.database.db;
    const rows = await workerRows(db, ids);
    const history = groupHistory(await workerHistory(db, this.clock.now(), ids));
    const active = new Set(rows.map((row) => row.id));
    for (const row of rows) this.workers.upsert(workerRecord(row, history.get(row.id), this.categories));
    for (const id of ids) if (!active.has(id)) this.workers.remove(id);
  }
}

/** A gig as the index holds it, from its row; `offsets` are the cities' UTC offsets (minutes). */
export function gigRecord(row: OpenGigRow, offsets: ReadonlyMap<string, number>): GigRecord {
  const startsAt = row.startsAt.getTime();
  const endsAt = row.endsAt.getTime();
  return {
    id: row.id,
    districtCode: row.districtCode,
    categoryCode: row.categoryCode,
    lat: row.lat,
    lng: row.lng,
    startsAt,
    endsAt,
    dailyPayFen: dailyPayFen(row.payFen, row.payUnit, startsAt, endsAt),
    sameDayPay: row.settlement === "same_day",
    employerRatingSum: row.employerRatingSum,
    employerRatingCount: row.employerRatingCount,
    postedAt: row.createdAt.getTime(),
    utcOffsetMin: offsets.get(row.cityCode) ?? CHINA_OFFSET_MIN,
    cityCode: row.cityCode,
    display: {
      title: row.title,
      address: row.address,
      payFen: row.payFen,
      payUnit: row.payUnit,
      settlement: row.settlement,
      placesLeft: row.headcount - row.filledCount,
    },
  };
}

interface WorkerHistory {
  busy: number[];
  done: Map<string, number>;
  recent: number;
}

function groupHistory(rows: WorkerHistoryRow[]): Map<string, WorkerHistory> {
  const byWorker = new Map<string, WorkerHistory>();
  for (const r of rows) {
    let h = byWorker.get(r.worker_id);
    if (!h) {
      h = { busy: [], done: new Map(), recent: 0 };
      byWorker.set(r.worker_id, h);
    }
    if (r.kind === "busy")
      h.busy.push(new Date(r.starts_at as string).getTime(), new Date(r.ends_at as string).getTime());
    else if (r.kind === "done") h.done.set(r.category_code as string, Number(r.n));
    else h.recent = Number(r.n);
  }
  return byWorker;
}

const NO_HISTORY: WorkerHistory = { busy: [], done: new Map(), recent: 0 };

function workerRecord(
  row: WorkerRow,
  history: WorkerHistory | undefined,
  table: CategoryTable,
): WorkerRecord {
  const h = history ?? NO_HISTORY;
  const lat = toRadians(row.home_lat);
  return {
    id: row.id,
    cityCode: row.city_code,
    latDeg: row.home_lat,
    lngDeg: row.home_lng,
    latRad: lat,
    lngRad: toRadians(row.home_lng),
    cosLat: Math.cos(lat),
    rangeKm: Math.max(1, row.range_km),
    categories: row.category_codes.map((code) => table.idOf(code)),
    anyCategory: row.any_category,
    doneByCategory: new Map([...h.done].map(([code, n]) => [table.idOf(code), n])),
    availability: availabilityWindow(row.availability),
    expectedDailyPayFen: row.expected_daily_pay_fen,
    busy: h.busy,
    completed: row.completed,
    noShow: row.no_show,
    lateCancel: row.late_cancel,
    ratingSum: row.rating_sum,
    ratingCount: row.rating_count,
    recentBookings: h.recent,
    activeAtMs: row.updated_ms,
    districtCodes: row.district_codes,
  };
}
