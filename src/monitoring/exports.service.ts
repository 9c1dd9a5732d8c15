/** Builds an export file for a scope and period. */
import type { AppContext } from "../platform/context.ts";
import {
  officialFlowTable,
  stationsTable,
  summaryTable,
  supplyDemandTable,
  type Table,
  toCsv,
  toXlsx,
} from "./exports.ts";
import { type Scope, scopeNames } from "./monitoring.repository.ts";
import type { ExportTable } from "./monitoring.schemas.ts";
import { officialFlow, overview, supplyDemand } from "./monitoring.service.ts";
import { addDays, type Period } from "./periods.ts";
import { stationPerformance } from "./station-performance.service.ts";

const FILE_NAMES: Record<ExportTable, string> = {
  "supply-demand": "供求状况表",
  "official-flow": "公共就业服务机构市场供求状况",
  summary: "统计摘要",
  stations: "驿站服务绩效",
};

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
  table: ExportTable,
  where: string,
): Promise<Table> {
  const span = `${period.from}至${addDays(period.to, -1)}`;
  if (table === "official-flow") {
    // The sheet's name holds 31 characters: the place first, so it is never cut off.
    return officialFlowTable(`${where}市场供求状况（${span}）`, await officialFlow(ctx, scope, period));
  }
  if (table === "supply-demand") {
    const sd = await supplyDemand(ctx, scope, period);
    return supplyDemandTable(
      `分职业供求状况（${where}，${span}）`,
      sd.byCategory,
      sd.overall,
      sd.anyCategorySeekers,
    );
  }
  if (table === "stations") {
    const page = await stationPerformance(ctx, scope, period);
    return stationsTable(`驿站服务绩效（${where}，${span}）`, page.stations, page.days);
  }
  const page = await overview(ctx, scope, period);
  return summaryTable(`零工市场统计摘要（${where}，${span}）`, page.figures);
}

export async function exportTable(
  ctx: AppContext,
  scope: Scope,
  period: Period,
  table: ExportTable,
  format: "xlsx" | "csv",
): Promise<ExportFile> {
  // Titles, sheet and file names say the place by its name (京口区), not its code; a province's
  // cities together by theirs (南京市、镇江市合计).
  const names = await scopeNames(ctx.database.reads(), scope);
  const where = names.length === 1 ? names[0] : `${names.join("、")}合计`;
  const content = await tableFor(ctx, scope, period, table, where);
  const base = `${FILE_NAMES[table]}_${where}_${period.from}`;
  const asciiName = `${table}_${scope.district ?? scope.cityCodes.join("-")}_${period.from}.${format}`;
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
