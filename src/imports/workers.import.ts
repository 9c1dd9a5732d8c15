/**
 * Bulk import of the workers a bureau already keeps (花名册): one row per person with 姓名, 手机号,
 * 身份证号, 区县代码 and optionally 工种 (category codes separated by 、 , or ;). Every row is checked
 * (mobile number, ID check digit and birth date, district of the city, known categories, no
 * second row for the same phone or ID number). A phone that already has a worker profile in the
 * city is left as it is; an ID number registered under another phone is rejected.
 * Imported people have not yet accepted the 用户协议 and 隐私政策: they do at their first sign-in.
 */
import { randomUUID } from "node:crypto";
import { accountErrors } from "../accounts/accounts.errors.ts";
import { idNumberDigest, normaliseIdNumber, resolveTraits } from "../accounts/worker-traits.ts";
import { recordMarketEvents } from "../market/market-events.ts";
import type { AppError } from "../platform/errors.ts";
import { maskIdNumber } from "../privacy/mask.ts";
import { offeredCategories } from "../reference/catalogue.repository.ts";
import { districtFinder, mobile, text } from "./checks.ts";
import { importErrors } from "./imports.errors.ts";
import * as repo from "./imports.repository.ts";
import type { Column, Importer } from "./run.ts";

export interface WorkerImportOptions {
  /** The deployment's ID-number secret (config.idNumberPepper). */
  pepper: string;
  /** Local day (yyyy-mm-dd) the working age is checked on. */
  today: string;
  now: Date;
}

type Field = "name" | "phone" | "idNumber" | "district" | "categories";

interface Worker {
  phone: string;
  name: string;
  digest: string;
  masked: string | null;
  sex: "male" | "female" | null;
  birthDate: string | null;
  birthYear: number | null;
  district: string;
  categories: string[];
}

const CHUNK = 1000;

/** Accepted headers of each column, Chinese first; the template has the first. */
export const WORKER_COLUMNS = {
  name: { headers: ["姓名", "name"], required: true, hint: { zh: "必填", en: "required" } },
  phone: {
    headers: ["手机号", "手机号码", "phone"],
    required: true,
    hint: { zh: "11 位手机号，用于登录", en: "11-digit mobile number, used to sign in" },
  },
  idNumber: {
    headers: ["身份证号", "身份证号码", "公民身份号码", "id_number"],
    required: true,
    hint: { zh: "18 位，核对校验位和出生日期", en: "18 characters; check digit and birth date are checked" },
  },
  district: {
    headers: ["区县代码", "所在区县", "district_code"],
    required: true,
    hint: { zh: "本市区县的代码或名称", en: "code or name of a district of the city" },
  },
  categories: {
    headers: ["工种", "categories"],
    required: false,
    hint: {
      zh: "可选：工种代码，多个用顿号分隔",
      en: "optional: category codes separated by 、",
    },
  },
} satisfies Record<Field, Column>;

export function workersImport(options: WorkerImportOptions): Importer<Field, Worker> {
  return {
    label: "name",
    columns: WORKER_COLUMNS,

    async prepare(db, scope) {
      const district = await districtFinder(db, scope);
      const categoryCodes = new Set((await offeredCategories(db, scope.cityCode)).map((c) => c.code));
      return (row) => {
        const reasons: AppError[] = [];
        const name = text(reasons, row.name, "姓名", { max: 30, required: true });
        const phone = mobile(reasons, row.phone);
        const idNumber = normaliseIdNumber(row.idNumber);
        const traits = resolveTraits({ idNumber: idNumber || "-" }, options.today);
        if (!traits.ok)
          reasons.push(
            traits.problem === "under_working_age"
              ? accountErrors.under_working_age()
              : accountErrors.id_number_invalid(),
          );
        const home = district(reasons, row.district);
        const categories = row.categories.split(/[、,，;；\s]+/).filter(Boolean);
        if (categories.some((c) => !categoryCodes.has(c))) reasons.push(accountErrors.category_unknown());
        if (reasons.length > 0 || !traits.ok || !home) return { reasons };
        const digest = idNumberDigest(options.pepper, idNumber);
        return {
          keys: { 手机号: phone, 身份证号: digest },
          item: {
            phone,
            name,
            digest,
            masked: maskIdNumber(idNumber),
            sex: traits.traits.sex,
            birthDate: traits.traits.birthDate,
            birthYear: traits.traits.birthYear,
            district: home.code,
            categories,
          },
        };
      };
    },

    async settle(tx, workers, scope) {
      const digestsOnFile = await repo.workerIdDigests(tx, scope.cityCode);
      const phonesOnFile = await repo.workerPhones(tx, scope.cityCode);
      const withProfile = await repo.phonesWithProfile(
        tx,
        scope.cityCode,
        workers.map((w) => w.phone).filter((p) => phonesOnFile.has(p)),
      );
      return workers.map((w): AppError[] | "existing" | "new" => {
        const phoneOfDigest = digestsOnFile.get(w.digest);
        if (phoneOfDigest !== undefined && phoneOfDigest !== w.phone) return [importErrors.id_number_taken()];
        return withProfile.has(w.phone) ? "existing" : "new";
      });
    },

    async insert(tx, workers, scope) {
      const phonesOnFile = await repo.workerPhones(tx, scope.cityCode);
      for (let i = 0; i < workers.length; i += CHUNK) {
        const chunk = workers.slice(i, i + CHUNK);
        const newUsers = chunk
          .filter((w) => !phonesOnFile.has(w.phone))
          .map((w) => ({
            id: randomUUID(),
            cityCode: scope.cityCode,
            role: "worker" as const,
            phone: w.phone,
            displayName: w.name,
            createdAt: options.now,
          }));
        await repo.insertWorkerUsers(tx, newUsers);
        const ids = new Map([...newUsers.map((u) => [u.phone, u.id] as const), ...phonesOnFile]);
        await repo.insertWorkerProfiles(
          tx,
          chunk.map((w) => ({
            userId: ids.get(w.phone) ?? "",
            cityCode: scope.cityCode,
            name: w.name,
            sex: w.sex,
            birthDate: w.birthDate,
            birthYear: w.birthYear,
            idNumberDigest: w.digest,
            idNumberMasked: w.masked,
            categoryCodes: w.categories,
            anyCategory: w.categories.length === 0,
            districtCodes: [w.district],
            homeDistrictCode: w.district,
            seekingSince: options.now,
            updatedAt: options.now,
          })),
        );
        // Registered as a sign-up is: counted by the monitoring platform, and known to every
        // instance's matching index (which reloads a worker on her event's notice).
        await recordMarketEvents(
          tx,
          chunk.map((w) => ({
            cityCode: scope.cityCode,
            kind: "worker_registered" as const,
            districtCode: w.district,
            subjectId: ids.get(w.phone) ?? null,
            detail: { byImport: true },
            at: options.now,
          })),
        );
      }
    },
  };
}
