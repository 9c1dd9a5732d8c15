/** The import page's words (what to import, the template, the per-row report), loaded with its page. */
import i18n, { addEnglish } from "../../shared/i18n.ts";

const zhCN = {
  imports: {
    intro:
      "把人社局已有的名单一次导入：选择导入什么，下载模板按表头填写（也可用自己的表，表头一致即可），上传 .xlsx 或 .csv 文件。每一行都会校验，已经导入的不会重复导入。",
    scopeCity: "导入到全市（{{scope}}）。",
    scopeDistrict: "只能导入{{scope}}的数据，其他区县的行会列为不合格。",
    what: "导入什么",
    kinds: { workers: "零工", employers: "用人单位", stations: "驿站" },
    columns: {
      workers:
        "表头：姓名、手机号、身份证号、区县代码（或区县名称），可选“工种”（工种代码，多个用顿号分隔）。",
      employers:
        "表头：单位名称、统一社会信用代码、联系人（可选）、联系电话（联系人的手机号，用人单位用它登录）、所在区县。导入的用人单位直接为已认证，认证人是您。",
      stations:
        "表头：驿站名称、类型（零工市场或驿站）、所在区县、镇街（可选）、地址、电话、开放时间。没有地图定位时，位置放在镇街或区县中心，请到“驿站管理”中拖到实际位置。",
    },
    template: "下载模板",
    file: "文件",
    choose: "选择文件",
    dropHint: "点击或把 .xlsx / .csv 文件拖到这里",
    allOrNothing: "全部或不导入：只要有一行不合格，就一行也不导入",
    start: "开始导入",
    result: "导入结果",
    summary: "共 {{rows}} 行：已导入 {{imported}}，已存在 {{existing}}，不合格 {{rejected}}",
    rolledBack: "有不合格的行，按“全部或不导入”一行也没有导入。改正后再导入。",
    downloadRejects: "下载不合格的行（.csv）",
    row: "行号",
    label: "名称",
    outcome: "结果",
    reasons: "原因",
    outcomes: { imported: "已导入", existing: "已存在，跳过", rejected: "不合格", not_imported: "未导入" },
  },
};

export type Words = typeof zhCN;

i18n.addResourceBundle("zh-CN", "translation", { admin: zhCN }, true, false);
addEnglish(() => import("./imports.locales.en.ts").then(({ en }) => ({ admin: en })));
