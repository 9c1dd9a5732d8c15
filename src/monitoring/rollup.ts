/**
 * Keeps the monitoring rollups up to date from market_events: reads the events after its
 * cursor, adds them to the daily counts, refreshes the vacancies of the gigs they touch and
 * the seeking spells of the workers they touch, and moves the cursor — all in one
 * transaction. It runs at start and on every NOTIFY market_events; with several server
 * instances, an advisory lock lets one advance it at a time.
 *
 * Event ids come from a sequence, so a transaction that commits late can leave a hole
 * behind the cursor. The rollup stops at a hole and waits for it to fill; a hole still open
 * after HOLE_PATIENCE_MS belongs to a rolled-back transaction and is stepped over.
 */

import { MARKET_CHANNEL } from "../market/market-events.ts";
import type { AppContext } from "../platform/context.ts";
import { applyEvents } from "./rollup.apply.ts";
import {
  clearRollup,
  type EventRow,
  eventsAfter,
  lockCursor,
  saveCursor,
  tryLockCursor,
} from "./rollup.repository.ts";

export const ROLLUP_NAME = "monitoring";
export const UPDATED_CHANNEL = "monitoring_updated";
const HOLE_PATIENCE_MS = 5_000;
const DEBOUNCE_MS = 100;
/** After finding another instance advancing the rollup: look again once it has likely finished. */
const BUSY_RETRY_MS = 250;

export interface RollupOptions {
  batchSize?: number;
}

export class MonitoringRollup {
  private readonly batchSize: number;
  /** First time each hole (the id missing after the cursor) was seen, by wall clock. */
  private readonly holesSeen = new Map<number, number>();
  private running: Promise<number> | null = null;
  private again = false;
  private timer: NodeJS.Timeout | null = null;
  private unlisten: (() => Promise<void>) | null = null;

  constructor(
    private readonly ctx: AppContext,
    options: RollupOptions = {},
  ) {
    this.batchSize = options.batchSize ?? 5_000;
  }

  async start(): Promise<void> {
    // After a cut LISTEN connection, notices were lost: the cursor in the database says where to go on.
    this.unlisten = await this.ctx.database.listen(
      MARKET_CHANNEL,
      () => this.schedule(DEBOUNCE_MS),
      () => this.schedule(0),
    );
    this.schedule(0);
  }

  async stop(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.unlisten?.();
    this.unlisten = null;
    await this.running?.catch(() => 0);
  }

  private schedule(delayMs: number): void {
    if (this.timer || !this.unlisten) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      // A scheduled run does not queue behind another instance holding a connection: it looks
      // again shortly, and the other instance counts what it finds meanwhile.
      this.catchUp(false).catch(() => this.schedule(HOLE_PATIENCE_MS));
    }, delayMs);
  }

  /**
   * Processes every event there is; returns how many. Calls made meanwhile run once more after.
   * `wait`: queue behind another instance advancing the rollup (false for the scheduled runs).
   */
  async catchUp(wait = true): Promise<number> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.drain(wait).finally(() => {
      this.running = null;
    });
    const processed = await this.running;
    if (this.again) {
      this.again = false;
      // As this call would: a scheduled run's second round does not queue behind another instance either.
      return processed + (await this.catchUp(wait));
    }
    return processed;
  }

  private async drain(wait: boolean): Promise<number> {
    let total = 0;
    for (;;) {
      const batch = await this.processBatch(wait);
      if (!batch) {
        this.schedule(BUSY_RETRY_MS);
        return total;
      }
      const { processed, waiting } = batch;
      total += processed;
      if (waiting) this.schedule(HOLE_PATIENCE_MS);
      if (processed < this.batchSize || waiting) return total;
    }
  }

  /** One batch, or null when another instance holds the rollup and `wait` is false. */
  private async processBatch(wait: boolean): Promise<{ processed: number; waiting: boolean } | null> {
    return this.ctx.database.db.transaction(async (tx) => {
      const cursor = wait ? await lockCursor(tx, ROLLUP_NAME) : await tryLockCursor(tx, ROLLUP_NAME);
      if (cursor === null) return null;
      const fetched = await eventsAfter(tx, cursor, this.batchSize);
      const ready = this.readyEvents(cursor, fetched);
      if (ready.length > 0) {
        await applyEvents(tx, ready);
        await saveCursor(tx, ROLLUP_NAME, ready[ready.length - 1].id, this.ctx.clock.now());
      }
      return { processed: ready.length, waiting: ready.length < fetched.length };
    });
  }

  /** The events up to the first hole that may still fill. */
  private readyEvents(cursor: number, events: EventRow[]): EventRow[] {
    let expected = cursor + 1;
    for (let i = 0; i < events.length; i++) {
      if (events[i].id !== expected && !this.holeIsStale(expected)) return events.slice(0, i);
      expected = events[i].id + 1;
    }
    return events;
  }

  private holeIsStale(id: number): boolean {
    const seen = this.holesSeen.get(id);
    if (seen === undefined) {
      this.holesSeen.set(id, Date.now());
      return false;
    }
    if (Date.now() - seen < HOLE_PATIENCE_MS) return false;
    this.holesSeen.delete(id);
    return true;
  }

  /** Empties the rollups and counts the whole event log again. */
  async rebuild(): Promise<number> {
    await this.ctx.database.db.transaction((tx) => clearRollup(tx, ROLLUP_NAME));
    return this.catchUp();
  }
}
