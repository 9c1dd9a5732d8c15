/**
 * The station counter (驿站): the public list of stations, registering a worker who has no
 * smartphone, recording services, and finding an employer who phoned in. Every staff command is
 * one transaction with its market event and audit entry.
 */

import { accountErrors } from "../accounts/accounts.errors.ts";
import { findOrCreatePhoneUser } from "../accounts/accounts.repository.ts";
import {
  findWorkerByIdNumberDigest,
  findWorkerProfile,
  insertWorkerProfile,
  lockUser,
  setDisplayName,
  unknownDistricts,
  type WorkerProfileRow,
} from "../accounts/profile.repository.ts";
import { identityValues, isIdNumberTaken } from "../accounts/worker-identity.ts";
import { distinctEntries } from "../accounts/worker-traits.ts";
import { recordAudit } from "../audit/audit.service.ts";
import type { DbOrTx } from "../db/client.ts";
import { inTransaction } from "../db/transaction.ts";
import { recordMarketEvent } from "../market/market-events.ts";
import type { AppContext } from "../platform/context.ts";
import type { SessionUser } from "../platform/http/access.ts";
import { currentVersions, recordConsent } from "../privacy/consent.service.ts";
import { maskName, maskPhone } from "../privacy/mask.ts";
import { codesNotOffered } from "../reference/catalogue.repository.ts";
import { recordService } from "./service-records.ts";
import { stationErrors } from "./stations.errors.ts";
import * as repo from "./stations.repository.ts";
import type { ExistingRegistrationView, ServiceRecordInput, WalkInWorkerInput } from "./stations.schemas.ts";

const DAY_MS = 86_400_000;
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/** Midnight in Asia/Shanghai (UTC+8 all year) of the day `at` falls on. */
export function startOfLocalDay(at: Date): Date {
  const local = at.getTime() + SHANGHAI_OFFSET_MS;
  return new Date(local - (local % DAY_MS) - SHANGHAI_OFFSET_MS);
}

export async function listStations(ctx: AppContext, cityCode: string) {
  const rows = await repo.activeStations(ctx.database.db, cityCode);
  return rows.map(({ station: s, districtName }) => ({
    id: s.id,
    kind: s.kind,
    name: s.name,
    districtCode: s.districtCode,
    districtName,
    address: s.address,
    lat: s.lat,
    lng: s.lng,
    phone: s.phone,
    openingHours: s.openingHours,
  }));
}

async function myStation(ctx: AppContext, staff: SessionUser) {
  const station = staff.stationId ? await repo.findStation(ctx.database.db, staff.stationId) : null;
  if (!station) throw stationErrors.station_required();
  return station;
}

async function checkWalkIn(ctx: AppContext, staff: SessionUser, input: WalkInWorkerInput) {
  const db = ctx.database.db;
  const [badCategory] = await codesNotOffered(db, staff.cityCode, input.categoryCodes);
  if (badCategory) throw accountErrors.category_unknown({ code: badCategory });
  const [badDistrict] = await unknownDistricts(db, staff.cityCode, input.districtCodes);
  if (badDistrict) throw accountErrors.district_unknown({ code: badDistrict });
  if (input.availability && input.availability.toHour <= input.availability.fromHour)
    throw accountErrors.availability_invalid();
}

/** The registration she already has, masked: enough for staff to recognise her and open it. */
async function existingRegistration(
  db: DbOrTx,
  profile: WorkerProfileRow,
  phone: string | null,
  matchedBy: ExistingRegistrationView["matchedBy"],
): Promise<ExistingRegistrationView> {
  const station = profile.registeredByStationId
    ? await repo.findStation(db, profile.registeredByStationId)
    : null;
  return {
    userId: profile.userId,
    name: maskName(profile.name),
    phone: maskPhone(phone),
    idNumberMasked: profile.idNumberMasked,
    birthYear: profile.birthYear,
    registeredAt: profile.seekingSince.toISOString(),
    stationName: station?.name ?? null,
    matchedBy,
  };
}

/** One person, one registration: a phone that already has a worker profile is refused with it. */
async function refuseSamePhone(tx: DbOrTx, user: { id: string; phone: string | null }): Promise<void> {
  const profile = await findWorkerProfile(tx, user.id);
  if (!profile) return;
  const existing = await existingRegistration(tx, profile, user.phone, "phone");
  throw stationErrors.worker_already_registered({ name: existing.name }).withDetails({ existing });
}

/** …and so is an ID number already registered in the city, under whatever phone. */
async function refuseSameIdNumber(db: DbOrTx, cityCode: string, digest: string | null | undefined) {
  const holder = digest ? await findWorkerByIdNumberDigest(db, cityCode, digest) : null;
  if (!holder) return;
  const existing = await existingRegistration(db, holder.profile, holder.phone, "id_number");
  throw stationErrors
    .worker_id_number_registered({ name: existing.name, phone: existing.phone ?? "" })
    .withDetails({ existing });
}

/**
 * Registers a worker at the counter: the account by phone (she signs in with the same phone
 * later, by SMS code, at a kiosk or on a relative's phone) and her profile, marked as the
 * station's. Her home is taken as the station's point until she says otherwise: she came here.
 */
export async function registerWalkInWorker(
  ctx: AppContext,
  staff: SessionUser,
  input: WalkInWorkerInput,
  ip: string,
) {
  const station = await myStation(ctx, staff);
  await checkWalkIn(ctx, staff, input);
  const identity = identityValues(ctx, input);
  const now = ctx.clock.now();
  const name = input.name.trim();
  return inTransaction(ctx.database.db, async (tx) => {
    const user = await findOrCreatePhoneUser(tx, staff.cityCode, "worker", input.phone, now);
    await lockUser(tx, user.id);
    await refuseSamePhone(tx, user);
    await refuseSameIdNumber(tx, staff.cityCode, identity.idNumberDigest);
    await insertWorkerProfile(tx, {
      userId: user.id,
      cityCode: staff.cityCode,
      name,
      ...identity,
      education: input.education ?? null,
      skills: distinctEntries(input.skills ?? []),
      certificates: distinctEntries(input.certificates ?? []),
      availability: input.availability ?? null,
      categoryCodes: input.categoryCodes,
      districtCodes: input.districtCodes,
      // Registered at the counter: the home area is taken as the station's until she edits it.
      homeDistrictCode: station.districtCode,
      homeTownshipCode: station.townshipCode,
      homeLat: station.lat,
      homeLng: station.lng,
      expectedDailyPayFen: input.expectedDailyPayFen ?? null,
      registeredByStationId: station.id,
      seekingSince: now,
      updatedAt: now,
    });
    await setDisplayName(tx, user.id, name);
    const versions = await currentVersions(tx);
    await recordConsent(tx, {
      ...versions,
      userId: user.id,
      cityCode: staff.cityCode,
      channel: "station",
      recordedBy: staff.id,
      at: now,
    });
    await recordMarketEvent(tx, {
      cityCode: staff.cityCode,
      kind: "worker_registered",
      districtCode: input.districtCodes[0],
      subjectId: user.id,
      detail: { byStation: station.id },
      at: now,
    });
    const record = await recordService(tx, staff, {
      personUserId: user.id,
      kind: "registration",
      note: input.note?.trim() || "窗口登记零工",
      at: now,
    });
    const newAccount = user.createdAt.getTime() === now.getTime();
    await recordAudit(tx, {
      actor: staff,
      action: "station.register_worker",
      subjectType: "worker",
      subjectId: user.id,
      detail: { stationId: station.id, newAccount },
      ip,
      at: now,
    });
    return {
      userId: user.id,
      name,
      phone: maskPhone(input.phone) ?? "",
      newAccount,
      serviceRecordId: record.id,
    };
  }).catch(async (error: unknown) => {
    if (!isIdNumberTaken(error) || !identity.idNumberDigest) throw error;
    // Another counter registered the same person between our check and our insert: show that one.
    await refuseSameIdNumber(ctx.database.db, staff.cityCode, identity.idNumberDigest);
    throw error;
  });
}

export async function addServiceRecord(
  ctx: AppContext,
  staff: SessionUser,
  input: ServiceRecordInput,
  ip: string,
) {
  await myStation(ctx, staff);
  if (input.kind === "registration") throw stationErrors.registration_kind_reserved();
  if (input.kind === "on_behalf") throw stationErrors.service_kind_reserved();
  if (input.personUserId && !(await repo.findUserInCity(ctx.database.db, input.personUserId, staff.cityCode)))
    throw stationErrors.person_not_found();
  const now = ctx.clock.now();
  const row = await ctx.database.db.transaction(async (tx) => {
    const record = await recordService(tx, staff, {
      personUserId: input.personUserId ?? null,
      kind: input.kind,
      note: input.note.trim(),
      at: now,
    });
    await recordAudit(tx, {
      actor: staff,
      action: "station.service_record",
      subjectType: "service_record",
      subjectId: record.id,
      detail: { kind: input.kind, personUserId: input.personUserId ?? null },
      ip,
      at: now,
    });
    return record;
  });
  return { id: row.id, kind: row.kind, createdAt: row.createdAt.toISOString() };
}

/** Today's counts and the last week's records of the staff member's station, names and phones masked. */
export async function myStationServices(ctx: AppContext, staff: SessionUser) {
  const station = await myStation(ctx, staff);
  const db = ctx.database.db;
  const today = startOfLocalDay(ctx.clock.now());
  const counts = await repo.stationCounts(db, station.id, today);
  const rows = await repo.stationRecords(db, station.id, new Date(today.getTime() - 6 * DAY_MS), 200);
  return {
    stationId: station.id,
    stationName: station.name,
    today: {
      total: counts.reduce((sum, c) => sum + c.count, 0),
      byKind: Object.fromEntries(counts.map((c) => [c.kind, c.count])),
    },
    items: rows.map(({ record, personName, personPhone, staffName }) => ({
      id: record.id,
      kind: record.kind,
      note: record.note,
      personUserId: record.personUserId,
      personName: personName ? maskName(personName) : null,
      personPhone: maskPhone(personPhone),
      staffName,
      createdAt: record.createdAt.toISOString(),
    })),
  };
}

/** Employers by name or credit code, for staff posting on an employer's behalf (代发). */
export async function findEmployers(ctx: AppContext, staff: SessionUser, q: string) {
  const rows = await repo.searchEmployers(ctx.database.db, staff.cityCode, q.trim(), 20);
  return rows.map(({ employer: e, ownerPhone }) => ({
    id: e.id,
    name: e.name,
    kind: e.kind,
    verification: e.verification,
    districtCode: e.districtCode,
    contactName: e.contactName,
    phone: maskPhone(ownerPhone),
  }));
}
