/** Builds an export file for a scope and period. */
import type { AppContext } from "../platform/context.ts";
import { summaryTable, supplyDemandTable, type Table, toCsv, toXlsx } from "./exports.ts";
import type { Scope } from "./monitoring.repository.ts";
import { overview, supplyDemand } from "./monitoring.service.ts";
import { addDays, type Period } from "./periods.ts";

export interface ExportFile {
  name: string;
  asciiName: string;
  contentType: string;
  body: Buffer | string;
}

async function tableFor(
  ctx: AppContext,
  scope: Scope,
  period: Period,
  table: "supply-demand" | "summary",
): Promise<Table> {
  const where = scope.district ?? scope.cityCode;
  const span = `${period.from}至${addDays(period.to, -1)}`;
  if (table === "supply-demand") {
    const sd = await supplyDemand(ctx, scope, period);
    return supplyDemandTable(
      `分职业供求状况（${where}，${span}）`,
      sd.byCategory,
      sd.overall,
      sd.anyCategorySeekers,
    );
  }
  const page = await overview(ctx, scope, period);
  return summaryTable(`零工市场统计摘要（${where}，${span}）`, page.figures);
}

export async function exportTable(
  ctx: AppContext,
  scope: Scope,
  period: Period,
  table: "supply-demand" | "summary",
  format: "xlsx" | "csv",
): Promise<ExportFile> {
  const content = await tableFor(ctx, scope, period, table);
  const base = `${table === "supply-demand" ? "供求状况表" : "统计摘要"}_${scope.district ?? scope.cityCode}_${period.from}`;
  const asciiName = `${table}_${scope.district ?? scope.cityCode}_${period.from}.${format}`;
  if (format === "csv") {
    return { name: `${base}.csv`, asciiName, contentType: "text/csv; charset=utf-8", body: toCsv(content) };
  }
  return {
    name: `${base}.xlsx`,
    asciiName,
    contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    body: await toXlsx(content),
  };
}
