/** A worker's own profile (求职资料): read, and create or replace it. */
import type { Static } from "typebox";
import { inTransaction } from "../db/transaction.ts";
import { insideBoundary, isMultiPolygon } from "../gigs/geography.ts";
import { recordMarketEvent } from "../market/market-events.ts";
import { assertTownshipOf } from "../places/address.ts";
import { findDivision } from "../places/places.repository.ts";
import type { AppContext } from "../platform/context.ts";
import type { SessionUser } from "../platform/http/access.ts";
import { codesNotOffered } from "../reference/catalogue.repository.ts";
import { accountErrors } from "./accounts.errors.ts";
import {
  findWorkerByIdNumberDigest,
  findWorkerProfile,
  insertWorkerProfile,
  lockUser,
  setDisplayName,
  unknownDistricts,
  updateWorkerProfile,
  type WorkerProfileRow,
} from "./profile.repository.ts";
import type { WorkerProfileInput, WorkerProfileView } from "./profile.schemas.ts";
import { identityValues, isIdNumberTaken } from "./worker-identity.ts";
import { distinctEntries } from "./worker-traits.ts";

type Input = Static<typeof WorkerProfileInput>;

export function viewWorkerProfile(row: WorkerProfileRow): Static<typeof WorkerProfileView> {
  return {
    userId: row.userId,
    name: row.name,
    sex: row.sex,
    birthYear: row.birthYear,
    birthDate: row.birthDate,
    education: row.education,
    idNumberMasked: row.idNumberMasked,
    categoryCodes: row.categoryCodes,
    anyCategory: row.anyCategory,
    skills: row.skills,
    certificates: row.certificates,
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
  const [badCategory] = await codesNotOffered(db, user.cityCode, input.categoryCodes);
  if (badCategory) throw accountErrors.category_unknown({ code: badCategory });
  const [badDistrict] = await unknownDistricts(db, user.cityCode, input.districtCodes);
  if (badDistrict) throw accountErrors.district_unknown({ code: badDistrict });
  await validateHome(ctx, user, input);
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
  const onFile = await findWorkerProfile(ctx.database.db, user.id);
  const identity = identityValues(ctx, input, onFile);
  const values = {
    name: input.name.trim(),
    ...identity,
    education: input.education ?? null,
    categoryCodes: input.categoryCodes,
    anyCategory: input.anyCategory ?? false,
    skills: distinctEntries(input.skills ?? []),
    certificates: distinctEntries(input.certificates ?? []),
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
  };
  const row = await inTransaction(ctx.database.db, async (tx) => {
    await lockUser(tx, user.id);
    if (identity.idNumberDigest) {
      const holder = await findWorkerByIdNumberDigest(tx, user.cityCode, identity.idNumberDigest);
      if (holder && holder.profile.userId !== user.id) throw accountErrors.id_number_registered();
    }
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
  }).catch((error: unknown) => {
    throw isIdNumberTaken(error) ? accountErrors.id_number_registered() : error;
  });
  return viewWorkerProfile(row);
}
