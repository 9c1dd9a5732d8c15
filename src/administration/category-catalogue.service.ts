/**
 * The category catalogue (工种目录), kept by the city admin: names, the national occupation
 * code (职业分类大典 2022) the official tables count by, the usual pay unit and reference pay.
 * A category is deactivated rather than deleted, since gigs and profiles point at it.
 */
import type { Static } from "typebox";
import { recordAudit } from "../audit/audit.service.ts";
import { isUniqueViolation } from "../bookings/unique-violation.ts";
import type { AppContext } from "../platform/context.ts";
import type { SessionUser } from "../platform/http/access.ts";
import { administrationErrors as errors } from "./administration.errors.ts";
import * as repo from "./administration.repository.ts";
import type { CategoryInput, CategoryPatch, CategoryView } from "./administration.schemas.ts";

type PayUnit = Static<typeof CategoryView>["defaultPayUnit"];

function viewCategory(row: repo.CategoryRow): Static<typeof CategoryView> {
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
  };
}

/** The major group (大类) is the occupation code's first digit, e.g. 4-11-01-00 → 4. */
function checkGroup(occupationCode: string, occupationGroup: number): void {
  const expected = Number(occupationCode[0]);
  if (expected !== occupationGroup) throw errors.occupation_group_mismatch({ expected });
}

function toColumns(input: Static<typeof CategoryPatch>) {
  const { active, nameZh, nameEn, ...rest } = input;
  return {
    ...rest,
    ...(nameZh === undefined ? {} : { nameZh: nameZh.trim() }),
    ...(nameEn === undefined ? {} : { nameEn: nameEn.trim() }),
    ...(active === undefined ? {} : { active: active ? 1 : 0 }),
  };
}

export async function listCategoriesForAdmin(ctx: AppContext) {
  const rows = await repo.listAllCategories(ctx.database.db);
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
      const row = await repo.insertCategory(tx, {
        ...input,
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
      return viewCategory(row);
    });
  } catch (error) {
    if (isUniqueViolation(error, "categories_pkey")) throw errors.category_code_taken();
    throw error;
  }
}

export async function updateCategory(
  ctx: AppContext,
  viewer: SessionUser,
  code: string,
  patch: Static<typeof CategoryPatch>,
  ip: string,
) {
  const now = ctx.clock.now();
  return ctx.database.db.transaction(async (tx) => {
    const existing = await repo.lockCategory(tx, code);
    if (!existing) throw errors.category_not_found();
    checkGroup(
      patch.occupationCode ?? existing.occupationCode,
      patch.occupationGroup ?? existing.occupationGroup,
    );
    const row = await repo.updateCategory(tx, code, toColumns(patch));
    await recordAudit(tx, {
      actor: viewer,
      action: "category.updated",
      subjectType: "category",
      subjectId: code,
      detail: { changes: patch },
      ip,
      at: now,
    });
    return viewCategory(row);
  });
}
