/**
 * The category catalogue (工种目录), kept by each city's admin (decision 0017): the national base
 * every city shares — names, the national occupation code (职业分类大典 2022) the official tables
 * count by, the usual pay unit — with the city's own reference pay, order and whether it is
 * offered; and the categories the city adds itself, which no other city sees. A category is
 * deactivated rather than deleted, since gigs and profiles point at it.
 */
import type { Static } from "typebox";
import { recordAudit } from "../audit/audit.service.ts";
import { isUniqueViolation } from "../bookings/unique-violation.ts";
import type { DbOrTx } from "../db/client.ts";
import type { AppContext } from "../platform/context.ts";
import type { SessionUser } from "../platform/http/access.ts";
import * as catalogue from "../reference/catalogue.repository.ts";
import { administrationErrors as errors } from "./administration.errors.ts";
import * as repo from "./administration.repository.ts";
import type { CategoryInput, CategoryPatch, CategoryView } from "./administration.schemas.ts";

type PayUnit = Static<typeof CategoryView>["defaultPayUnit"];
type Patch = Static<typeof CategoryPatch>;

function viewCategory(row: catalogue.CityCategoryRow): Static<typeof CategoryView> {
  return {
    code: row.code,
    nameZh: row.nameZh,
    nameEn: row.nameEn,
    occupationCode: row.occupationCode,
    occupationGroup: row.occupationGroup,
    defaultPayUnit: row.defaultPayUnit as PayUnit,
    referenceDailyPayFen: row.referenceDailyPayFen,
    sortOrder: row.sortOrder,
    active: row.active === 1,
    origin: row.cityCode === null ? "national" : "city",
  };
}

/** The major group (大类) is the occupation code's first digit, e.g. 4-11-01-00 → 4. */
function checkGroup(occupationCode: string, occupationGroup: number): void {
  const expected = Number(occupationCode[0]);
  if (expected !== occupationGroup) throw errors.occupation_group_mismatch({ expected });
}

/** What a city may set on a category of the national base. */
function citySettings(patch: Patch) {
  const { referenceDailyPayFen, sortOrder, active, ...national } = patch;
  if (Object.keys(national).length > 0) throw errors.category_national();
  return {
    ...(referenceDailyPayFen === undefined ? {} : { referenceDailyPayFen }),
    ...(sortOrder === undefined ? {} : { sortOrder }),
    ...(active === undefined ? {} : { active: active ? 1 : 0 }),
  };
}

function toColumns(input: Patch) {
  const { active, nameZh, nameEn, ...rest } = input;
  return {
    ...rest,
    ...(nameZh === undefined ? {} : { nameZh: nameZh.trim() }),
    ...(nameEn === undefined ? {} : { nameEn: nameEn.trim() }),
    ...(active === undefined ? {} : { active: active ? 1 : 0 }),
  };
}

/** The category as the city has it after a write, in the same transaction. */
async function viewIn(tx: DbOrTx, cityCode: string, code: string) {
  const row = await catalogue.cityCategory(tx, cityCode, code);
  if (!row) throw errors.category_not_found();
  return viewCategory(row);
}

export async function listCategoriesForAdmin(ctx: AppContext, viewer: SessionUser) {
  const rows = await catalogue.cityCatalogue(ctx.database.db, viewer.cityCode);
  return { items: rows.map(viewCategory) };
}

export async function createCategory(
  ctx: AppContext,
  viewer: SessionUser,
  input: Static<typeof CategoryInput>,
  ip: string,
) {
  checkGroup(input.occupationCode, input.occupationGroup);
  const now = ctx.clock.now();
  try {
    return await ctx.database.db.transaction(async (tx) => {
      await repo.insertCategory(tx, {
        ...input,
        cityCode: viewer.cityCode,
        nameZh: input.nameZh.trim(),
        nameEn: input.nameEn.trim(),
        active: input.active === false ? 0 : 1,
      });
      await recordAudit(tx, {
        actor: viewer,
        action: "category.created",
        subjectType: "category",
        subjectId: input.code,
        detail: { ...input },
        ip,
        at: now,
      });
      return viewIn(tx, viewer.cityCode, input.code);
    });
  } catch (error) {
    // Codes are one namespace for the country: another city's code is taken too.
    if (isUniqueViolation(error, "categories_pkey")) throw errors.category_code_taken();
    throw error;
  }
}

export async function updateCategory(
  ctx: AppContext,
  viewer: SessionUser,
  code: string,
  patch: Patch,
  ip: string,
) {
  const now = ctx.clock.now();
  return ctx.database.db.transaction(async (tx) => {
    const existing = await catalogue.lockCategory(tx, viewer.cityCode, code);
    if (!existing) throw errors.category_not_found();
    if (existing.cityCode === null) {
      await catalogue.upsertCitySettings(tx, viewer.cityCode, code, citySettings(patch), now);
    } else {
      checkGroup(
        patch.occupationCode ?? existing.occupationCode,
        patch.occupationGroup ?? existing.occupationGroup,
      );
      await repo.updateCategory(tx, code, toColumns(patch));
    }
    await recordAudit(tx, {
      actor: viewer,
      action: "category.updated",
      subjectType: "category",
      subjectId: code,
      detail: { changes: patch },
      ip,
      at: now,
    });
    return viewCategory(
      (await catalogue.cityCategory(tx, viewer.cityCode, code)) as catalogue.CityCategoryRow,
    );
  });
}
