/**
 * exceljs is loaded when a sheet is first read or written, not when the server starts: it takes
 * a few hundred milliseconds to load and most instances serve no spreadsheet for a while.
 */
import type { Workbook } from "exceljs";

export async function newWorkbook(): Promise<Workbook> {
  const { default: ExcelJS } = await import("exceljs");
  return new ExcelJS.Workbook();
}
