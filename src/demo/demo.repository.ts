/**
 * The demo city's SQL: multi-row inserts in batches, a count of workers, and a reset of
 * market data (reference data — cities, divisions, categories — is kept).
 */
import { getTableColumns, sql } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import { type DbOrTx, queryRows } from "../db/client.ts";
import {
  applications,
  bookings,
  complaints,
  employers,
  gigs,
  marketEvents,
  payments,
  ratings,
  serviceRecords,
  stations,
  timesheets,
  users,
  workerProfiles,
} from "../db/schema/index.ts";
import type { DemoCityRows } from "./city.build.ts";

/** PostgreSQL allows 65,535 parameters per statement; stay well below it. */
const MAX_PARAMETERS = 30_000;
const MAX_ROWS = 1000;

/** Tables in foreign-key order, each with the rows that go in it. */
function tablesInOrder(rows: DemoCityRows): [PgTable, Record<string, unknown>[]][] {
  return [
    [stations, rows.stations],
    [users, rows.users],
    [workerProfiles, rows.workerProfiles],
    [employers, rows.employers],
    [gigs, rows.gigs],
    [applications, rows.applications],
    [bookings, rows.bookings],
    [timesheets, rows.timesheets],
    [payments, rows.payments],
    [ratings, rows.ratings],
    [complaints, rows.complaints],
    [serviceRecords, rows.serviceRecords],
    [marketEvents, rows.marketEvents],
  ];
}

export async function insertCity(db: DbOrTx, rows: DemoCityRows): Promise<void> {
  for (const [table, list] of tablesInOrder(rows)) {
    if (!list.length) continue;
    const columns = Object.keys(getTableColumns(table)).length;
    const size = Math.max(1, Math.min(MAX_ROWS, Math.floor(MAX_PARAMETERS / columns)));
    for (let i = 0; i < list.length; i += size) await db.insert(table).values(list.slice(i, i + size));
  }
}

export async function countWorkers(db: DbOrTx, cityCode: string): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from worker_profiles where city_code = ${cityCode}`,
  );
  return row?.n ?? 0;
}

/** Serialises first-start loads when several server instances start on one database. */
export async function lockDemoLoad(db: DbOrTx): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(72631101)`);
}

/**
 * Market tables a reset empties: every table that is not reference data or the migration
 * log, so areas added later are wiped too. CASCADE follows their foreign keys.
 */
export async function resetMarket(db: DbOrTx): Promise<void> {
  const tables = await queryRows<{ name: string }>(
    db,
    sql`select quote_ident(tablename) as name from pg_tables
        where schemaname = 'public' and tablename not in ('cities', 'divisions', 'categories')`,
  );
  if (!tables.length) return;
  await db.execute(
    sql.raw(`truncate table ${tables.map((t) => t.name).join(", ")} restart identity cascade`),
  );
}
