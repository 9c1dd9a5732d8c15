/**
 * Backup and restore of the embedded PGlite database (LINGGONG_DATA_DIR). A backup is the data
 * folder as a gzipped tarball (PGlite's dumpDataDir) plus a manifest: each table's row count and
 * a checksum of its rows. A restore unpacks into an empty folder and checks the manifest, so a
 * backup that does not restore to the same rows is found when it is taken to pieces, not later.
 * PGlite is single-process: stop the server first (docs/operations.md). PostgreSQL deployments use
 * pg_basebackup and a WAL archive instead (deploy/backup/).
 */
import { access, mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PGLITE_EXTENSIONS } from "../db/client.ts";

export interface TableSummary {
  rows: number;
  /** md5 over the md5 of every row's text form, in sorted order: independent of physical order. */
  checksum: string;
}

export interface Manifest {
  takenAt: string;
  tables: Record<string, TableSummary>;
}

/** Row count and checksum of every table outside the system schemas. */
export async function summarise(db: PGlite): Promise<Record<string, TableSummary>> {
  const { rows: tables } = await db.query<{ name: string }>(
    `select quote_ident(table_schema) || '.' || quote_ident(table_name) as name
       from information_schema.tables
      where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')
      order by 1`,
  );
  const summary: Record<string, TableSummary> = {};
  for (const { name } of tables) {
    const { rows } = await db.query<{ n: number; checksum: string }>(
      `select count(*)::int as n,
              md5(coalesce(string_agg(h, '' order by h), '')) as checksum
         from (select md5(t::text) as h from ${name} t) rows`,
    );
    summary[name] = { rows: rows[0].n, checksum: rows[0].checksum };
  }
  return summary;
}

/** Writes `<out>.tar.gz` and `<out>.manifest.json`; returns the manifest. */
export async function backUp(dataDir: string, out: string, now = new Date()): Promise<Manifest> {
  // Opening a missing folder would create an empty database and back that up.
  await access(path.join(dataDir, "PG_VERSION")).catch(() => {
    throw new Error(`${dataDir} holds no database to back up`);
  });
  const db = new PGlite(dataDir, { extensions: PGLITE_EXTENSIONS });
  try {
    await db.waitReady;
    const manifest: Manifest = { takenAt: now.toISOString(), tables: await summarise(db) };
    const dump = await db.dumpDataDir("gzip");
    await mkdir(path.dirname(out), { recursive: true });
    await writeFile(`${out}.tar.gz`, Buffer.from(await dump.arrayBuffer()));
    await writeFile(`${out}.manifest.json`, `${JSON.stringify(manifest, null, 2)}\n`);
    return manifest;
  } finally {
    await db.close();
  }
}

/** The tables whose rows differ from the manifest, as readable lines (empty: a faithful copy). */
export function differences(expected: Manifest["tables"], actual: Manifest["tables"]): string[] {
  const names = new Set([...Object.keys(expected), ...Object.keys(actual)]);
  return [...names].flatMap((name) => {
    const want = expected[name];
    const got = actual[name];
    if (want?.rows === got?.rows && want?.checksum === got?.checksum) return [];
    return [`${name}: ${want ? want.rows : "absent"} rows backed up, ${got ? got.rows : "absent"} restored`];
  });
}

/** Unpacks `<backup>.tar.gz` into `dataDir` (which must be empty or absent) and checks it. */
export async function restore(backup: string, dataDir: string): Promise<Manifest> {
  const existing = await readdir(dataDir).catch(() => []);
  if (existing.length > 0) throw new Error(`${dataDir} is not empty: restore into a fresh folder`);
  const manifest = JSON.parse(await readFile(`${backup}.manifest.json`, "utf8")) as Manifest;
  const tarball = new Blob([await readFile(`${backup}.tar.gz`)]);
  await mkdir(dataDir, { recursive: true });
  const db = new PGlite(dataDir, { extensions: PGLITE_EXTENSIONS, loadDataDir: tarball });
  try {
    await db.waitReady;
    const wrong = differences(manifest.tables, await summarise(db));
    if (wrong.length > 0) throw new Error(`the restored data differs from the backup:\n${wrong.join("\n")}`);
    return manifest;
  } finally {
    await db.close();
  }
}
