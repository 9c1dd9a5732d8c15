/** A worker's own profile (求职资料): read, and create or replace it. */
import type { Static } from "typebox";
import { insideBoundary, isMultiPolygon } from "../gigs/geography.ts";
import { recordMarketEvent } from "../market/market-events.ts";
import { assertTownshipOf } from "../places/address.ts";
import { findDivision } from "../places/places.repository.ts";
import type { AppContext } from "../platform/context.ts";
import type { SessionUser } from "../platform/http/access.ts";
import { maskIdNumber } from "../privacy/mask.ts";
import { accountErrors } from "./accounts.errors.ts";
import { isValidIdNumber } from "./identity-codes.ts";
import {
  findWorkerProfile,
  insertWorkerProfile,
  lockUser,
  setDisplayName,
  unknownCategories,
  unknownDistricts,
  updateWorkerProfile,
  type WorkerProfileRow,
} from "./profile.repository.ts";
import type { WorkerProfileInput, WorkerProfileView } from "./profile.schemas.ts";

type Input = Static<typeof WorkerProfileInput>;

export function viewWorkerProfile(row: WorkerProfileRow): Static<typeof WorkerProfileView> {
  return {
    userId: row.userId,
    name: row.name,
    sex: row.sex,
    birthYear: row.birthYear,
    education: row.education,
    idNumberMasked: maskIdNumber(row.idNumber),
    categoryCodes: row.categoryCodes,
    anyCategory: row.anyCategory,
    skills: row.skills,
    districtCodes: row.districtCodes,
    homeDistrictCode: row.homeDistrictCode,
    homeTownshipCode: row.homeTownshipCode,
    homeStreet: row.homeStreet,
    homeLat: row.homeLat,
    homeLng: row.homeLng,
    rangeKm: row.rangeKm,
    availability: row.availability ?? null,
    expectedDailyPayFen: row.expectedDailyPayFen,
    experienceYears: row.experienceYears,
    intro: row.intro,
    completedCount: row.completedCount,
    noShowCount: row.noShowCount,
    lateCancelCount: row.lateCancelCount,
    ratingAverage: row.ratingCount > 0 ? Math.round((row.ratingSum / row.ratingCount) * 10) / 10 : null,
    ratingCount: row.ratingCount,
  };
}

export async function getMyWorkerProfile(ctx: AppContext, user: SessionUser) {
  const row = await findWorkerProfile(ctx.database.db, user.id);
  if (!row) throw accountErrors.worker_profile_missing();
  return viewWorkerProfile(row);
}

async function validate(ctx: AppContext, user: SessionUser, input: Input): Promise<void> {
  const db = ctx.database.db;
  const [badCategory] = await unknownCategories(db, input.categoryCodes);
  if (badCategory) throw accountErrors.category_unknown({ code: badCategory });
  const [badDistrict] = await unknownDistricts(db, user.cityCode, input.districtCodes);
  if (badDistrict) throw accountErrors.district_unknown({ code: badDistrict });
  await validateHome(ctx, user, input);
  if (input.idNumber && !isValidIdNumber(input.idNumber.toUpperCase()))
    throw accountErrors.id_number_invalid();
  if (input.availability && input.availability.toHour <= input.availability.fromHour) {
    throw accountErrors.availability_invalid();
  }
}

/** The home area's district is the city's, its township the district's, its pin inside the district. */
async function validateHome(ctx: AppContext, user: SessionUser, input: Input): Promise<void> {
  const db = ctx.database.db;
  const districtCode = input.homeDistrictCode ?? null;
  await assertTownshipOf(db, districtCode, input.homeTownshipCode);
  if (!districtCode) return;
  const district = await findDivision(db, user.cityCode, districtCode);
  if (!district) throw accountErrors.district_unknown({ code: districtCode });
  const pin =
    input.homeLat != null && input.homeLng != null ? { lat: input.homeLat, lng: input.homeLng } : null;
  if (pin && isMultiPolygon(district.boundary) && !insideBoundary(pin, district.boundary)) {
    throw accountErrors.home_outside_district();
  }
}

export async function saveMyWorkerProfile(ctx: AppContext, user: SessionUser, input: Input) {
  await validate(ctx, user, input);
  const now = ctx.clock.now();
  const values = {
    name: input.name.trim(),
    sex: input.sex ?? null,
    birthYear: input.birthYear ?? null,
    education: input.education ?? null,
    categoryCodes: input.categoryCodes,
    anyCategory: input.anyCategory ?? false,
    skills: input.skills ?? [],
    districtCodes: input.districtCodes,
    homeDistrictCode: input.homeDistrictCode ?? null,
    homeTownshipCode: input.homeTownshipCode ?? null,
    homeStreet: input.homeStreet?.trim() || null,
    homeLat: input.homeLat ?? null,
    homeLng: input.homeLng ?? null,
    rangeKm: input.rangeKm ?? 10,
    availability: input.availability ?? null,
    expectedDailyPayFen: input.expectedDailyPayFen ?? null,
    experienceYears: input.experienceYears ?? 0,
    intro: input.intro ?? "",
    updatedAt: now,
    // An omitted ID number keeps the one on file; it is never sent back in full.
    ...(input.idNumber ? { idNumber: input.idNumber.toUpperCase() } : {}),
  };
  const row = await ctx.database.db.transaction(async (tx) => {
    await lockUser(tx, user.id);
    const existing = await findWorkerProfile(tx, user.id);
    const saved = existing
      ? await updateWorkerProfile(tx, user.id, values)
      : await insertWorkerProfile(tx, {
          ...values,
          userId: user.id,
          cityCode: user.cityCode,
          seekingSince: now,
        });
    await setDisplayName(tx, user.id, saved.name);
    await recordMarketEvent(tx, {
      cityCode: user.cityCode,
      kind: existing ? "worker_profile_updated" : "worker_registered",
      districtCode: saved.districtCodes[0] ?? null,
      subjectId: user.id,
      at: now,
    });
    return saved;
  });
  return viewWorkerProfile(row);
}
