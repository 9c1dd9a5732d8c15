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

/** Rows per statement: each batch travels as one JSON parameter, which both drivers parse fast. */
const BATCH_ROWS = 5000;

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
  for (const [table, list] of tablesInOrder(rows))
    for (let i = 0; i < list.length; i += BATCH_ROWS)
      await insertJsonBatch(db, table, list.slice(i, i + BATCH_ROWS));
}

/**
 * `insert … select from jsonb_to_recordset($1)`: a batch of thousands of rows in one
 * parameter. Columns no row sets are left to their database defaults; a column some rows
 * leave out gets its plain default (false, 0, '') or null.
 */
async function insertJsonBatch(db: DbOrTx, table: PgTable, batch: Record<string, unknown>[]): Promise<void> {
  if (!batch.length) return;
  const present = new Set(batch.flatMap((row) => Object.keys(row)));
  const columns = Object.entries(getTableColumns(table)).filter(([key]) => present.has(key));
  const records = batch.map((row) =>
    Object.fromEntries(
      columns.map(([key, column]) => [column.name, row[key] ?? plainDefault(column.default)]),
    ),
  );
  const names = columns.map(([, c]) => `"${c.name}"`).join(", ");
  const types = columns.map(([, c]) => `"${c.name}" ${c.getSQLType()}`).join(", ");
  await db.execute(
    sql`insert into ${table} (${sql.raw(names)}) select ${sql.raw(names)} from jsonb_to_recordset(${JSON.stringify(records)}::jsonb) as r(${sql.raw(types)})`,
  );
}

function plainDefault(value: unknown): unknown {
  return typeof value === "object" ? null : (value ?? null);
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
