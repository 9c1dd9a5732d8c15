/**
 * The checks of a cell that rows of every kind share: text given and short enough, a mainland
 * mobile number, a district of the city the importer may write into. Each failing check adds its
 * reason to the row's and gives back what the row can still be checked with.
 */
import { accountErrors } from "../accounts/accounts.errors.ts";
import type { DbOrTx } from "../db/client.ts";
import { type AppError, commonErrors } from "../platform/errors.ts";
import { importErrors } from "./imports.errors.ts";
import { districtsOf } from "./imports.repository.ts";
import type { ImportScope } from "./run.ts";

export function text(
  reasons: AppError[],
  value: string,
  column: string,
  options: { max: number; required?: boolean },
): string {
  if (options.required && !value) reasons.push(importErrors.value_missing({ column }));
  if (value.length > options.max) reasons.push(importErrors.value_too_long({ column, max: options.max }));
  return value;
}

/** Spaces and hyphens as people type them (138 0000 0000, 138-0000-0000) are left out. */
export function mobile(reasons: AppError[], value: string): string {
  const phone = value.replace(/[\s-]/g, "");
  if (!/^1[3-9]\d{9}$/.test(phone)) reasons.push(importErrors.phone_invalid());
  return phone;
}

export interface District {
  code: string;
  name: string;
}

/** 京口区, 丹阳市 and 句容 without its 市, as well as 321102: how districts are written in sheets. */
function namesOf(district: District): string[] {
  const short = district.name.replace(/(区|县|市|旗)$/, "");
  return [district.code, district.name, ...(short.length >= 2 ? [short] : [])];
}

/**
 * The district a cell names, by code or name, among the city's; a district admin's rows must be
 * in her district (the route lets her in, the rows are checked here).
 */
export async function districtFinder(db: DbOrTx, scope: ImportScope) {
  const byName = new Map<string, District>();
  for (const d of await districtsOf(db, scope.cityCode)) for (const n of namesOf(d)) byName.set(n, d);
  return (reasons: AppError[], value: string): District | null => {
    const district = byName.get(value.replace(/\s/g, ""));
    if (!district) reasons.push(accountErrors.district_unknown());
    else if (scope.districtCode !== null && district.code !== scope.districtCode)
      reasons.push(commonErrors.out_of_scope());
    else return district;
    return null;
  };
}
