/**
 * The demo city's workers (零工): who they are (age, sex, schooling), where they live
 * (inside their district, mostly around its urban core), what work they do and what pay
 * they expect (near the category's reference).
 */
import { readIdNumber } from "../accounts/worker-traits.ts";
import { maskIdNumber } from "../privacy/mask.ts";
import { type CityBuild, DAY_MS, type DemoWorker } from "./city.build.ts";
import {
  education,
  mobileNumber,
  personName,
  residentIdNumber,
  type Sex,
  workerBirthYear,
} from "./people.ts";
import { pointIn } from "./places.ts";
import { cumulative, drawIndex } from "./random.ts";
import { DEMO_CATEGORIES, type DemoCategory } from "./work-patterns.ts";

const SKILLS: Record<string, string[]> = {
  cleaning: ["开荒保洁", "玻璃清洗", "地面养护"],
  housekeeping: ["做饭", "照顾老人", "收纳整理"],
  loading: ["能吃苦", "会开叉车"],
  driver: ["C1驾照", "B2驾照"],
  welder: ["焊工证"],
  plumbing_electrical: ["电工证", "水管维修"],
  elder_care: ["养老护理员证", "照顾失能老人"],
  maternity_nurse: ["母婴护理证", "催乳"],
  kitchen_helper: ["切配", "面点"],
  security: ["保安员证"],
  construction_labour: ["能吃苦", "扎钢筋"],
  tutor: ["小学数学", "初中英语"],
};

export interface WorkerOverrides {
  id?: string;
  name?: string;
  sex?: Sex;
  birthYear?: number;
  phone?: string;
  district?: number;
  categories?: string[];
  createdMs?: number;
}

/** Workers of a category drawn by their sex and age, so that cleaners are mostly older women. */
function chooseCategories(build: CityBuild, sex: Sex, age: number): number[] {
  const weights = DEMO_CATEGORIES.map((c) => fitWeight(c, sex, age));
  const table = cumulative(weights);
  const count = build.random.weighted([1, 2, 3], [45, 40, 15]);
  const chosen = new Set<number>();
  for (let i = 0; i < count * 3 && chosen.size < count; i++)
    chosen.add(drawIndex(table, build.random.next()));
  return [...chosen];
}

function fitWeight(category: DemoCategory, sex: Sex, age: number): number {
  const { pattern } = category;
  const bySex = sex === "female" ? pattern.femaleShare : 1 - pattern.femaleShare;
  const byAge =
    pattern.ages === "young" ? (age < 35 ? 3 : 0.4) : pattern.ages === "older" ? (age >= 40 ? 2 : 0.5) : 1;
  const byStrength = pattern.heavy && age > 55 ? 0.4 : 1;
  return pattern.demand * (0.02 + bySex) * byAge * byStrength;
}

export function addWorker(build: CityBuild, overrides: WorkerOverrides = {}): DemoWorker {
  const { random, places } = build;
  const nowYear = new Date(build.nowMs).getUTCFullYear();
  const district =
    overrides.district ?? drawIndex(cumulative(places.districts.map((d) => d.weight)), random.next());
  const sex: Sex = overrides.sex ?? (random.chance(0.52) ? "female" : "male");
  const birthYear =
    overrides.birthYear ??
    workerBirthYear(random, nowYear, random.weighted(["older", "any", "young"], [5, 4, 1]));
  const age = nowYear - birthYear;
  const categories = overrides.categories
    ? overrides.categories.map((code) => DEMO_CATEGORIES.findIndex((c) => c.code === code))
    : chooseCategories(build, sex, age);
  const home = pointIn(places.districts[district], random);
  // Most workers were registered before the story starts; some join during it.
  const createdMs = overrides.createdMs ?? build.nowMs - Math.round(random.next() ** 0.6 * 420 * DAY_MS);
  const atCounter = age >= 50 && random.chance(0.35);
  const counter = atCounter ? random.pick(build.districtStaff(district)) : null;
  const worker: DemoWorker = {
    id: overrides.id ?? random.uuid(),
    district,
    categories,
    createdMs,
    lat: home.lat,
    lng: home.lng,
    busyDays: new Set(),
    registeredByStation: counter ? { stationId: counter.stationId, staffId: counter.userId } : null,
  };
  pushWorkerRows(build, worker, { sex, birthYear, age, name: overrides.name, phone: overrides.phone });
  build.workers.push(worker);
  return worker;
}

interface Person {
  sex: Sex;
  birthYear: number;
  age: number;
  name?: string;
  phone?: string;
}

function pushWorkerRows(build: CityBuild, worker: DemoWorker, person: Person): void {
  const { random, places } = build;
  const district = places.districts[worker.district];
  const primary = DEMO_CATEGORIES[worker.categories[0]];
  const name = person.name ?? personName(random, person.sex, person.birthYear);
  const createdAt = new Date(worker.createdMs);
  const years = Math.max(0, Math.min(person.age - 18, random.int(1, 15)));
  build.rows.users.push({
    id: worker.id,
    cityCode: build.cityCode,
    role: "worker",
    phone: person.phone ?? mobileNumber(random, build.usedPhones),
    displayName: name,
    createdAt,
  });
  const neighbour = random.chance(0.2) ? random.pick(places.districts).code : district.code;
  build.rows.workerProfiles.push({
    userId: worker.id,
    cityCode: build.cityCode,
    name,
    sex: person.sex,
    birthYear: person.birthYear,
    education: education(random, person.age),
    ...demoIdNumber(residentIdNumber(random, district.code, person.birthYear, person.sex)),
    categoryCodes: worker.categories.map((c) => DEMO_CATEGORIES[c].code),
    anyCategory: random.chance(0.08),
    skills: random.chance(0.6) ? [random.pick(SKILLS[primary.code] ?? ["吃苦耐劳", "做事踏实"])] : [],
    districtCodes: [...new Set([district.code, neighbour])],
    // A home area without a street: the district, and a point anywhere in it (towns and villages too).
    homeDistrictCode: district.code,
    homeLat: worker.lat,
    homeLng: worker.lng,
    rangeKm: person.age >= 50 ? random.pick([3, 5, 5, 8, 10]) : random.pick([5, 10, 10, 15, 20, 30]),
    availability: random.chance(0.7)
      ? { weekdays: [0, 1, 2, 3, 4, 5, 6], fromHour: random.int(5, 8), toHour: random.int(17, 21) }
      : { weekdays: random.chance(0.5) ? [1, 2, 3, 4, 5] : [0, 5, 6], fromHour: 7, toHour: 19 },
    expectedDailyPayFen:
      Math.round((primary.referenceDailyPayFen * (0.92 + random.normal() * 0.08)) / 1000) * 1000,
    experienceYears: years,
    intro: `做事踏实，有${years}年${primary.nameZh}经验。`,
    registeredByStationId: worker.registeredByStation?.stationId ?? null,
    seekingSince: createdAt,
    updatedAt: createdAt,
  });
  registerEvents(build, worker, name);
}

function registerEvents(build: CityBuild, worker: DemoWorker, name: string): void {
  const districtCode = build.districtCode(worker.district);
  build.event("worker_registered", worker.createdMs, {
    districtCode,
    subjectId: worker.id,
    detail: { workerId: worker.id, byStation: worker.registeredByStation !== null },
  });
  const counter = worker.registeredByStation;
  if (!counter) return;
  const recordId = build.random.uuid();
  build.rows.serviceRecords.push({
    id: recordId,
    cityCode: build.cityCode,
    districtCode,
    stationId: counter.stationId,
    staffUserId: counter.staffId,
    personUserId: worker.id,
    kind: "registration",
    note: `为${name}现场登记求职信息`,
    createdAt: new Date(worker.createdMs),
  });
  build.event("service_recorded", worker.createdMs, {
    districtCode,
    subjectId: recordId,
    detail: { kind: "registration" },
  });
}

export function generateWorkers(build: CityBuild, count: number): void {
  for (let i = 0; i < count; i++) addWorker(build);
}

/**
 * What the demo keeps of a generated ID number: like a real registration, its masked form and the
 * birth date it gives, not the number (decision 0012). The demo has no deployment secret, so no digest.
 */
function demoIdNumber(idNumber: string) {
  return { idNumberMasked: maskIdNumber(idNumber), birthDate: readIdNumber(idNumber)?.birthDate ?? null };
}
