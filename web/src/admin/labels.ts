/** Names of the breakdowns' keys: sex, education and age band from the locale; industries by GB/T 4754 section. */
import i18n from "../shared/i18n.ts";

const INDUSTRIES_ZH: Record<string, string> = {
  A: "农林牧渔业",
  B: "采矿业",
  C: "制造业",
  D: "电力燃气水",
  E: "建筑业",
  F: "批发和零售业",
  G: "交通运输仓储邮政",
  H: "住宿和餐饮业",
  I: "信息技术服务",
  J: "金融业",
  K: "房地产业",
  L: "租赁和商务服务",
  M: "科研和技术服务",
  N: "水利环境公共设施",
  O: "居民服务修理",
  P: "教育",
  Q: "卫生和社会工作",
  R: "文化体育娱乐",
  S: "公共管理",
  T: "国际组织",
};

const INDUSTRIES_EN: Record<string, string> = {
  A: "Agriculture",
  B: "Mining",
  C: "Manufacturing",
  D: "Utilities",
  E: "Construction",
  F: "Wholesale and retail",
  G: "Transport and logistics",
  H: "Hotels and catering",
  I: "IT services",
  J: "Finance",
  K: "Real estate",
  L: "Leasing and business services",
  M: "Research and technical",
  N: "Environment and facilities",
  O: "Household and repair services",
  P: "Education",
  Q: "Health and social work",
  R: "Culture and sport",
  S: "Public administration",
  T: "International bodies",
};

/** 职业大类 of the occupational classification (2015), in English. */
const OCCUPATION_GROUPS_EN: Record<string, string> = {
  "1": "Heads of organisations",
  "2": "Professionals and technicians",
  "3": "Clerical and related staff",
  "4": "Production and personal services",
  "5": "Farming, forestry, animal husbandry and fishery",
  "6": "Manufacturing and related",
  "7": "Armed forces",
  "8": "Other occupations",
};

export type Breakdown = "byAgeBand" | "bySex" | "byEducation" | "byIndustry" | "byOccupationGroup";

export function keyLabel(breakdown: Breakdown, key: string, apiName: string): string {
  const en = i18n.language === "en";
  if (!key || key === "unknown" || key === "null") return i18n.t("admin.unknown");
  switch (breakdown) {
    case "bySex":
      return i18n.t(`admin.sex.${key}`, { defaultValue: key });
    case "byEducation":
      return i18n.t(`admin.education.${key}`, { defaultValue: key });
    case "byIndustry":
      return `${key} ${(en ? INDUSTRIES_EN : INDUSTRIES_ZH)[key] ?? ""}`.trim();
    case "byAgeBand":
      return en ? key : `${key.replace("-", "–")}岁`;
    default:
      return en ? (OCCUPATION_GROUPS_EN[key] ?? `Group ${key}`) : apiName;
  }
}
