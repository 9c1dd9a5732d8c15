/**
 * Bulk import of the workers a bureau already keeps (花名册): one row per person with 姓名, 手机号,
 * 身份证号, 区县代码 and optionally 工种 (category codes separated by 、 , or ;). Every row is checked
 * (mobile number, ID check digit and birth date, district of the city, known categories, no
 * second row for the same phone or ID number); the rows that fail come back with their reasons.
 * `allOrNothing` imports nothing when any row fails. Idempotent: a phone that already has a
 * worker profile in the city is left as it is and counted as already there.
 * Imported people have not yet accepted the 用户协议 and 隐私政策: they do at their first sign-in.
 */
import { randomUUID } from "node:crypto";
import { idNumberDigest, normaliseIdNumber, resolveTraits } from "../accounts/worker-traits.ts";
import type { DbOrTx } from "../db/client.ts";
import { maskIdNumber } from "../privacy/mask.ts";
import * as repo from "./imports.repository.ts";
import type { Sheet, SheetRow } from "./sheet.ts";

/** Accepted headers for each field: Chinese first, then English. */
export const WORKER_COLUMNS = {
  name: ["姓名", "name"],
  phone: ["手机号", "手机号码", "phone"],
  idNumber: ["身份证号", "身份证号码", "公民身份号码", "id_number"],
  district: ["区县代码", "district_code"],
  categories: ["工种", "categories"],
} as const;

export const REJECT_REASONS = {
  columns_missing: { zh: "缺少必需的列", en: "a required column is missing" },
  name_missing: { zh: "姓名为空", en: "the name is empty" },
  phone_invalid: { zh: "手机号不是 11 位大陆手机号", en: "not an 11-digit mainland mobile number" },
  id_number_invalid: { zh: "身份证号校验位或出生日期不正确", en: "wrong ID check digit or birth date" },
  under_working_age: { zh: "未满 16 周岁", en: "younger than 16" },
  district_unknown: { zh: "区县代码不属于本市", en: "the district code is not one of the city's" },
  category_unknown: { zh: "工种代码不存在", en: "unknown category code" },
  duplicate_in_file: {
    zh: "与文件中前面的行手机号或身份证号重复",
    en: "same phone or ID number as an earlier row",
  },
  id_number_taken: {
    zh: "该身份证号已登记在另一个手机号下",
    en: "this ID number is registered under another phone",
  },
} as const;
export type RejectReason = keyof typeof REJECT_REASONS;

export interface Rejected extends SheetRow {
  reasons: string[];
}

export interface ImportResult {
  rows: number;
  imported: number;
  alreadyThere: number;
  rejected: Rejected[];
  /** True when nothing was written because of `allOrNothing`. */
  rolledBack: boolean;
}

export interface WorkerImportOptions {
  cityCode: string;
  /** The deployment's ID-number secret (config.idNumberPepper). */
  pepper: string;
  /** Local day (yyyy-mm-dd) the working age is checked on. */
  today: string;
  now: Date;
  allOrNothing?: boolean;
}

function pick(values: Record<string, string>, names: readonly string[]): string {
  for (const n of names) if (values[n] !== undefined) return values[n] ?? "";
  return "";
}

function describe(reason: RejectReason): string {
  return `${reason}: ${REJECT_REASONS[reason].zh}`;
}

const CHUNK = 1000;

export async function importWorkers(
  db: DbOrTx,
  sheet: Sheet,
  options: WorkerImportOptions,
): Promise<ImportResult> {
  const missing = (["name", "phone", "idNumber", "district"] as const).filter(
    (k) => !WORKER_COLUMNS[k].some((h) => sheet.headers.includes(h)),
  );
  if (missing.length > 0) {
    return {
      rows: sheet.rows.length,
      imported: 0,
      alreadyThere: 0,
      rolledBack: true,
      rejected: [{ row: 1, values: {}, reasons: [`${describe("columns_missing")} (${missing.join(", ")})`] }],
    };
  }
  const districts = await repo.districtCodesOf(db, options.cityCode);
  const categoryCodes = await repo.activeCategoryCodes(db);
  const digestsOnFile = await repo.workerIdDigests(db, options.cityCode);
  const phonesOnFile = await repo.workerPhones(db, options.cityCode);

  const rejected: Rejected[] = [];
  const seenPhones = new Set<string>();
  const seenDigests = new Set<string>();
  const accepted: Array<{
    phone: string;
    name: string;
    digest: string;
    masked: string | null;
    sex: "male" | "female" | null;
    birthDate: string | null;
    birthYear: number | null;
    district: string;
    categories: string[];
  }> = [];
  for (const r of sheet.rows) {
    const reasons: RejectReason[] = [];
    const name = pick(r.values, WORKER_COLUMNS.name);
    const phone = pick(r.values, WORKER_COLUMNS.phone).replace(/[\s-]/g, "");
    const idNumber = normaliseIdNumber(pick(r.values, WORKER_COLUMNS.idNumber));
    const district = pick(r.values, WORKER_COLUMNS.district);
    const categories = pick(r.values, WORKER_COLUMNS.categories)
      .split(/[、,，;；\s]+/)
      .filter(Boolean);
    if (!name) reasons.push("name_missing");
    if (!/^1[3-9]\d{9}$/.test(phone)) reasons.push("phone_invalid");
    const traits = resolveTraits({ idNumber: idNumber || "-" }, options.today);
    if (!traits.ok)
      reasons.push(traits.problem === "under_working_age" ? "under_working_age" : "id_number_invalid");
    if (!districts.has(district)) reasons.push("district_unknown");
    if (categories.some((c) => !categoryCodes.has(c))) reasons.push("category_unknown");
    const digest = traits.ok ? idNumberDigest(options.pepper, idNumber) : "";
    if (reasons.length === 0) {
      if (seenPhones.has(phone) || seenDigests.has(digest)) reasons.push("duplicate_in_file");
      else if (digestsOnFile.has(digest) && digestsOnFile.get(digest) !== phone)
        reasons.push("id_number_taken");
    }
    if (reasons.length > 0) {
      rejected.push({ ...r, reasons: reasons.map(describe) });
      continue;
    }
    seenPhones.add(phone);
    seenDigests.add(digest);
    if (!traits.ok) continue;
    accepted.push({
      phone,
      name,
      digest,
      masked: maskIdNumber(idNumber),
      sex: traits.traits.sex,
      birthDate: traits.traits.birthDate,
      birthYear: traits.traits.birthYear,
      district,
      categories,
    });
  }
  const result = { rows: sheet.rows.length, rejected, rolledBack: false };
  if (options.allOrNothing && rejected.length > 0)
    return { ...result, imported: 0, alreadyThere: 0, rolledBack: true };

  const withProfile = await repo.phonesWithProfile(
    db,
    options.cityCode,
    accepted.map((a) => a.phone).filter((p) => phonesOnFile.has(p)),
  );
  const toImport = accepted.filter((a) => !withProfile.has(a.phone));
  for (let i = 0; i < toImport.length; i += CHUNK) {
    const chunk = toImport.slice(i, i + CHUNK);
    const newUsers = chunk
      .filter((a) => !phonesOnFile.has(a.phone))
      .map((a) => ({
        id: randomUUID(),
        cityCode: options.cityCode,
        role: "worker" as const,
        phone: a.phone,
        displayName: a.name,
        createdAt: options.now,
      }));
    await repo.insertWorkerUsers(db, newUsers);
    const ids = new Map([...newUsers.map((u) => [u.phone, u.id] as const), ...phonesOnFile]);
    await repo.insertWorkerProfiles(
      db,
      chunk.map((a) => ({
        userId: ids.get(a.phone) ?? "",
        cityCode: options.cityCode,
        name: a.name,
        sex: a.sex,
        birthDate: a.birthDate,
        birthYear: a.birthYear,
        idNumberDigest: a.digest,
        idNumberMasked: a.masked,
        categoryCodes: a.categories,
        anyCategory: a.categories.length === 0,
        districtCodes: [a.district],
        homeDistrictCode: a.district,
        seekingSince: options.now,
        updatedAt: options.now,
      })),
    );
  }
  return { ...result, imported: toImport.length, alreadyThere: accepted.length - toImport.length };
}
