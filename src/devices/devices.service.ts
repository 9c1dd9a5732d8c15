/**
 * Devices of a station (decision 0011): staff of the station's district enrol a terminal or a
 * screen with a one-time code; the device trades the code for its own token, which is checked
 * against the database on every request, so a revocation holds at once on every instance.
 */
import { createHash, randomBytes, randomInt } from "node:crypto";
import type { FastifyRequest } from "fastify";
import { assertDistrictScope } from "../accounts/scope.ts";
import { recordAudit } from "../audit/audit.service.ts";
import { inTransaction } from "../db/transaction.ts";
import type { AppContext } from "../platform/context.ts";
import type { RequestDevice, SessionUser } from "../platform/http/access.ts";
import { deviceErrors } from "./devices.errors.ts";
import * as repo from "./devices.repository.ts";
import type { DeviceView } from "./devices.schemas.ts";

/** Long enough to walk from the console to the device and type it in. */
const ENROLMENT_HOURS = 24;
/** No 0/O, 1/I/L: read off a screen and typed on another. */
const CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
const CODE_LENGTH = 8;
const SCHEME = "Device ";

function sha256(value: string): string {
  return createHash("sha256").update(value).digest("hex");
}

/** Grouped 4 + 4 for reading aloud; spaces, dashes and case do not matter when typed back. */
function newEnrolmentCode(): string {
  const chars = Array.from({ length: CODE_LENGTH }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]);
  return `${chars.slice(0, 4).join("")}-${chars.slice(4).join("")}`;
}

function normaliseCode(code: string): string {
  return code.toUpperCase().replace(/[^0-9A-Z]/g, "");
}

function deviceView(row: repo.DeviceRow): DeviceView {
  const iso = (at: Date | null) => at?.toISOString() ?? null;
  return {
    id: row.id,
    stationId: row.stationId,
    kind: row.kind,
    name: row.name,
    status: row.revokedAt ? "revoked" : row.tokenHash ? "active" : "awaiting_enrolment",
    enrolmentExpiresAt: iso(row.enrolmentExpiresAt),
    enrolledAt: iso(row.enrolledAt),
    lastSeenAt: iso(row.lastSeenAt),
    revokedAt: iso(row.revokedAt),
    createdAt: row.createdAt.toISOString(),
  };
}

async function stationInScope(ctx: AppContext, staff: SessionUser, stationId: string) {
  const station = await repo.stationById(ctx.database.db, stationId);
  if (!station || station.cityCode !== staff.cityCode) throw deviceErrors.station_not_found();
  assertDistrictScope(staff, station.districtCode, station.cityCode);
  return station;
}

export async function createDevice(
  ctx: AppContext,
  staff: SessionUser,
  input: { stationId: string; kind: "terminal" | "screen"; name: string },
  ip: string,
) {
  const station = await stationInScope(ctx, staff, input.stationId);
  const now = ctx.clock.now();
  const code = newEnrolmentCode();
  const expiresAt = new Date(now.getTime() + ENROLMENT_HOURS * 3_600_000);
  const row = await inTransaction(ctx.database.db, async (tx) => {
    const inserted = await repo.insertDevice(tx, {
      cityCode: station.cityCode,
      districtCode: station.districtCode,
      stationId: station.id,
      kind: input.kind,
      name: input.name.trim(),
      enrolmentCodeHash: sha256(normaliseCode(code)),
      enrolmentExpiresAt: expiresAt,
      createdBy: staff.id,
      createdAt: now,
    });
    await recordAudit(tx, {
      actor: staff,
      action: "device.create",
      subjectType: "device",
      subjectId: inserted.id,
      detail: { stationId: station.id, kind: input.kind },
      ip,
      at: now,
    });
    return inserted;
  });
  return { device: deviceView(row), enrolmentCode: code, enrolmentExpiresAt: expiresAt.toISOString() };
}

export async function listDevices(
  ctx: AppContext,
  staff: SessionUser,
  stationId: string,
): Promise<DeviceView[]> {
  await stationInScope(ctx, staff, stationId);
  return (await repo.stationDevices(ctx.database.db, stationId)).map(deviceView);
}

export async function revokeDevice(ctx: AppContext, staff: SessionUser, id: string, ip: string) {
  const device = await repo.findDevice(ctx.database.db, id);
  if (!device || device.cityCode !== staff.cityCode) throw deviceErrors.device_not_found();
  assertDistrictScope(staff, device.districtCode, device.cityCode);
  const now = ctx.clock.now();
  const row = await inTransaction(ctx.database.db, async (tx) => {
    const revoked = await repo.revokeDevice(tx, id, now);
    if (!revoked) throw deviceErrors.device_revoked();
    await recordAudit(tx, {
      actor: staff,
      action: "device.revoke",
      subjectType: "device",
      subjectId: id,
      ip,
      at: now,
    });
    return revoked;
  });
  return deviceView(row);
}

/** The device page trades the code for a token it keeps in its own storage. */
export async function enrolWithCode(ctx: AppContext, code: string) {
  const token = randomBytes(32).toString("base64url");
  const row = await repo.enrolByCode(
    ctx.database.db,
    sha256(normaliseCode(code)),
    sha256(token),
    ctx.clock.now(),
  );
  if (!row) throw deviceErrors.enrolment_code_invalid();
  return { token, device: await describeDevice(ctx, row) };
}

export async function describeDevice(ctx: AppContext, device: { id: string; stationId: string }) {
  const [row, station] = await Promise.all([
    repo.findDevice(ctx.database.db, device.id),
    repo.stationById(ctx.database.db, device.stationId),
  ]);
  if (!row || !station) throw deviceErrors.device_not_found();
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    station: {
      id: station.id,
      name: station.name,
      address: station.address,
      phone: station.phone,
      openingHours: station.openingHours,
      districtCode: station.districtCode,
    },
  };
}

/** `Authorization: Device <token>`: never a session's bearer token or cookie. */
export async function deviceForRequest(
  ctx: AppContext,
  request: FastifyRequest,
): Promise<RequestDevice | null> {
  const header = request.headers.authorization;
  if (!header?.startsWith(SCHEME)) return null;
  const device = await repo.findLiveDevice(ctx.database.db, sha256(header.slice(SCHEME.length).trim()));
  if (device) await repo.touchDevice(ctx.database.db, device.id, ctx.clock.now());
  return device;
}

/** Still enrolled and not revoked? Long-lived streams ask this again from time to time. */
export async function deviceStillLive(ctx: AppContext, id: string): Promise<boolean> {
  const row = await repo.findDevice(ctx.database.db, id);
  return row !== null && row.revokedAt === null;
}
