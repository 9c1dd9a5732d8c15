/**
 * One database interface over two drivers: PGlite (embedded PostgreSQL, the default)
 * and node-postgres (a PostgreSQL 15+ server, when DATABASE_URL is set).
 * Both share the schema in ./schema and the migrations in /drizzle.
 */
import { PGlite } from "@electric-sql/pglite";
import { btree_gist } from "@electric-sql/pglite/contrib/btree_gist";
import { cube } from "@electric-sql/pglite/contrib/cube";
import { earthdistance } from "@electric-sql/pglite/contrib/earthdistance";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import type { ExtractTablesWithRelations, SQL } from "drizzle-orm";
import { drizzle as drizzleNodePg } from "drizzle-orm/node-postgres";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import pg from "pg";
import { type Listener, ListenFeed } from "./listen-feed.ts";
import { takingTurns } from "./pglite-turns.ts";
import { ReadReplica, type ReplicaStatus } from "./read-replica.ts";
import { tagged } from "./request-tag.ts";
import * as schema from "./schema/index.ts";
import { StatementNames } from "./statement-names.ts";

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Either the database or an open transaction: repositories accept both. */
export type DbOrTx = Db | Tx;

export type { Listener, ReplicaStatus };

export interface Database {
  kind: "pglite" | "postgres";
  db: Db;
  /**
   * Where reads that may trail the primary by seconds go (monitoring pages and exports): the read
   * replica while it is up and close enough behind, else the primary. Never for a read that a
   * write in the same request depends on.
   */
  reads(): Db;
  /** The read replica's state, when DATABASE_READ_URL is set. */
  replica?(): ReplicaStatus;
  /**
   * Subscribe to a NOTIFY channel; returns the unsubscribe function. `onReconnect` is called
   * after the LISTEN connection was lost and made again: notices sent meanwhile were lost.
   */
  listen(channel: string, listener: Listener, onReconnect?: () => void): Promise<() => Promise<void>>;
  /** False while the LISTEN connection is lost and being re-established (never on PGlite). */
  listenFeedUp(): boolean;
  /** Connections of the pool: open, idle, and requests waiting for one (absent on PGlite). */
  poolStats?(): { total: number; idle: number; waiting: number };
  /** Run plain SQL with no parameters (migrations, extensions, admin). */
  exec(sqlText: string): Promise<void>;
  close(): Promise<void>;
}

export interface ConnectOptions {
  databaseUrl?: string;
  /** PGlite data directory; omitted means in memory. */
  dataDir?: string;
  poolSize?: number;
  /** A read replica for `reads()` (PostgreSQL only). */
  readUrl?: string;
  readPoolSize?: number;
  /** Beyond this lag the replica is not read from. */
  maxReplicaLagSeconds?: number;
  /** Told of connection failures the process survives (a cut connection, a failed reconnect). */
  onConnectionError?: (error: unknown) => void;
  /**
   * Statements sent often are prepared on the server (statement-names.ts); on unless a pooler in
   * front of PostgreSQL cannot keep them (pgBouncer before 1.21 in transaction mode).
   */
  preparedStatements?: boolean;
}

export async function connect(options: ConnectOptions): Promise<Database> {
  if (options.readUrl && !options.databaseUrl) throw new Error("DATABASE_READ_URL needs DATABASE_URL");
  return options.databaseUrl ? connectPostgres(options.databaseUrl, options) : connectPglite(options.dataDir);
}

/** How often the replica's lag is measured. */
const REPLICA_CHECK_MS = 5_000;

/** The extensions the schema needs; also given to a PGlite opened for a backup or a restore. */
export const PGLITE_EXTENSIONS = { cube, earthdistance, pg_trgm, btree_gist };

async function connectPglite(dataDir: string | undefined): Promise<Database> {
  const extensions = PGLITE_EXTENSIONS;
  const client = dataDir ? new PGlite(dataDir, { extensions }) : new PGlite({ extensions });
  await client.waitReady;
  const turns = takingTurns(client);
  const db = drizzlePglite(turns as PGlite, { schema }) as unknown as Db;
  return {
    kind: "pglite",
    db,
    reads: () => db,
    listen: async (channel, listener) => client.listen(channel, listener),
    listenFeedUp: () => true,
    exec: async (sqlText) => {
      await turns.exec(sqlText);
    },
    close: () => client.close(),
  };
}

/** How long a request waits for a connection before it is told the database is unavailable. */
const CONNECT_TIMEOUT_MS = 5_000;

async function connectPostgres(url: string, options: ConnectOptions): Promise<Database> {
  const onConnectionError = options.onConnectionError ?? (() => {});
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    keepAlive: true,
  });
  // A connection that dies, idle in the pool or held by a transaction, must not crash the
  // process: the query in flight fails (the caller answers 503) and the pool drops the client.
  const names = options.preparedStatements === false ? undefined : new StatementNames();
  pool.on("connect", (client) => {
    client.on("error", onConnectionError);
    tagQueries(client, names);
  });
  // The pool re-emits an idle client's error, already reported by the listener above.
  pool.on("error", () => {});
  const feed = new ListenFeed(url, onConnectionError);
  const db = drizzleNodePg(pool, { schema }) as unknown as Db;
  const replica = options.readUrl
    ? new ReadReplica({
        url: options.readUrl,
        poolSize: options.readPoolSize ?? 4,
        maxLagSeconds: options.maxReplicaLagSeconds ?? 30,
        checkEveryMs: REPLICA_CHECK_MS,
        onConnectionError,
      })
    : undefined;
  await replica?.start();

  return {
    kind: "postgres",
    db,
    reads: () => (replica?.current().inUse ? replica.db : db),
    replica: replica && (() => replica.current()),
    listen: (channel, listener, onReconnect) => feed.subscribe(channel, { onNotice: listener, onReconnect }),
    listenFeedUp: () => feed.isUp(),
    poolStats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
    exec: async (sqlText) => {
      await pool.query(sqlText);
    },
    close: async () => {
      await feed.close();
      await replica?.close();
      await pool.end();
    },
  };
}

/**
 * Every statement a pooled connection sends carries the id of the request it serves (request-tag.ts),
 * except a prepared one: its text is the same for every request, so pg_stat_activity shows the
 * statement without the request (the app's log has the request's statement errors).
 */
function tagQueries(client: pg.PoolClient, names: StatementNames | undefined): void {
  const query = client.query.bind(client) as (config: unknown, ...rest: unknown[]) => unknown;
  (client as { query: unknown }).query = (config: unknown, ...rest: unknown[]) => {
    if (typeof config === "string") return query(tagged(config), ...rest);
    // A plain { text, values } object is copied; a Submittable (a cursor, a stream) is left alone.
    const plain = config && typeof (config as { submit?: unknown }).submit !== "function";
    if (plain && typeof (config as { text?: unknown }).text === "string") {
      const statement = config as { text: string; name?: string };
      const name = statement.name === undefined ? names?.nameFor(statement.text) : undefined;
      if (name !== undefined) return query({ ...statement, name }, ...rest);
      return query({ ...statement, text: tagged(statement.text) }, ...rest);
    }
    return query(config, ...rest);
  };
}

/** Runs raw SQL and returns its rows; for the few queries the query builder cannot express. */
export async function queryRows<T>(db: DbOrTx, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
