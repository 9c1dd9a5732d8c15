/**
 * `npm run import:workers -- --city 320100 --file workers.xlsx [--all-or-nothing] [--rejects rejects.csv]`,
 * and the same with `import:employers` and `import:stations`.
 * Imports a sheet (.xlsx or .csv) into the database named by DATABASE_URL, or the PGlite data
 * directory (LINGGONG_DATA_DIR, default ./data), in one transaction. Rows that fail their checks
 * are listed with their reasons and, with --rejects, written to a .csv to fix and import again.
 * Running it again imports only what is not there yet. Employers imported here are verified, by
 * the operator rather than by an admin (src/imports/employers.import.ts).
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { connect } from "../db/client.ts";
import { runMigrations } from "../db/migrate.ts";
import { systemClock } from "../platform/clock.ts";
import { loadConfig } from "../platform/config.ts";
import { AppError } from "../platform/errors.ts";
import { LogSmsProvider } from "../platform/sms.ts";
import { IMPORT_KINDS, importSheet } from "./kinds.ts";
import { type ImportKind, type RowReport, reasonLines } from "./run.ts";
import { readSheet, rejectsCsv } from "./sheet.ts";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    city: { type: "string" },
    file: { type: "string" },
    "all-or-nothing": { type: "boolean", default: false },
    rejects: { type: "string" },
  },
});
const kind = positionals[0] as ImportKind | undefined;
if (!kind || !IMPORT_KINDS.includes(kind) || !values.city || !values.file) {
  console.error(
    "Usage: npm run import:workers|import:employers|import:stations -- --city 320100 --file sheet.xlsx [--all-or-nothing] [--rejects rejects.csv]",
  );
  process.exit(2);
}

const config = loadConfig();
const database = await connect({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
try {
  await runMigrations(database);
  // Nothing here sends a message: an import only writes rows.
  const ctx = { config, database, clock: systemClock, sms: new LogSmsProvider(() => {}) };
  const sheet = await readSheet(values.file, readFileSync(values.file));
  const result = await importSheet(ctx, kind, sheet, {
    scope: { cityCode: values.city, districtCode: null },
    allOrNothing: values["all-or-nothing"],
    by: null,
  });
  const reasons = (r: RowReport) => reasonLines(r, "zh-CN");
  console.log(`${path.basename(values.file)}: ${result.rows} rows`);
  console.log(`  imported      ${result.imported}`);
  console.log(`  already there ${result.alreadyThere}`);
  console.log(`  rejected      ${result.rejected.length}${result.rolledBack ? " (nothing imported)" : ""}`);
  for (const r of result.rejected.slice(0, 20)) console.log(`    row ${r.row}: ${reasons(r).join("; ")}`);
  if (result.rejected.length > 20) console.log(`    … and ${result.rejected.length - 20} more`);
  if (values.rejects && result.rejected.length > 0) {
    writeFileSync(
      values.rejects,
      rejectsCsv(
        sheet.headers,
        result.rejected.map((r) => ({ ...r, reasons: reasons(r) })),
      ),
    );
    console.log(`  rejected rows written to ${values.rejects}`);
  }
  if (result.rolledBack) process.exitCode = 3;
} catch (error) {
  if (!(error instanceof AppError)) throw error;
  console.error(`${error.code}: ${error.messageIn("zh-CN")}`);
  process.exitCode = 2;
} finally {
  await database.close();
}
