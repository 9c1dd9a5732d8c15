/**
 * A province admin (省级管理员, `npm run admin:province`): reads the monitoring platform of every
 * city of her province in the deployment, and changes nothing. She is made here, at the command
 * line, by whoever runs the deployment — never by a city's admin, who covers one city only. Her
 * account is tied to one city of the province (users.city_code), whose first two digits name it.
 * Idempotent like city:add: run again, it finds her and never resets her password.
 */
import { randomBytes } from "node:crypto";
import { hashPassword } from "../accounts/password.ts";
import type { DbOrTx } from "../db/client.ts";
import * as repo from "./city.repository.ts";
import { CityAddError, published } from "./city-add.ts";
import { findCity } from "./reference.repository.ts";

export interface ProvinceAdminOptions {
  /** A city of the province already in the deployment (city:add), e.g. 321100. */
  city: string;
  /** Her sign-in name; `province.320000` by default. */
  username?: string;
  phone?: string;
}

export interface ProvinceAdminResult {
  province: { code: string; name: string };
  /** The cities she sees today; a city added later to the province is seen without rerunning this. */
  cities: Array<{ code: string; name: string }>;
  username: string;
  created: boolean;
  /** Shown once, when the account is made. */
  password: string | null;
}

export async function addProvinceAdmin(
  db: DbOrTx,
  options: ProvinceAdminOptions,
): Promise<ProvinceAdminResult> {
  const city = await findCity(db, options.city);
  if (!city) {
    throw new CityAddError(
      `${options.city} is not a city of this deployment: add it first with npm run city:add`,
    );
  }
  const digits = city.code.slice(0, 2);
  const provinceName =
    published<Array<{ code: string; name: string }>>("provinces.json").find((p) => p.code === digits)?.name ??
    `${digits}0000`;
  const province = { code: `${digits}0000`, name: provinceName };
  const username = options.username ?? `province.${province.code}`;
  if (!/^[A-Za-z0-9._-]{3,64}$/.test(username)) {
    throw new CityAddError(
      `--username must be 3 to 64 letters, digits, dots, dashes or underscores, got ${username}`,
    );
  }
  const cities = await repo.citiesStartingWith(db, digits);
  const existing = await repo.findUserByUsername(db, username);
  if (existing) {
    if (existing.role !== "province_admin" || existing.cityCode.slice(0, 2) !== digits) {
      throw new CityAddError(`${username} is already the name of another account`);
    }
    return { province, cities, username, created: false, password: null };
  }
  const password = randomBytes(12).toString("base64url");
  await repo.insertAdmin(db, "province_admin", {
    cityCode: city.code,
    username,
    passwordHash: await hashPassword(password),
    displayName: `${province.name}人社厅`,
    phone: options.phone ?? null,
  });
  return { province, cities, username, created: true, password };
}
