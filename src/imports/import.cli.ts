/**
 * `npm run import:workers -- --city 320100 --file workers.xlsx [--all-or-nothing] [--rejects rejects.csv]`
 * Imports a workers sheet (.xlsx or .csv) into the database named by DATABASE_URL, or the PGlite
 * data directory (LINGGONG_DATA_DIR, default ./data), in one transaction. Rows that fail their
 * checks are listed with their reasons and, with --rejects, written to a .csv to fix and import
 * again. Running it again imports only what is not there yet.
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { connect } from "../db/client.ts";
import { runMigrations } from "../db/migrate.ts";
import { localDay } from "../monitoring/periods.ts";
import { loadConfig } from "../platform/config.ts";
import { readSheet, rejectsCsv } from "./sheet.ts";
import { importWorkers } from "./workers.import.ts";

const { values } = parseArgs({
  options: {
    city: { type: "string" },
    file: { type: "string" },
    "all-or-nothing": { type: "boolean", default: false },
    rejects: { type: "string" },
  },
});
if (!values.city || !values.file) {
  console.error(
    "Usage: npm run import:workers -- --city 320100 --file workers.xlsx [--all-or-nothing] [--rejects rejects.csv]",
  );
  process.exit(2);
}

const config = loadConfig();
const sheet = await readSheet(values.file, readFileSync(values.file));
const database = await connect({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
try {
  await runMigrations(database);
  const now = new Date();
  const cityCode = values.city;
  const result = await database.db.transaction((tx) =>
    importWorkers(tx, sheet, {
      cityCode,
      pepper: config.idNumberPepper,
      today: localDay(now),
      now,
      allOrNothing: values["all-or-nothing"],
    }),
  );
  console.log(`${path.basename(values.file)}: ${result.rows} rows`);
  console.log(`  imported      ${result.imported}`);
  console.log(`  already there ${result.alreadyThere}`);
  console.log(`  rejected      ${result.rejected.length}${result.rolledBack ? " (nothing imported)" : ""}`);
  for (const r of result.rejected.slice(0, 20)) console.log(`    row ${r.row}: ${r.reasons.join("; ")}`);
  if (result.rejected.length > 20) console.log(`    … and ${result.rejected.length - 20} more`);
  if (values.rejects && result.rejected.length > 0) {
    writeFileSync(values.rejects, rejectsCsv(sheet.headers, result.rejected));
    console.log(`  rejected rows written to ${values.rejects}`);
  }
  if (result.rolledBack) process.exitCode = 3;
} finally {
  await database.close();
}
