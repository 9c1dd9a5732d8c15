/** The official table's words (人社部口径), loaded with its page. */
import i18n, { addEnglish } from "../../shared/i18n.ts";

const zhCN = {
  official: {
    title: "人力资源市场供求状况（官方口径）",
    definition:
      "按人社部《部分城市公共就业服务机构市场供求状况》口径：本期登记的需求人数与求职人数，求人倍率 = 需求人数 ÷ 求职人数。与“供求分析”的有效存量求人倍率不同。",
    demand: "需求人数",
    seekers: "求职人数",
    ratio: "求人倍率",
    group: "职业大类",
    total: "合计",
    anyCategory: "不限工种",
    noRequirement: "无要求",
    demandByRequirement: "需求人数：按用人单位要求及行业",
    seekersByTraits: "求职人数：按求职者本人情况",
  },
};

export type Words = typeof zhCN;

i18n.addResourceBundle("zh-CN", "translation", { admin: zhCN }, true, false);
addEnglish(() => import("./official.locales.en.ts").then(({ en }) => ({ admin: en })));
