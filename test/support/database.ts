/**
 * A fresh database per test file: PGlite in memory by default, or a scratch database on the
 * PostgreSQL server named by TEST_DATABASE_URL (CI runs the suite both ways).
 */
import { randomBytes } from "node:crypto";
import pg from "pg";
import { connect, type Database } from "../../src/db/client.ts";
import { runMigrations } from "../../src/db/migrate.ts";

export interface ScratchDatabase {
  database: Database;
  /** The URL of the scratch database on PostgreSQL, for a second server instance. */
  url: string | undefined;
  drop(): Promise<void>;
}

export function usingPostgres(): boolean {
  return Boolean(process.env.TEST_DATABASE_URL);
}

export async function createScratchDatabase(): Promise<ScratchDatabase> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const database = await connect({});
    await runMigrations(database);
    return { database, url: undefined, drop: () => database.close() };
  }
  const name = `lg_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = await connect({ databaseUrl: url.toString(), poolSize: 20 });
  await runMigrations(database);
  return {
    database,
    url: url.toString(),
    drop: async () => {
      await database.close();
      const cleanup = new pg.Client({ connectionString: serverUrl });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    },
  };
}
