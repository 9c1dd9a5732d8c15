/**
 * Plausible people: Chinese names by surname frequency, era and sex; resident ID numbers
 * with valid check digits; mobile numbers; education by age.
 */
import { EDUCATION_LEVELS } from "../accounts/worker-traits.ts";
import type { Random } from "./random.ts";

/** The commonest surnames with their rough share (per cent), with Jiangsu's 钱, 顾, 陆 and 殷. */
const SURNAMES: [string, number][] = [
  ["王", 7.1],
  ["李", 7.0],
  ["张", 6.6],
  ["刘", 5.4],
  ["陈", 4.6],
  ["杨", 3.1],
  ["黄", 2.5],
  ["赵", 2.3],
  ["吴", 2.0],
  ["周", 1.9],
  ["徐", 1.6],
  ["孙", 1.5],
  ["马", 1.5],
  ["朱", 1.3],
  ["胡", 1.3],
  ["郭", 1.2],
  ["何", 1.1],
  ["林", 1.0],
  ["高", 1.0],
  ["罗", 0.9],
  ["郑", 0.9],
  ["梁", 0.8],
  ["谢", 0.7],
  ["宋", 0.6],
  ["唐", 0.6],
  ["许", 0.6],
  ["韩", 0.5],
  ["冯", 0.5],
  ["邓", 0.5],
  ["曹", 0.5],
  ["彭", 0.5],
  ["曾", 0.5],
  ["肖", 0.5],
  ["田", 0.4],
  ["董", 0.4],
  ["潘", 0.4],
  ["袁", 0.4],
  ["蔡", 0.35],
  ["蒋", 0.35],
  ["余", 0.35],
  ["于", 0.35],
  ["杜", 0.3],
  ["叶", 0.3],
  ["程", 0.3],
  ["魏", 0.3],
  ["苏", 0.3],
  ["吕", 0.3],
  ["丁", 0.3],
  ["任", 0.3],
  ["沈", 0.3],
  ["姚", 0.3],
  ["卢", 0.3],
  ["钱", 0.25],
  ["顾", 0.25],
  ["陆", 0.25],
  ["殷", 0.1],
];
const SURNAME_LIST = SURNAMES.map(([s]) => s);
const SURNAME_WEIGHTS = SURNAMES.map(([, w]) => w);

/** Given names in fashion when people of each generation were born. */
const GIVEN_NAMES = {
  older: {
    female: [
      "秀英",
      "桂英",
      "秀兰",
      "玉兰",
      "桂兰",
      "凤英",
      "金凤",
      "红梅",
      "丽华",
      "美华",
      "玉梅",
      "淑珍",
      "素芳",
      "春梅",
      "海燕",
      "丽萍",
      "秀珍",
      "月英",
      "小红",
      "菊香",
    ],
    male: [
      "建国",
      "建华",
      "国强",
      "志强",
      "卫东",
      "建军",
      "国平",
      "德明",
      "永清",
      "福生",
      "金宝",
      "春生",
      "志刚",
      "海涛",
      "建平",
      "伟",
      "军",
      "勇",
      "明",
      "国庆",
    ],
  },
  middle: {
    female: ["丽", "娟", "燕", "霞", "芳", "琳", "晓红", "春燕", "红霞", "丽娟", "艳", "静"],
    male: ["涛", "超", "刚", "斌", "亮", "健", "晓东", "海峰", "俊", "磊", "峰", "波"],
  },
  young: {
    female: ["婷", "敏", "欣怡", "雨涵", "梦瑶", "佳怡", "思雨", "倩", "雪", "悦", "诗琪", "子涵"],
    male: ["浩", "杰", "鹏", "宇", "子豪", "浩然", "俊杰", "晨", "博", "鑫", "昊", "宇轩"],
  },
};

export type Sex = "male" | "female";

export function surname(random: Random): string {
  return random.weighted(SURNAME_LIST, SURNAME_WEIGHTS);
}

export function personName(random: Random, sex: Sex, birthYear: number): string {
  const era = birthYear < 1975 ? "older" : birthYear < 1990 ? "middle" : "young";
  return surname(random) + random.pick(GIVEN_NAMES[era][sex]);
}

/** Workers' ages: most 35–60, some young; returns a birth year. */
export function workerBirthYear(random: Random, nowYear: number, ages: "older" | "young" | "any"): number {
  const youngShare = ages === "young" ? 0.6 : ages === "older" ? 0.06 : 0.2;
  const age = random.chance(youngShare)
    ? random.int(18, 34)
    : Math.min(64, Math.max(35, Math.round(49 + random.normal() * 7)));
  return nowYear - age;
}

/** Older workers mostly left school after junior middle school; the young mostly went further. */
export function education(random: Random, age: number): string {
  const weights = age >= 45 ? [25, 50, 22, 2, 1] : age >= 30 ? [6, 40, 42, 9, 3] : [1, 15, 52, 22, 10];
  return random.weighted(EDUCATION_LEVELS, weights);
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = "10X98765432";

/** A resident ID number (GB 11643): division, birth date, sequence (odd for men) and check digit. */
export function residentIdNumber(random: Random, divisionCode: string, birthYear: number, sex: Sex): string {
  const month = String(random.int(1, 12)).padStart(2, "0");
  const day = String(random.int(1, 28)).padStart(2, "0");
  const sequence = random.int(0, 49) * 2 + (sex === "male" ? 1 : 0);
  const first17 = `${divisionCode}${birthYear}${month}${day}${String(random.int(0, 9))}${String(sequence).padStart(2, "0")}`;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * ID_WEIGHTS[i];
  return first17 + ID_CHECK[sum % 11];
}

const MOBILE_PREFIXES = [
  "139",
  "138",
  "137",
  "136",
  "135",
  "150",
  "151",
  "152",
  "158",
  "159",
  "182",
  "187",
  "188",
  "130",
  "131",
  "132",
  "155",
  "156",
  "186",
  "133",
  "153",
  "180",
  "181",
  "189",
  "177",
  "199",
];

/** A mobile number not yet used; numbers starting 1380000 are kept for the demo accounts. */
export function mobileNumber(random: Random, used: Set<string>): string {
  for (;;) {
    const phone = random.pick(MOBILE_PREFIXES) + String(random.int(0, 99_999_999)).padStart(8, "0");
    if (!phone.startsWith("1380000") && !used.has(phone)) {
      used.add(phone);
      return phone;
    }
  }
}
