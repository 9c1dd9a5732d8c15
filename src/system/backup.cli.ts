/**
 * `npm run backup [-- --out backups/linggong-<time>]` backs up LINGGONG_DATA_DIR (default ./data);
 * `npm run restore -- <backup without extension> [--data-dir <empty folder>]` restores and checks it.
 * Stop the server first: PGlite lets one process at a time open its folder.
 */
import path from "node:path";
import { parseArgs } from "node:util";
import { loadConfig } from "../platform/config.ts";
import { backUp, restore } from "./backup.ts";

const config = loadConfig();
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { out: { type: "string" }, "data-dir": { type: "string" } },
});
const command = positionals[0];

if (config.databaseUrl) {
  console.error(
    "DATABASE_URL is set: back up PostgreSQL with deploy/backup/pg-basebackup.sh (docs/operations.md)",
  );
  process.exit(2);
}
if (command === "backup") {
  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  const out = path.resolve(values.out ?? path.join("backups", `linggong-${stamp}`));
  const manifest = await backUp(config.dataDir, out);
  const rows = Object.values(manifest.tables).reduce((sum, t) => sum + t.rows, 0);
  console.log(`backed up ${config.dataDir}: ${Object.keys(manifest.tables).length} tables, ${rows} rows`);
  console.log(`  ${out}.tar.gz\n  ${out}.manifest.json`);
} else if (command === "restore" && positionals[1]) {
  const backup = positionals[1].replace(/\.(tar\.gz|manifest\.json)$/, "");
  const target = path.resolve(values["data-dir"] ?? config.dataDir);
  const manifest = await restore(backup, target);
  console.log(
    `restored into ${target}: every table's rows and checksum match the backup of ${manifest.takenAt}`,
  );
} else {
  console.error("usage: backup.cli.ts backup [--out <path>] | restore <backup> [--data-dir <folder>]");
  process.exit(2);
}
