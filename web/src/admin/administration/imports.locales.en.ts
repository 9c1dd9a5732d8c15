/** English words of imports.locales.ts, fetched only by those who read English (shared/i18n.ts). */
import type { Words } from "./imports.locales.ts";

export const en: Words = {
  imports: {
    intro:
      "Import the lists the bureau already keeps in one go: choose what to import, fill in the template's columns (or use your own sheet with the same headers) and upload the .xlsx or .csv file. Every row is checked; what is already there is not imported twice.",
    scopeCity: "Imports into the whole city ({{scope}}).",
    scopeDistrict: "You can import into {{scope}} only; rows of other districts are rejected.",
    what: "What to import",
    kinds: { workers: "Workers", employers: "Employers", stations: "Stations" },
    columns: {
      workers:
        "Headers: 姓名 (name), 手机号 (mobile), 身份证号 (ID number), 区县代码 (district code or name), optionally 工种 (category codes separated by 、).",
      employers:
        "Headers: 单位名称 (name), 统一社会信用代码 (credit code), 联系人 (contact, optional), 联系电话 (the contact's mobile, which the employer signs in with), 所在区县 (district). Imported employers start verified, by you.",
      stations:
        "Headers: 驿站名称 (name), 类型 (零工市场 or 驿站), 所在区县 (district), 镇街 (township, optional), 地址 (address), 电话 (phone), 开放时间 (opening hours). Without a map geocoder the pin goes to the township's or district's centre: drag it into place in Stations.",
    },
    template: "Download the template",
    file: "File",
    choose: "Choose a file",
    dropHint: "Click or drop an .xlsx / .csv file here",
    allOrNothing: "All or nothing: import no row at all when any row is rejected",
    start: "Import",
    result: "Result",
    summary: "{{rows}} rows: {{imported}} imported, {{existing}} already there, {{rejected}} rejected",
    rolledBack:
      "Some rows were rejected, so with all or nothing no row was imported. Fix them and import again.",
    downloadRejects: "Download the rejected rows (.csv)",
    row: "Row",
    label: "Name",
    outcome: "Outcome",
    reasons: "Reasons",
    outcomes: {
      imported: "Imported",
      existing: "Already there, skipped",
      rejected: "Rejected",
      not_imported: "Not imported",
    },
  },
};
