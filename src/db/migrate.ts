/**
 * Applies /drizzle migrations at start, on either driver. On PostgreSQL an advisory
 * lock lets several server instances start at once without racing each other.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import type { NodePgDatabase } from "drizzle-orm/node-postgres";
import { migrate as migrateNodePg } from "drizzle-orm/node-postgres/migrator";
import type { PgliteDatabase } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { projectPath } from "../platform/paths.ts";
import { type Database, queryRows } from "./client.ts";

export const migrationsFolder = projectPath("drizzle");
const MIGRATION_LOCK = 72_631_100;

export async function runMigrations(database: Database): Promise<void> {
  if (database.kind === "pglite") {
    await migratePglite(database.db as unknown as PgliteDatabase, { migrationsFolder });
    return;
  }
  await database.db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${MIGRATION_LOCK})`);
    await migrateNodePg(tx as unknown as NodePgDatabase, { migrationsFolder });
  });
}

/** How many migrations the code ships with. */
export function expectedMigrationCount(): number {
  const journal = JSON.parse(readFileSync(path.join(migrationsFolder, "meta/_journal.json"), "utf8"));
  return journal.entries.length;
}

/** True when every shipped migration is recorded as applied. */
export async function migrationsApplied(database: Database): Promise<boolean> {
  const [row] = await queryRows<{ n: number }>(
    database.db,
    sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
  );
  return (row?.n ?? 0) >= expectedMigrationCount();
}
