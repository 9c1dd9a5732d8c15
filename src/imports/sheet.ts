/**
 * Reading the spreadsheets bureaus keep (.xlsx or .csv, first sheet, a header row) into rows of
 * text keyed by header, and writing a rejects file (.csv with a BOM, so Excel opens it as UTF-8).
 */

import { newWorkbook } from "../platform/excel.ts";
import { importErrors } from "./imports.errors.ts";

export interface SheetRow {
  /** The row's number in the spreadsheet (the header is row 1). */
  row: number;
  values: Record<string, string>;
}

export interface Sheet {
  headers: string[];
  rows: SheetRow[];
}

/** RFC 4180: quoted fields may hold commas, quotes ("") and line breaks. */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let field = "";
  let record: string[] = [];
  let quoted = false;
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (quoted) {
      if (c === '"' && body[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      record.push(field);
      field = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && body[i + 1] === "\n") i++;
      record.push(field);
      records.push(record);
      record = [];
      field = "";
    } else field += c;
  }
  if (field !== "" || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  return records;
}

function toSheet(records: string[][]): Sheet {
  const [header = [], ...rest] = records;
  const headers = header.map((h) => h.trim());
  const rows: SheetRow[] = [];
  rest.forEach((cells, i) => {
    if (cells.every((c) => c.trim() === "")) return;
    const values: Record<string, string> = {};
    headers.forEach((h, j) => {
      values[h] = (cells[j] ?? "").trim();
    });
    rows.push({ row: i + 2, values });
  });
  return { headers, rows };
}

/** UTF-8, or else GB18030: what Excel on a Chinese Windows writes when it saves a .csv. */
function decodeCsv(content: Buffer): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(content);
  } catch {
    return new TextDecoder("gb18030").decode(content);
  }
}

async function readWorkbook(content: Buffer): Promise<string[][]> {
  const workbook = await newWorkbook();
  await workbook.xlsx.load(content as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const records: string[][] = [];
  const width = sheet.columnCount;
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const cells: string[] = [];
    for (let c = 1; c <= width; c++) cells.push(row.getCell(c).text ?? "");
    records.push(cells);
  }
  return records;
}

/** A file that is not a workbook (or not the one its name says) is refused, not a server error. */
export async function readSheet(fileName: string, content: Buffer): Promise<Sheet> {
  if (fileName.toLowerCase().endsWith(".csv")) return toSheet(parseCsv(decodeCsv(content)));
  try {
    return toSheet(await readWorkbook(content));
  } catch {
    throw importErrors.import_file_unreadable();
  }
}

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** The rejected rows with their row number and reasons, as a .csv a clerk can fix and import again. */
export function rejectsCsv(headers: string[], rejects: Array<SheetRow & { reasons: string[] }>): string {
  const lines = [["行号 row", ...headers, "原因 reasons"].map(csvField).join(",")];
  for (const r of rejects) {
    lines.push(
      [String(r.row), ...headers.map((h) => r.values[h] ?? ""), r.reasons.join("；")].map(csvField).join(","),
    );
  }
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}
