/**
 * The official tables as files: the supply-and-demand table by category (分职业供求状况表)
 * and the period summary, as .xlsx (Chinese headers, number formats) or CSV (UTF-8 with a
 * BOM so Excel reads the Chinese correctly).
 */

import { newWorkbook } from "../platform/excel.ts";
import type { Figure } from "./indicators.ts";
import type { ComparedRow } from "./monitoring.service.ts";

export interface Column {
  header: string;
  width: number;
  /** Excel number format. */
  format?: string;
  /**
   * A 环比/同比 column of the summary: per cent for counts and rates (a rate's change is in
   * percentage points), the ratio's own format for 求人倍率, whose change is in points.
   */
  change?: boolean;
}

export interface Table {
  title: string;
  columns: Column[];
  rows: Array<Array<string | number | null>>;
}

const RATIO = "0.00";
const COUNT = "#,##0";
const PERCENT = "0.0%";

export function supplyDemandTable(
  title: string,
  rows: ComparedRow[],
  overall: ComparedRow,
  anyCategory: number,
): Table {
  return {
    title,
    columns: [
      { header: "职业（工种）", width: 18 },
      { header: "需求人数", width: 10, format: COUNT },
      { header: "求职人数", width: 10, format: COUNT },
      { header: "求人倍率", width: 10, format: RATIO },
      { header: "上期求人倍率", width: 12, format: RATIO },
      { header: "比上期增减", width: 11, format: RATIO },
      { header: "上年同期求人倍率", width: 15, format: RATIO },
      { header: "比上年同期增减", width: 14, format: RATIO },
    ],
    rows: [
      ...[...rows]
        .sort((a, b) => b.demand - a.demand || a.key.localeCompare(b.key))
        .map((r) => [
          r.name,
          r.demand,
          r.seekers,
          r.ratio,
          r.previousRatio,
          r.ratioChange,
          r.lastYearRatio,
          r.ratioChangeYoy,
        ]),
      ["不限工种", null, anyCategory, null, null, null, null, null],
      [
        "合计",
        overall.demand,
        overall.seekers,
        overall.ratio,
        overall.previousRatio,
        overall.ratioChange,
        overall.lastYearRatio,
        overall.ratioChangeYoy,
      ],
    ],
  };
}

/** What the official table's page gives (monitoring.service.ts officialFlow). */
export interface OfficialFlowContent {
  total: { demand: number; seekers: number; ratio: number | null };
  byOccupationGroup: Array<{ name: string; demand: number; seekers: number; ratio: number | null }>;
  byCategory: Array<{ name: string; demand: number; seekers: number; ratio: number | null }>;
  anyCategorySeekers: number;
  demandByIndustry: Array<{ key: string; people: number }>;
  demandBySex: Array<{ key: string; people: number }>;
  demandByAgeBand: Array<{ key: string; people: number }>;
  demandByEducation: Array<{ key: string; people: number }>;
  seekersBySex: Array<{ key: string; people: number }>;
  seekersByAgeBand: Array<{ key: string; people: number }>;
  seekersByEducation: Array<{ key: string; people: number }>;
}

const SEX_ZH: Record<string, string> = { any: "无要求", male: "男", female: "女", unknown: "未填" };
const EDUCATION_ZH: Record<string, string> = {
  any: "无要求",
  none: "未上过学",
  primary: "小学",
  junior: "初中",
  senior: "高中",
  vocational: "中专/职高/技校",
  college: "大专",
  bachelor: "本科",
  postgraduate: "研究生",
  unknown: "未填",
};
const ageZh = (key: string) =>
  key === "any" ? "无要求" : key === "unknown" ? "未填" : key === "45+" ? "45岁以上" : `${key}岁`;

/**
 * The official table (部分城市公共就业服务机构市场供求状况) in the report's layout, one sheet: 需求人数,
 * 求职人数 and 求人倍率 by occupation group and category with 不限工种 and 合计; then demand by the
 * employer's industry and requirements (无要求 first) and seekers by their own traits, each a block.
 */
export function officialFlowTable(title: string, page: OfficialFlowContent): Table {
  const line = (
    label: string,
    demand: number | null,
    seekers: number | null,
    ratio: number | null = null,
  ) => [label, demand, seekers, ratio];
  const blank = ["", null, null, null];
  const block = (
    heading: string,
    splits: Array<{ key: string; people: number }>,
    name: (key: string) => string,
    demand: boolean,
  ) => [
    [heading, null, null, null],
    ...splits.map((s) =>
      demand ? line(`  ${name(s.key)}`, s.people, null) : line(`  ${name(s.key)}`, null, s.people),
    ),
  ];
  const total = line("合计", page.total.demand, page.total.seekers, page.total.ratio);
  return {
    title,
    columns: [
      { header: "项目", width: 30 },
      { header: "需求人数", width: 10, format: COUNT },
      { header: "求职人数", width: 10, format: COUNT },
      { header: "求人倍率", width: 10, format: RATIO },
    ],
    rows: [
      ["一、按职业大类分组", null, null, null],
      ...page.byOccupationGroup.map((r) => line(`  ${r.name}`, r.demand, r.seekers, r.ratio)),
      line("  不限工种", null, page.anyCategorySeekers),
      total,
      blank,
      ["二、按职业（工种）分组", null, null, null],
      ...page.byCategory.map((r) => line(`  ${r.name}`, r.demand, r.seekers, r.ratio)),
      line("  不限工种", null, page.anyCategorySeekers),
      total,
      blank,
      ...block(
        "三、需求人数按用人单位行业分组",
        page.demandByIndustry,
        (k) => (k === "unknown" ? "未填" : k),
        true,
      ),
      blank,
      ...block("四、需求人数按性别要求分组", page.demandBySex, (k) => SEX_ZH[k] ?? k, true),
      ...block("五、需求人数按年龄要求分组", page.demandByAgeBand, ageZh, true),
      ...block("六、需求人数按文化程度要求分组", page.demandByEducation, (k) => EDUCATION_ZH[k] ?? k, true),
      blank,
      ...block("七、求职人数按性别分组", page.seekersBySex, (k) => SEX_ZH[k] ?? k, false),
      ...block("八、求职人数按年龄分组", page.seekersByAgeBand, ageZh, false),
      ...block("九、求职人数按文化程度分组", page.seekersByEducation, (k) => EDUCATION_ZH[k] ?? k, false),
    ] as Array<Array<string | number | null>>,
  };
}

/** The performance figures of a station, as the table's columns after its name. */
interface StationRow {
  name: string;
  districtCode: string;
  walkIns: number;
  services: number;
  registrations: number;
  peopleBooked: number;
  peoplePaid: number;
  complaintsHandled: number;
  medianMinutesToBooking: number | null;
}

const STATION_COLUMNS: Column[] = [
  { header: "服务人数", width: 10, format: COUNT },
  { header: "服务人次", width: 10, format: COUNT },
  { header: "登记人数", width: 10, format: COUNT },
  { header: "上岗人数", width: 10, format: COUNT },
  { header: "领薪人数", width: 10, format: COUNT },
  { header: "办结投诉", width: 10, format: COUNT },
  { header: "到站至上岗中位数（分钟）", width: 22, format: "0.0" },
];

const stationFigures = (r: StationRow) => [
  r.walkIns,
  r.services,
  r.registrations,
  r.peopleBooked,
  r.peoplePaid,
  r.complaintsHandled,
  r.medianMinutesToBooking,
];

/** 驿站服务绩效: each station's period total, then its days. */
export function stationsTable(
  title: string,
  totals: StationRow[],
  days: Array<StationRow & { day: string }>,
): Table {
  return {
    title,
    columns: [
      { header: "驿站", width: 24 },
      { header: "区划代码", width: 10 },
      { header: "日期", width: 12 },
      ...STATION_COLUMNS,
    ],
    rows: [
      ...totals.map((r) => [r.name, r.districtCode, "本期合计", ...stationFigures(r)]),
      ...days.map((r) => [r.name, r.districtCode, r.day, ...stationFigures(r)]),
    ],
  };
}

/** Labels and formats of the summary's figures. */
const SUMMARY_FIGURES: Array<[string, string, string]> = [
  ["registeredWorkers", "累计注册零工", COUNT],
  ["newWorkers", "新注册零工", COUNT],
  ["validSeekers", "有效求职人数", COUNT],
  ["validVacancies", "有效需求人数", COUNT],
  ["jobsToSeekersRatio", "求人倍率", RATIO],
  ["employers", "累计注册用工方", COUNT],
  ["gigsPosted", "发布岗位数", COUNT],
  ["vacanciesPosted", "发布岗位需求人数", COUNT],
  ["applications", "报名人次", COUNT],
  ["bookings", "录用人次", COUNT],
  ["completedShifts", "完工人次", COUNT],
  ["fillRate", "岗位满足率", PERCENT],
  ["cancellationRate", "取消率", PERCENT],
  ["noShowRate", "爽约率", PERCENT],
  ["complaintsOpened", "投诉件数", COUNT],
  ["servicesRecorded", "驿站服务人次", COUNT],
];

export function summaryTable(title: string, figures: Record<string, Figure>): Table {
  return {
    title,
    columns: [
      { header: "指标", width: 18 },
      { header: "本期", width: 12 },
      { header: "上期", width: 12 },
      { header: "环比", width: 10, change: true },
      { header: "上年同期", width: 12 },
      { header: "同比", width: 10, change: true },
    ],
    rows: SUMMARY_FIGURES.filter(([key]) => figures[key]).map(([key, label]) => {
      const f = figures[key];
      return [label, f.value, f.previous, f.vsPrevious, f.lastYear, f.vsLastYear];
    }),
  };
}

/** The format of each summary row's values, by its label. */
const summaryFormats = new Map(SUMMARY_FIGURES.map(([, label, format]) => [label, format]));

export async function toXlsx(table: Table): Promise<Buffer> {
  const workbook = await newWorkbook();
  workbook.creator = "linggong 就业监测云平台";
  const sheet = workbook.addWorksheet(table.title.slice(0, 31));
  sheet.addRow([table.title]).font = { bold: true, size: 14 };
  const header = sheet.addRow(table.columns.map((c) => c.header));
  header.font = { bold: true };
  table.columns.forEach((c, i) => {
    sheet.getColumn(i + 1).width = c.width;
  });
  for (const values of table.rows) {
    const row = sheet.addRow(values);
    const rowFormat = summaryFormats.get(String(values[0]));
    table.columns.forEach((c, i) => {
      const changeFormat = rowFormat === RATIO ? RATIO : PERCENT;
      const format = c.format ?? (c.change ? changeFormat : i > 0 ? rowFormat : undefined);
      if (format) row.getCell(i + 1).numFmt = format;
    });
  }
  sheet.views = [{ state: "frozen", ySplit: 2 }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function csvCell(value: string | number | null): string {
  if (value === null) return "";
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv(table: Table): string {
  const lines = [table.columns.map((c) => c.header), ...table.rows].map((r) => r.map(csvCell).join(","));
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}
