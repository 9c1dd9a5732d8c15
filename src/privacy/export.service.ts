/**
 * 我的数据 (access and portability): everything held about the person who asks, as JSON and as a
 * workbook with one sheet per kind and Chinese headers. Read in one transaction, so the copy is
 * consistent; the person's own request needs no audit row (it is no staff view).
 */
import type { Static } from "typebox";
import type { AppContext } from "../platform/context.ts";
import type { Lang } from "../platform/errors.ts";
import { newWorkbook } from "../platform/excel.ts";
import type { SessionUser } from "../platform/http/access.ts";
import { COLUMN_HEADERS, SECTION_TITLES } from "./export.labels.ts";
import { EXPORT_QUERIES, employerIdOf, exportRows } from "./export.repository.ts";
import type { MyData } from "./privacy.schemas.ts";

export async function collectMyData(
  ctx: AppContext,
  user: SessionUser,
  lang: Lang,
): Promise<Static<typeof MyData>> {
  const generatedAt = ctx.clock.now().toISOString();
  return ctx.database.db.transaction(async (tx) => {
    const person = { userId: user.id, employerId: await employerIdOf(tx, user.id) };
    const sections = [];
    for (const query of EXPORT_QUERIES) {
      const title = SECTION_TITLES[query.kind];
      sections.push({
        kind: query.kind,
        title: lang === "en" ? title.en : title.zh,
        rows: (await exportRows(tx, query, person)).map(plainRow),
      });
    }
    return { generatedAt, sections };
  });
}

/** Dates as ISO text, so the JSON answer and the workbook read the same. */
function plainRow(row: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(row).map(([key, value]) => [key, value instanceof Date ? value.toISOString() : value]),
  );
}

const shanghai = new Intl.DateTimeFormat("zh-CN", {
  timeZone: "Asia/Shanghai",
  dateStyle: "short",
  timeStyle: "short",
});
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

function cell(value: unknown): string | number | boolean | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "number" || typeof value === "boolean") return value;
  if (typeof value === "string") return ISO_TIME.test(value) ? shanghai.format(new Date(value)) : value;
  if (Array.isArray(value) && value.every((v) => typeof v === "string")) return value.join("、");
  return JSON.stringify(value);
}

/** One sheet per kind, even an empty one, so the person sees what kinds exist. */
export async function myDataWorkbook(data: Static<typeof MyData>): Promise<Buffer> {
  const workbook = await newWorkbook();
  for (const section of data.sections) {
    const sheet = workbook.addWorksheet(SECTION_TITLES[section.kind]?.zh ?? section.kind);
    const keys = section.rows.length > 0 ? Object.keys(section.rows[0]) : [];
    const header = sheet.addRow(
      keys.length > 0 ? keys.map((key) => COLUMN_HEADERS[key] ?? key) : ["（无记录）"],
    );
    header.font = { bold: true };
    for (const row of section.rows) sheet.addRow(keys.map((key) => cell(row[key])));
    sheet.columns.forEach((column) => {
      column.width = 18;
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
