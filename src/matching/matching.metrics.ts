/** What /metrics shows of this instance's matching indexes: their size and how far behind they are. */
import { Gauge, type Registry } from "prom-client";
import type { Database } from "../db/client.ts";
import { fromDatabase } from "../system/metrics.ts";
import type { MatchingIndexes } from "./matching.indexes.ts";
import { latestMarketEventId } from "./matching.repository.ts";

export function registerIndexMetrics(registry: Registry, indexes: MatchingIndexes, database: Database): void {
  new Gauge({
    name: "linggong_matching_index_entries",
    help: "Entries in this instance's in-memory matching indexes (open gigs, workers)",
    labelNames: ["index"],
    registers: [registry],
    collect() {
      this.set({ index: "gigs" }, indexes.gigs.size);
      this.set({ index: "workers" }, indexes.workers.size);
    },
  });
  new Gauge({
    name: "linggong_matching_index_pending_reloads",
    help: "Market notices received and not yet applied to the matching indexes",
    registers: [registry],
    collect() {
      this.set(indexes.pendingReloads);
    },
  });
  // Notices lost with a cut LISTEN connection show here until the catch-up replays them.
  new Gauge({
    name: "linggong_matching_index_events_behind",
    help: "Market events in the database newer than the newest the matching indexes have seen",
    registers: [registry],
    async collect() {
      const latest = await fromDatabase(() => latestMarketEventId(database.db), undefined);
      if (latest !== undefined) this.set(Math.max(0, latest - indexes.lastSeenEventId));
    },
  });
}
