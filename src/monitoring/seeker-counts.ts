/**
 * Keeps a server's SeekerIndex as current as the rollup: loaded from the spells at first use,
 * then, whenever the rollup's cursor has moved, the workers whose spells a batch rewrote are
 * read again. Reading it after the cursor it reports makes a page see every counted event.
 */
import type { Database } from "../db/client.ts";
import type { AppContext } from "../platform/context.ts";
import { readCursor, spellFacts } from "./rollup.repository.ts";
import { ROLLUP_NAME } from "./rollup.ts";
import { SeekerIndex } from "./seeker-index.ts";

class SeekerCounts {
  private index = new SeekerIndex();
  /** The cursor the index reflects; -1 before the first load. */
  private asOf = -1;
  private refreshing: Promise<void> = Promise.resolve();

  constructor(private readonly database: Database) {}

  async current(): Promise<SeekerIndex> {
    const cursor = await readCursor(this.database.db, ROLLUP_NAME);
    if (cursor !== this.asOf) {
      // One refresh at a time; a caller queued behind another finds the work done.
      // A failed refresh (a lost connection) leaves the index as it was; the next call tries again.
      this.refreshing = this.refreshing.catch(() => undefined).then(() => this.refresh(cursor));
      await this.refreshing;
    }
    return this.index;
  }

  private async refresh(cursor: number): Promise<void> {
    if (cursor === this.asOf) return;
    if (this.asOf < 0 || cursor < this.asOf) {
      // First use, or the rollup was rebuilt from scratch: read every spell.
      const index = new SeekerIndex();
      index.replaceWorkers(await spellFacts(this.database.db));
      this.index = index;
    } else {
      this.index.replaceWorkers(await spellFacts(this.database.db, this.asOf));
    }
    this.asOf = cursor;
  }
}

const byDatabase = new WeakMap<Database, SeekerCounts>();

/** The seeker index of the app's database, up to date with the rollup. */
export function seekerIndex(ctx: AppContext): Promise<SeekerIndex> {
  let counts = byDatabase.get(ctx.database);
  if (!counts) {
    counts = new SeekerCounts(ctx.database);
    byDatabase.set(ctx.database, counts);
  }
  return counts.current();
}
