/**
 * An optional read replica (DATABASE_READ_URL): a small second pool for reads that may trail the
 * primary by a few seconds — the monitoring platform's pages and exports. A check every few
 * seconds measures the replica's lag; while it is unreachable or further behind than allowed,
 * those reads go to the primary instead, so a replica never makes a page fail or lie by much.
 */
import { sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/node-postgres";
import pg from "pg";
import type { Db } from "./client.ts";
import * as schema from "./schema/index.ts";

export interface ReplicaStatus {
  /** The last check reached the replica. */
  up: boolean;
  /** Seconds the replica's data trails the primary (0 when it has replayed all it received); null when unknown. */
  lagSeconds: number | null;
  /** Reads go to the replica: up and no further behind than allowed. */
  inUse: boolean;
}

export interface ReplicaOptions {
  url: string;
  poolSize: number;
  /** Beyond this lag, reads go to the primary. */
  maxLagSeconds: number;
  checkEveryMs: number;
  onConnectionError: (error: unknown) => void;
}

const CONNECT_TIMEOUT_MS = 3_000;
const CHECK_TIMEOUT_MS = 2_000;

/**
 * The lag as PostgreSQL measures it on a standby: nothing when every WAL record received has been
 * replayed (an idle primary sends nothing, and the replay timestamp would only grow), else the age
 * of the last transaction replayed. A server that is not in recovery is its own primary: 0.
 */
const LAG_QUERY = sql`
  select case
    when not pg_is_in_recovery() then 0
    when pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() then 0
    else extract(epoch from now() - pg_last_xact_replay_timestamp())
  end::float8 as lag`;

export class ReadReplica {
  readonly db: Db;
  private readonly pool: pg.Pool;
  private status: ReplicaStatus = { up: false, lagSeconds: null, inUse: false };
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly options: ReplicaOptions) {
    this.pool = new pg.Pool({
      connectionString: options.url,
      max: options.poolSize,
      connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
      keepAlive: true,
      application_name: "linggong-read",
    });
    this.pool.on("connect", (client) => client.on("error", options.onConnectionError));
    this.pool.on("error", () => {});
    this.db = drizzle(this.pool, { schema }) as unknown as Db;
  }

  /** The first check, then one every few seconds. */
  async start(): Promise<void> {
    await this.check();
    this.timer = setInterval(() => void this.check(), this.options.checkEveryMs);
    this.timer.unref();
  }

  current(): ReplicaStatus {
    return this.status;
  }

  /** Measures the lag now; never throws (an unreachable replica is a status, not an error). */
  async check(): Promise<ReplicaStatus> {
    try {
      const result = await withTimeout(this.db.execute(LAG_QUERY), CHECK_TIMEOUT_MS);
      const lag = Number((result as unknown as { rows: Array<{ lag: number | null }> }).rows[0]?.lag);
      const lagSeconds = Number.isFinite(lag) ? Math.max(0, lag) : null;
      this.status = {
        up: true,
        lagSeconds,
        inUse: lagSeconds !== null && lagSeconds <= this.options.maxLagSeconds,
      };
    } catch (error) {
      if (this.status.up) this.options.onConnectionError(error);
      this.status = { up: false, lagSeconds: null, inUse: false };
    }
    return this.status;
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    await this.pool.end();
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
