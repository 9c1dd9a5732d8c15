/**
 * Employers: households and individuals who need a cleaner or a carer, and enterprises by
 * industry (GB/T 4754 sections, weighted to manufacturing, construction, catering and
 * services), each with a valid 统一社会信用代码; most enterprises are verified.
 */
import { type CityBuild, DAY_MS, type DemoEmployer } from "./city.build.ts";
import { generateCreditCode } from "./credit-code.ts";
import { mobileNumber, personName, surname } from "./people.ts";
import { cumulative, drawIndex } from "./random.ts";
import { DEMO_CATEGORIES } from "./work-patterns.ts";

interface Industry {
  section: string;
  weight: number;
  /** Words of the company name by trade. */
  trades: string[];
  categories: string[];
}

export const INDUSTRIES: Industry[] = [
  {
    section: "C",
    weight: 30,
    trades: ["机械制造", "电子科技", "眼镜", "服饰", "汽车配件", "电气"],
    categories: ["general_labour", "electronics_assembly", "warehouse", "loading", "welder", "garment_work"],
  },
  {
    section: "E",
    weight: 14,
    trades: ["建筑工程", "建设", "装饰工程"],
    categories: ["construction_labour", "bricklayer", "carpenter", "painting", "renovation", "welder"],
  },
  {
    section: "H",
    weight: 14,
    trades: ["餐饮管理", "酒店管理", "餐饮"],
    categories: ["waiter", "dishwasher", "kitchen_helper", "cashier", "cleaning"],
  },
  {
    section: "O",
    weight: 9,
    trades: ["家政服务", "保洁服务", "搬家服务"],
    categories: [
      "cleaning",
      "housekeeping",
      "hourly_cleaner",
      "elder_care",
      "moving_house",
      "appliance_repair",
    ],
  },
  {
    section: "G",
    weight: 8,
    trades: ["物流", "供应链管理", "运输"],
    categories: ["parcel_sorting", "loading", "warehouse", "driver", "food_delivery"],
  },
  {
    section: "F",
    weight: 6,
    trades: ["商贸", "超市"],
    categories: ["promoter", "cashier", "loading", "warehouse"],
  },
  {
    section: "K",
    weight: 5,
    trades: ["物业管理"],
    categories: ["property_maintenance", "security", "cleaning", "landscaping"],
  },
  { section: "N", weight: 3, trades: ["园林绿化", "环境工程"], categories: ["landscaping", "cleaning"] },
  {
    section: "A",
    weight: 3,
    trades: ["农业发展", "茶业", "草莓种植"],
    categories: ["farm_picking", "landscaping"],
  },
  {
    section: "R",
    weight: 3,
    trades: ["文化传媒", "会展服务"],
    categories: ["event_staff", "promoter", "security"],
  },
  {
    section: "Q",
    weight: 3,
    trades: ["养老服务", "护理院"],
    categories: ["hospital_escort", "elder_care", "cleaning"],
  },
  {
    section: "L",
    weight: 3,
    trades: ["人力资源", "商务服务"],
    categories: ["event_staff", "general_labour", "security", "cleaning"],
  },
  { section: "P", weight: 1, trades: ["教育咨询"], categories: ["tutor"] },
];

const HOUSEHOLD_CATEGORIES = [
  "housekeeping",
  "hourly_cleaner",
  "cleaning",
  "nanny",
  "elder_care",
  "maternity_nurse",
  "moving_house",
  "hospital_escort",
  "tutor",
  "plumbing_electrical",
  "appliance_repair",
  "renovation",
  "painting",
];

const TRADE_NAMES = [
  "恒达",
  "润扬",
  "华瑞",
  "鑫源",
  "宏图",
  "瑞丰",
  "永盛",
  "天工",
  "海川",
  "茂源",
  "嘉禾",
  "锦华",
  "新润",
  "德润",
  "中泰",
  "和信",
  "联创",
  "博远",
  "万顺",
  "通达",
  "福瑞",
  "安康",
  "金润",
  "东升",
  "明辉",
  "北固",
  "南山",
  "京江",
  "铁瓮",
  "宝华",
  "云阳",
  "茅山",
  "江洲",
  "扬子",
];

const categoryIndexes = (codes: string[]) =>
  codes.map((code) => DEMO_CATEGORIES.findIndex((c) => c.code === code));

export interface EmployerOverrides {
  ownerId?: string;
  phone?: string;
  district?: number;
  name?: string;
  industry?: string;
  activity?: number;
  /** Employers registered before the history starts, so their posts come after. */
  historyDays?: number;
}

/** Cities prefix company names with their own name: 镇江…, 丹阳市…, 句容市…. */
function companyPrefix(build: CityBuild, district: number): string {
  const name = build.places.districts[district].name;
  return name.endsWith("市") ? name : build.places.cityName.replace(/市$/, "");
}

export function addEnterprise(
  build: CityBuild,
  usedNames: Set<string>,
  overrides: EmployerOverrides = {},
): DemoEmployer {
  const { random } = build;
  const table = cumulative(INDUSTRIES.map((i) => i.weight));
  const industry = overrides.industry
    ? (INDUSTRIES.find((i) => i.section === overrides.industry) ?? INDUSTRIES[0])
    : INDUSTRIES[drawIndex(table, random.next())];
  const district = overrides.district ?? random.int(0, build.places.districts.length - 1);
  let name = overrides.name ?? "";
  while (!name || usedNames.has(name))
    name = `${companyPrefix(build, district)}${random.pick(TRADE_NAMES)}${random.pick(industry.trades)}有限公司`;
  usedNames.add(name);
  const verification = overrides.name
    ? "verified"
    : random.weighted(["verified", "pending", "unverified"] as const, [86, 8, 6]);
  return pushEmployer(build, {
    kind: "enterprise",
    name,
    district,
    industry: industry.section,
    verification,
    categories: categoryIndexes(industry.categories),
    activity: overrides.activity ?? random.weighted([1, 2, 4], [5, 3, 1]),
    ownerId: overrides.ownerId,
    phone: overrides.phone,
    registeredDaysAgo: (overrides.historyDays ?? 150) + random.int(10, 360),
  });
}

export function addHousehold(build: CityBuild, district?: number, historyDays = 150): DemoEmployer {
  const { random } = build;
  const sex = random.chance(0.6) ? "female" : "male";
  const family = surname(random);
  const picks = new Set<string>();
  for (let i = 0; i < 3; i++) picks.add(random.pick(HOUSEHOLD_CATEGORIES));
  return pushEmployer(build, {
    kind: "individual",
    name: `${family}${sex === "female" ? "女士" : "先生"}`,
    district: district ?? random.int(0, build.places.districts.length - 1),
    industry: null,
    verification: random.weighted(["verified", "unverified"] as const, [80, 20]),
    categories: categoryIndexes([...picks]),
    activity: 0.3,
    registeredDaysAgo: historyDays + random.int(10, 360),
    contactName: personName(random, sex, random.int(1960, 1995)),
  });
}

interface EmployerFacts {
  kind: "individual" | "enterprise";
  name: string;
  district: number;
  industry: string | null;
  verification: "verified" | "pending" | "unverified";
  categories: number[];
  activity: number;
  ownerId?: string;
  phone?: string;
  contactName?: string;
  registeredDaysAgo: number;
}

function pushEmployer(build: CityBuild, facts: EmployerFacts): DemoEmployer {
  const { random } = build;
  const ownerId = facts.ownerId ?? random.uuid();
  const id = random.uuid();
  const districtCode = build.districtCode(facts.district);
  const createdMs = build.nowMs - facts.registeredDaysAgo * DAY_MS;
  const contactName =
    facts.contactName ?? personName(random, random.chance(0.5) ? "female" : "male", random.int(1965, 1990));
  build.rows.users.push({
    id: ownerId,
    cityCode: build.cityCode,
    role: "employer",
    phone: facts.phone ?? mobileNumber(random, build.usedPhones),
    displayName: facts.kind === "enterprise" ? contactName : facts.name,
    createdAt: new Date(createdMs),
  });
  const verified = facts.verification === "verified";
  build.rows.employers.push({
    id,
    cityCode: build.cityCode,
    ownerUserId: ownerId,
    kind: facts.kind,
    name: facts.name,
    creditCode: facts.kind === "enterprise" ? generateCreditCode(districtCode, random) : null,
    industryCode: facts.industry,
    districtCode,
    contactName,
    verification: facts.verification,
    verifiedAt: verified ? new Date(createdMs + random.int(1, 48) * 3_600_000) : null,
    createdAt: new Date(createdMs),
  });
  build.event("employer_registered", createdMs, {
    districtCode,
    subjectId: id,
    detail: { kind: facts.kind },
  });
  const employer: DemoEmployer = {
    id,
    ownerId,
    district: facts.district,
    kind: facts.kind,
    categories: facts.categories,
    activity: verified ? facts.activity : 0,
  };
  build.employers.push(employer);
  return employer;
}

/** About one employer for every eight workers; a third are households. */
export function generateEmployers(build: CityBuild, workers: number, historyDays: number): void {
  const count = Math.max(12, Math.round(workers / 8));
  const usedNames = new Set<string>();
  for (let i = 0; i < count; i++) {
    if (build.random.chance(0.35)) addHousehold(build, undefined, historyDays);
    else addEnterprise(build, usedNames, { historyDays });
  }
}
