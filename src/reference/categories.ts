/**
 * Gig categories common in Chinese gig markets, each mapped to an occupation of the
 * national classification 《中华人民共和国职业分类大典（2022年版）》 (code and major group).
 * Reference daily pay is a typical Zhenjiang market level in 2023–2024, in fen, used for
 * posts' hints, for matching's "pay against market" and by the demo generator.
 * The bureau can edit categories in administration; codes here are the starting set.
 */
export interface CategorySeed {
  code: string;
  nameZh: string;
  nameEn: string;
  occupationCode: string;
  occupationGroup: number;
  defaultPayUnit: "day" | "hour" | "piece";
  referenceDailyPayFen: number;
}

const c = (
  code: string,
  nameZh: string,
  nameEn: string,
  occupationCode: string,
  defaultPayUnit: CategorySeed["defaultPayUnit"],
  yuanPerDay: number,
): CategorySeed => ({
  code,
  nameZh,
  nameEn,
  occupationCode,
  occupationGroup: Number(occupationCode.split("-")[0]),
  defaultPayUnit,
  referenceDailyPayFen: yuanPerDay * 100,
});

export const CATEGORY_SEEDS: CategorySeed[] = [
  c("cleaning", "保洁", "Cleaning", "4-10-05-01", "day", 160),
  c("loading", "搬运装卸", "Loading and moving", "4-02-06-01", "day", 260),
  c("housekeeping", "家政保姆", "Domestic helper", "4-10-01-06", "day", 220),
  c("maternity_nurse", "月嫂", "Maternity nurse (月嫂)", "4-10-01-03", "day", 380),
  c("nanny", "育儿嫂", "Childcare helper", "4-10-01-01", "day", 260),
  c("elder_care", "养老护理", "Elderly care", "4-10-01-05", "day", 220),
  c("plumbing_electrical", "水电维修", "Plumbing and electrical repair", "6-29-02-10", "day", 320),
  c("appliance_repair", "家电维修", "Appliance repair", "4-12-02-02", "day", 300),
  c("renovation", "装修", "Renovation", "6-29-03-01", "day", 330),
  c("painting", "油漆", "Painting", "6-29-03-07", "day", 300),
  c("parcel_sorting", "快递分拣", "Parcel sorting", "4-02-07-03", "hour", 180),
  c("food_delivery", "外卖配送", "Food delivery rider", "4-02-07-08", "piece", 230),
  c("waiter", "餐饮服务员", "Restaurant server", "4-03-02-05", "day", 150),
  c("dishwasher", "洗碗工", "Dishwasher", "4-03-02-06", "day", 140),
  c("kitchen_helper", "厨师帮工", "Kitchen helper", "4-03-02-01", "day", 170),
  c("security", "保安", "Security guard", "4-07-05-01", "day", 160),
  c("general_labour", "普工", "General factory worker", "6-31-01-03", "hour", 190),
  c("electronics_assembly", "电子装配", "Electronics assembly", "6-25-04-01", "hour", 200),
  c("driver", "驾驶员", "Driver", "4-02-02-01", "day", 300),
  c("farm_picking", "农业采摘", "Farm picking", "5-01-02-01", "day", 150),
  c("landscaping", "绿化养护", "Landscaping and gardening", "4-09-10-01", "day", 170),
  c("event_staff", "活动执行", "Event staff", "4-13-04-03", "day", 200),
  c("promoter", "促销导购", "Promotion and sales assistant", "4-01-02-03", "day", 160),
  c("warehouse", "仓库理货", "Warehouse stock clerk", "4-02-06-03", "hour", 180),
  c("construction_labour", "建筑小工", "Construction labourer", "6-29-01-01", "day", 280),
  c("bricklayer", "瓦工", "Bricklayer and tiler", "6-29-01-03", "day", 380),
  c("carpenter", "木工", "Carpenter", "6-29-01-04", "day", 380),
  c("welder", "电焊工", "Welder", "6-18-02-04", "day", 350),
  c("hospital_escort", "医院陪护", "Hospital patient escort", "4-14-01-02", "day", 200),
  c("hourly_cleaner", "钟点工", "Hourly house cleaner", "4-10-01-06", "hour", 180),
  c("moving_house", "搬家", "House moving", "4-02-06-01", "day", 280),
  c("tutor", "家教", "Home tutor", "4-13-01-01", "hour", 300),
  c("cashier", "收银员", "Cashier", "4-01-02-04", "day", 150),
  c("garment_work", "服装加工", "Garment work", "6-05-01-01", "piece", 180),
  c("property_maintenance", "物业维修", "Building maintenance", "4-06-01-01", "day", 220),
];
