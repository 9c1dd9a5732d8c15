/**
 * How every import runs, whatever it imports. First, outside any transaction, each row is read
 * by its columns and checked against the reference data (districts, categories); a row that
 * repeats an earlier one is rejected. Then, in one transaction under a lock per city (two imports
 * of a city take turns), what is stored decides: a row already there is skipped, a row that clashes
 * is rejected. With `allOrNothing` one rejected row writes nothing; otherwise the new rows are
 * written. Running a sheet again writes only what is not there yet.
 */
import type { Db, DbOrTx, Tx } from "../db/client.ts";
import { inTransaction } from "../db/transaction.ts";
import type { AppError, Lang } from "../platform/errors.ts";
import { importErrors } from "./imports.errors.ts";
import { lockImportsOf } from "./imports.repository.ts";
import type { Sheet } from "./sheet.ts";

export type ImportKind = "workers" | "employers" | "stations";

export interface ImportScope {
  cityCode: string;
  /** The district a district admin is limited to; null for the whole city. */
  districtCode: string | null;
}

export interface Column {
  /** Accepted headers, the template's first: Chinese, then English. */
  headers: readonly string[];
  required: boolean;
  /** What to write in it, for the template's notes. */
  hint: { zh: string; en: string };
}

/** A row that passed its checks, with what makes it the same as another row (a phone, a name). */
export type Checked<Item> = { item: Item; keys: Record<string, string> } | { reasons: AppError[] };

/** Under the import's lock: a new item, one already stored, or one that clashes with what is. */
export type Settled = "new" | "existing" | AppError[];

export interface Importer<Field extends string, Item> {
  columns: Record<Field, Column>;
  /** The field that names a row in the report. */
  label: Field;
  /** Loads what rows are checked against and gives back the check of one row; writes nothing. */
  prepare(db: DbOrTx, scope: ImportScope): Promise<(fields: Record<Field, string>) => Checked<Item>>;
  /** Outside the transaction: what waits on the outside world (placing an address on the map). */
  complete?(items: Item[], scope: ImportScope): Promise<Item[]>;
  settle(tx: Tx, items: Item[], scope: ImportScope): Promise<Settled[]>;
  insert(tx: Tx, items: Item[], scope: ImportScope): Promise<void>;
}

export type RowOutcome = "imported" | "existing" | "rejected" | "not_imported";

export interface RowReport {
  /** The row's number in the sheet (the header is row 1). */
  row: number;
  label: string;
  outcome: RowOutcome;
  /** The row as it was typed, for the rejects file. */
  values: Record<string, string>;
  reasons: AppError[];
}

export interface ImportResult {
  rows: number;
  imported: number;
  alreadyThere: number;
  /** True when nothing was written because of `allOrNothing`. */
  rolledBack: boolean;
  /** Every row in the sheet's order. */
  report: RowReport[];
  rejected: RowReport[];
}

/** A row's reasons as `code: message`, for the rejects file and the command line. */
export function reasonLines(row: RowReport, lang: Lang): string[] {
  return row.reasons.map((e) => `${e.code}: ${e.messageIn(lang)}`);
}

export interface RunOptions {
  scope: ImportScope;
  allOrNothing?: boolean;
  /** Written in the import's transaction, with its result (the audit row). */
  record?: (tx: Tx, result: ImportResult) => Promise<void>;
}

function cellOf(values: Record<string, string>, column: Column): string {
  for (const header of column.headers) if (values[header] !== undefined) return values[header] ?? "";
  return "";
}

/** The first header of each required column the sheet lacks; a sheet without them is refused. */
function missingColumns(columns: Record<string, Column>, headers: readonly string[]): string[] {
  return Object.values(columns)
    .filter((c) => c.required && !c.headers.some((h) => headers.includes(h)))
    .map((c) => c.headers[0] ?? "");
}

export async function runImport<Field extends string, Item>(
  db: Db,
  importer: Importer<Field, Item>,
  sheet: Sheet,
  options: RunOptions,
): Promise<ImportResult> {
  const missing = missingColumns(importer.columns, sheet.headers);
  if (missing.length > 0) throw importErrors.import_columns_missing({ columns: missing.join("、") });
  const check = await importer.prepare(db, options.scope);
  const fields = Object.keys(importer.columns) as Field[];
  const seen = new Map<string, number>();
  const report: RowReport[] = [];
  const candidates: Array<{ report: RowReport; item: Item }> = [];
  for (const row of sheet.rows) {
    const read = Object.fromEntries(
      fields.map((f) => [f, cellOf(row.values, importer.columns[f])]),
    ) as Record<Field, string>;
    const entry: RowReport = { ...row, label: read[importer.label], outcome: "imported", reasons: [] };
    report.push(entry);
    const checked = check(read);
    if ("reasons" in checked) {
      entry.reasons = checked.reasons;
      continue;
    }
    const repeated = Object.entries(checked.keys).find(([what, key]) => seen.has(`${what}\u0000${key}`));
    if (repeated) {
      entry.reasons = [importErrors.duplicate_in_file({ what: repeated[0] })];
      continue;
    }
    for (const [what, key] of Object.entries(checked.keys)) seen.set(`${what}\u0000${key}`, row.row);
    candidates.push({ report: entry, item: checked.item });
  }
  const items = candidates.map((c) => c.item);
  const completed = importer.complete ? await importer.complete(items, options.scope) : items;

  return inTransaction(db, async (tx) => {
    await lockImportsOf(tx, options.scope.cityCode);
    const settled = await importer.settle(tx, completed, options.scope);
    const fresh: Item[] = [];
    // A transaction run again after a lock race settles the same rows afresh.
    candidates.forEach((c, i) => {
      const outcome = settled[i] ?? "new";
      c.report.reasons = Array.isArray(outcome) ? outcome : [];
      c.report.outcome = outcome === "existing" ? "existing" : "imported";
      if (outcome === "new") fresh.push(completed[i] as Item);
    });
    for (const r of report) if (r.reasons.length > 0) r.outcome = "rejected";
    const rejected = report.filter((r) => r.outcome === "rejected");
    const rolledBack = Boolean(options.allOrNothing) && rejected.length > 0;
    if (rolledBack) {
      for (const r of report) if (r.outcome === "imported") r.outcome = "not_imported";
    } else {
      await importer.insert(tx, fresh, options.scope);
    }
    const result: ImportResult = {
      rows: sheet.rows.length,
      imported: rolledBack ? 0 : fresh.length,
      alreadyThere: report.filter((r) => r.outcome === "existing").length,
      rolledBack,
      report,
      rejected,
    };
    await options.record?.(tx, result);
    return result;
  });
}
