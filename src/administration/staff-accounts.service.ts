/**
 * Staff accounts (工作人员): station staff, created by their district's admin or the city
 * admin, and district admins, created by the city admin only. Disabling an account or
 * resetting its password ends its open sessions.
 */
import type { Static } from "typebox";
import { hashPassword } from "../accounts/password.ts";
import { assertDistrictScope } from "../accounts/scope.ts";
import { forgetSessionsOf } from "../accounts/session-cache.ts";
import { recordAudit } from "../audit/audit.service.ts";
import { isUniqueViolation } from "../bookings/unique-violation.ts";
import type { DbOrTx } from "../db/client.ts";
import type { AppContext } from "../platform/context.ts";
import { commonErrors } from "../platform/errors.ts";
import type { SessionUser } from "../platform/http/access.ts";
import { administrationErrors as errors } from "./administration.errors.ts";
import * as repo from "./administration.repository.ts";
import type { PasswordReset, StaffInput, StaffPatch, StaffView } from "./administration.schemas.ts";
import { districtLimit } from "./station-directory.service.ts";

export const MIN_PASSWORD_LENGTH = 10;

type Details = NonNullable<Awaited<ReturnType<typeof repo.staffWithDetails>>>;
type StaffRole = (typeof repo.STAFF_ACCOUNT_ROLES)[number];

function viewStaff({ user, districtName, stationName }: Details): Static<typeof StaffView> {
  return {
    id: user.id,
    username: user.username ?? "",
    displayName: user.displayName,
    role: user.role as StaffRole,
    districtCode: user.districtCode,
    districtName,
    stationId: user.stationId,
    stationName,
    // Only workers and employers close their accounts (注销); a staff account is disabled instead.
    status: user.status === "active" ? "active" : "disabled",
    createdAt: user.createdAt.toISOString(),
    lastSignInAt: user.lastSignInAt?.toISOString() ?? null,
  };
}

export async function listStaffFor(ctx: AppContext, viewer: SessionUser) {
  const rows = await repo.listStaff(ctx.database.db, viewer.cityCode, districtLimit(viewer));
  return { items: rows.map(viewStaff) };
}

function checkPassword(password: string): void {
  if ([...password].length < MIN_PASSWORD_LENGTH) {
    throw errors.password_too_short({ min: MIN_PASSWORD_LENGTH });
  }
}

/** Where an account of this role sits: station staff at an active station, admins in a district. */
async function placement(
  db: DbOrTx,
  viewer: SessionUser,
  role: StaffRole,
  where: { stationId?: string | null; districtCode?: string | null },
): Promise<{ districtCode: string; stationId: string | null }> {
  if (role === "district_admin") {
    if (viewer.role !== "city_admin") throw commonErrors.forbidden();
    if (!where.districtCode) throw errors.staff_district_required();
    const division = await repo.findDivision(db, where.districtCode);
    if (!division || division.cityCode !== viewer.cityCode) throw errors.district_unknown();
    return { districtCode: division.code, stationId: null };
  }
  if (!where.stationId) throw errors.staff_station_required();
  const station = await repo.lockStation(db, where.stationId);
  if (!station || station.cityCode !== viewer.cityCode) throw errors.station_not_found();
  assertDistrictScope(viewer, station.districtCode);
  if (station.active !== 1) throw errors.station_inactive();
  return { districtCode: station.districtCode, stationId: station.id };
}

/** The staff account, locked, if the viewer may manage it: a district admin only her station staff. */
async function manageable(db: DbOrTx, viewer: SessionUser, id: string) {
  const target = await repo.lockUser(db, id);
  const isStaff = target && (repo.STAFF_ACCOUNT_ROLES as readonly string[]).includes(target.role);
  if (!target || !isStaff || target.cityCode !== viewer.cityCode) throw errors.staff_not_found();
  if (viewer.role !== "city_admin" && target.role !== "station_staff") throw commonErrors.forbidden();
  assertDistrictScope(viewer, target.districtCode);
  return { ...target, role: target.role as StaffRole };
}

export async function createStaff(
  ctx: AppContext,
  viewer: SessionUser,
  input: Static<typeof StaffInput>,
  ip: string,
) {
  checkPassword(input.password);
  const passwordHash = await hashPassword(input.password);
  const now = ctx.clock.now();
  try {
    return await ctx.database.db.transaction(async (tx) => {
      const place = await placement(tx, viewer, input.role, input);
      const user = await repo.insertUser(tx, {
        cityCode: viewer.cityCode,
        role: input.role,
        username: input.username,
        passwordHash,
        displayName: input.displayName.trim(),
        ...place,
        createdAt: now,
      });
      await recordAudit(tx, {
        actor: viewer,
        action: "staff.created",
        subjectType: "user",
        subjectId: user.id,
        detail: { username: input.username, role: input.role, ...place },
        ip,
        at: now,
      });
      return viewStaff((await repo.staffWithDetails(tx, user.id)) as Details);
    });
  } catch (error) {
    if (isUniqueViolation(error, "users_username")) throw errors.username_taken();
    throw error;
  }
}

const STATUS_ACTIONS = { active: "staff.enabled", disabled: "staff.disabled" } as const;

export async function updateStaff(
  ctx: AppContext,
  viewer: SessionUser,
  id: string,
  patch: Static<typeof StaffPatch>,
  ip: string,
) {
  const now = ctx.clock.now();
  const updated = await ctx.database.db.transaction(async (tx) => {
    const target = await manageable(tx, viewer, id);
    const moving = patch.stationId !== undefined || patch.districtCode !== undefined;
    const place = moving
      ? await placement(tx, viewer, target.role, {
          stationId: patch.stationId ?? target.stationId,
          districtCode: patch.districtCode ?? target.districtCode,
        })
      : {};
    await repo.updateUser(tx, id, {
      ...place,
      ...(patch.displayName === undefined ? {} : { displayName: patch.displayName.trim() }),
      ...(patch.status === undefined ? {} : { status: patch.status }),
    });
    if (patch.status === "disabled") await repo.revokeSessionsOf(tx, id, now);
    await recordAudit(tx, {
      actor: viewer,
      action: patch.status ? STATUS_ACTIONS[patch.status] : "staff.updated",
      subjectType: "user",
      subjectId: id,
      detail: { username: target.username, changes: patch },
      ip,
      at: now,
    });
    return viewStaff((await repo.staffWithDetails(tx, id)) as Details);
  });
  // Committed: this instance forgets the account's sessions now, the others on the database's notice.
  forgetSessionsOf(ctx.database, id);
  return updated;
}

export async function resetPassword(
  ctx: AppContext,
  viewer: SessionUser,
  id: string,
  input: Static<typeof PasswordReset>,
  ip: string,
) {
  checkPassword(input.password);
  const passwordHash = await hashPassword(input.password);
  const now = ctx.clock.now();
  await ctx.database.db.transaction(async (tx) => {
    const target = await manageable(tx, viewer, id);
    await repo.updateUser(tx, id, { passwordHash });
    await repo.revokeSessionsOf(tx, id, now);
    await recordAudit(tx, {
      actor: viewer,
      action: "staff.password_reset",
      subjectType: "user",
      subjectId: id,
      detail: { username: target.username },
      ip,
      at: now,
    });
  });
  forgetSessionsOf(ctx.database, id);
  return { ok: true as const };
}
