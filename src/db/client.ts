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
import * as schema from "./schema/index.ts";

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Either the database or an open transaction: repositories accept both. */
export type DbOrTx = Db | Tx;

export type Listener = (payload: string) => void;

export interface Database {
  kind: "pglite" | "postgres";
  db: Db;
  /** Subscribe to a NOTIFY channel; returns the unsubscribe function. */
  listen(channel: string, listener: Listener): Promise<() => Promise<void>>;
  /** Run plain SQL with no parameters (migrations, extensions, admin). */
  exec(sqlText: string): Promise<void>;
  close(): Promise<void>;
}

export interface ConnectOptions {
  databaseUrl?: string;
  /** PGlite data directory; omitted means in memory. */
  dataDir?: string;
  poolSize?: number;
}

export async function connect(options: ConnectOptions): Promise<Database> {
  return options.databaseUrl
    ? connectPostgres(options.databaseUrl, options.poolSize ?? 10)
    : connectPglite(options.dataDir);
}

async function connectPglite(dataDir: string | undefined): Promise<Database> {
  const extensions = { cube, earthdistance, pg_trgm, btree_gist };
  const client = dataDir ? new PGlite(dataDir, { extensions }) : new PGlite({ extensions });
  await client.waitReady;
  return {
    kind: "pglite",
    db: drizzlePglite(client, { schema }) as unknown as Db,
    listen: async (channel, listener) => client.listen(channel, listener),
    exec: async (sqlText) => {
      await client.exec(sqlText);
    },
    close: () => client.close(),
  };
}

async function connectPostgres(url: string, poolSize: number): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // An idle client that loses its connection must not crash the process.
  pool.on("error", () => {});
  const listeners = new Map<string, Set<Listener>>();
  let listenClient: pg.Client | undefined;

  async function listenConnection(): Promise<pg.Client> {
    if (listenClient) return listenClient;
    const client = new pg.Client({ connectionString: url });
    client.on("notification", (msg) => {
      for (const fn of listeners.get(msg.channel) ?? []) fn(msg.payload ?? "");
    });
    client.on("error", () => {
      listenClient = undefined;
    });
    await client.connect();
    listenClient = client;
    return client;
  }

  return {
    kind: "postgres",
    db: drizzleNodePg(pool, { schema }) as unknown as Db,
    listen: async (channel, listener) => {
      const client = await listenConnection();
      let set = listeners.get(channel);
      if (!set) {
        set = new Set();
        listeners.set(channel, set);
        await client.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
      }
      set.add(listener);
      return async () => {
        set.delete(listener);
      };
    },
    exec: async (sqlText) => {
      await pool.query(sqlText);
    },
    close: async () => {
      await listenClient?.end().catch(() => {});
      await pool.end();
    },
  };
}

/** Runs raw SQL and returns its rows; for the few queries the query builder cannot express. */
export async function queryRows<T>(db: DbOrTx, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
