/**
 * The template of an import (.xlsx): the first sheet has the header row to fill in, the second
 * says what each column takes, the third lists the districts the admin may import into.
 */
import type { DbOrTx } from "../db/client.ts";
import { newWorkbook } from "../platform/excel.ts";
import { districtsOf } from "./imports.repository.ts";
import { COLUMNS } from "./kinds.ts";
import type { ImportKind, ImportScope } from "./run.ts";

const SHEET_NAMES: Record<ImportKind, { zh: string; en: string }> = {
  workers: { zh: "零工名单", en: "workers" },
  employers: { zh: "用人单位名录", en: "employers" },
  stations: { zh: "零工市场和驿站", en: "stations" },
};

export async function importTemplate(
  db: DbOrTx,
  kind: ImportKind,
  scope: ImportScope,
): Promise<{ name: string; asciiName: string; body: Buffer }> {
  const columns = Object.values(COLUMNS[kind]);
  const workbook = await newWorkbook();
  const rows = workbook.addWorksheet(SHEET_NAMES[kind].zh);
  rows.addRow(columns.map((c) => c.headers[0]));
  rows.getRow(1).font = { bold: true };
  rows.columns.forEach((column) => {
    column.width = 20;
  });

  const notes = workbook.addWorksheet("填写说明");
  notes.addRow(["列", "必填", "说明", "Notes"]).font = { bold: true };
  for (const c of columns) notes.addRow([c.headers[0], c.required ? "是" : "否", c.hint.zh, c.hint.en]);
  notes.addRow([]);
  notes.addRow(["第一行是表头，从第二行起每行一条；已经导入的不会重复导入。"]);
  notes.addRow([
    "The first row is the header, one record a row after it; what is already there is not imported twice.",
  ]);
  notes.columns = [{ width: 22 }, { width: 8 }, { width: 40 }, { width: 60 }];

  const districts = workbook.addWorksheet("区县");
  districts.addRow(["代码", "名称"]).font = { bold: true };
  for (const d of await districtsOf(db, scope.cityCode))
    if (scope.districtCode === null || d.code === scope.districtCode) districts.addRow([d.code, d.name]);

  const body = Buffer.from(await workbook.xlsx.writeBuffer());
  return {
    name: `${SHEET_NAMES[kind].zh}-导入模板.xlsx`,
    asciiName: `${SHEET_NAMES[kind].en}-template.xlsx`,
    body,
  };
}
