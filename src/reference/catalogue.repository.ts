/**
 * A city's category catalogue: the national base every city shares, with the city's own settings
 * for it (reference pay, order, whether it is offered), and the categories the city added itself.
 * No city ever sees another city's additions or settings (decision 0017).
 */
import { and, asc, eq, inArray, isNull, or, sql } from "drizzle-orm";
import type { DbOrTx } from "../db/client.ts";
import { categories, cityCategories } from "../db/schema/index.ts";

export interface CityCategoryRow {
  code: string;
  /** The city that added it, or null for the national base. */
  cityCode: string | null;
  nameZh: string;
  nameEn: string;
  occupationCode: string;
  occupationGroup: number;
  defaultPayUnit: string;
  referenceDailyPayFen: number;
  sortOrder: number;
  active: number;
}

const own = (cityCode: string) => or(isNull(categories.cityCode), eq(categories.cityCode, cityCode));

function selectFor(db: DbOrTx, cityCode: string) {
  return db
    .select({
      code: categories.code,
      cityCode: categories.cityCode,
      nameZh: categories.nameZh,
      nameEn: categories.nameEn,
      occupationCode: categories.occupationCode,
      occupationGroup: categories.occupationGroup,
      defaultPayUnit: categories.defaultPayUnit,
      referenceDailyPayFen: sql<number>`coalesce(${cityCategories.referenceDailyPayFen}, ${categories.referenceDailyPayFen})`,
      sortOrder: sql<number>`coalesce(${cityCategories.sortOrder}, ${categories.sortOrder})`,
      active: sql<number>`coalesce(${cityCategories.active}, ${categories.active})`,
    })
    .from(categories)
    .leftJoin(
      cityCategories,
      and(eq(cityCategories.categoryCode, categories.code), eq(cityCategories.cityCode, cityCode)),
    );
}

/** Every category the city has, offered or not, in the city's order. */
export async function cityCatalogue(db: DbOrTx, cityCode: string): Promise<CityCategoryRow[]> {
  return selectFor(db, cityCode)
    .where(own(cityCode))
    .orderBy(asc(sql`coalesce(${cityCategories.sortOrder}, ${categories.sortOrder})`), asc(categories.code));
}

/** The categories the city offers: what forms list and posts may use. */
export async function offeredCategories(db: DbOrTx, cityCode: string): Promise<CityCategoryRow[]> {
  return (await cityCatalogue(db, cityCode)).filter((c) => c.active === 1);
}

/** One category as the city has it, or null when the city does not have it. */
export async function cityCategory(
  db: DbOrTx,
  cityCode: string,
  code: string,
): Promise<CityCategoryRow | null> {
  const [row] = await selectFor(db, cityCode).where(and(own(cityCode), eq(categories.code, code)));
  return row ?? null;
}

/** The city's category if it offers it, else null. */
export async function offeredCategory(
  db: DbOrTx,
  cityCode: string,
  code: string,
): Promise<CityCategoryRow | null> {
  const row = await cityCategory(db, cityCode, code);
  return row?.active === 1 ? row : null;
}

/** The codes among `codes` the city does not offer. */
export async function codesNotOffered(db: DbOrTx, cityCode: string, codes: string[]): Promise<string[]> {
  if (codes.length === 0) return [];
  const offered = new Set(
    (await selectFor(db, cityCode).where(and(own(cityCode), inArray(categories.code, codes))))
      .filter((c) => c.active === 1)
      .map((c) => c.code),
  );
  return codes.filter((c) => !offered.has(c));
}

/** Writes the city's settings for a category of the national base (null columns keep the base's). */
export async function upsertCitySettings(
  db: DbOrTx,
  cityCode: string,
  categoryCode: string,
  values: { referenceDailyPayFen?: number; sortOrder?: number; active?: number },
  now: Date,
): Promise<void> {
  await db
    .insert(cityCategories)
    .values({ cityCode, categoryCode, ...values, updatedAt: now })
    .onConflictDoUpdate({
      target: [cityCategories.cityCode, cityCategories.categoryCode],
      set: { ...values, updatedAt: now },
    });
}

/** Locks the category row (the base's or the city's own) for an edit. */
export async function lockCategory(db: DbOrTx, cityCode: string, code: string) {
  const [row] = await db
    .select({
      code: categories.code,
      cityCode: categories.cityCode,
      occupationCode: categories.occupationCode,
      occupationGroup: categories.occupationGroup,
    })
    .from(categories)
    .where(and(own(cityCode), eq(categories.code, code)))
    .for("update");
  return row ?? null;
}
