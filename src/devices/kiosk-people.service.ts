/**
 * A person at the self-service terminal: signs in (registering on first sign-in) with phone +
 * SMS code, consent recorded for the kiosk channel; a worker without a profile gives her name
 * and the kinds of work she wants; she applies to a gig and gets the application slip. The
 * person's session is short and held by the terminal in memory only (`X-Person-Token`); the
 * terminal ends it when she leaves.
 */
import { describeMe } from "../accounts/me.service.ts";
import { endSession, userOfToken } from "../accounts/session.service.ts";
import { signInWithCode } from "../accounts/sign-in.service.ts";
import { saveMyWorkerProfile } from "../accounts/worker-profile.service.ts";
import { apply } from "../bookings/applications.service.ts";
import { findGigWithNames } from "../gigs/gigs.repository.ts";
import { localDay } from "../monitoring/periods.ts";
import type { AppContext } from "../platform/context.ts";
import type { RequestDevice, SessionUser } from "../platform/http/access.ts";
import type { ConsentVersions } from "../privacy/consent.service.ts";
import { maskPhone } from "../privacy/mask.ts";
import { deviceErrors } from "./devices.errors.ts";
import { stationById } from "./devices.repository.ts";
import type { ApplicationSlipView } from "./devices.schemas.ts";
import * as repo from "./kiosk.repository.ts";

/** The header the terminal sends the person's session token in (never a cookie). */
export const KIOSK_PERSON_HEADER = "x-person-token";

/** A person's session at the terminal: long enough to apply or post, short enough to die with the visit. */
export const KIOSK_SESSION_MS = 20 * 60_000;

function terminalOnly(device: RequestDevice): void {
  if (device.kind !== "terminal") throw deviceErrors.terminal_only();
}

export async function kioskSignIn(
  ctx: AppContext,
  device: RequestDevice,
  input: { phone: string; code: string; role: "worker" | "employer"; consent?: ConsentVersions },
  ip: string,
) {
  terminalOnly(device);
  const session = await signInWithCode(ctx, input, ip, { channel: "kiosk", sessionMs: KIOSK_SESSION_MS });
  const me = await describeMe(ctx, session.user.id);
  return {
    personToken: session.token,
    expiresAt: session.expiresAt.toISOString(),
    role: input.role,
    displayName: me.displayName,
    hasWorkerProfile: me.hasWorkerProfile,
  };
}

/** The person behind `X-Person-Token`, who must have signed in with the role the call needs. */
export async function kioskPerson(
  ctx: AppContext,
  token: string | undefined,
  role: "worker" | "employer",
): Promise<SessionUser> {
  const user = token ? await userOfToken(ctx, token) : null;
  if (!user) throw deviceErrors.person_signed_out();
  if (user.role !== role) throw deviceErrors.person_role_wrong();
  return user;
}

export async function kioskSignOut(ctx: AppContext, device: RequestDevice, token: string | undefined) {
  terminalOnly(device);
  const user = token ? await userOfToken(ctx, token) : null;
  if (token && user) await endSession(ctx, token, user.id);
  return { ok: true as const };
}

/** A worker registered at the terminal: her name, the work she wants, the station's district. */
export async function kioskRegisterWorker(
  ctx: AppContext,
  device: RequestDevice,
  worker: SessionUser,
  input: { name: string; categoryCodes: string[] },
) {
  terminalOnly(device);
  await saveMyWorkerProfile(ctx, worker, {
    name: input.name,
    categoryCodes: input.categoryCodes,
    anyCategory: input.categoryCodes.length === 0,
    districtCodes: [device.districtCode],
  });
  return { ok: true as const };
}

/** Applies as the worker and returns what the slip shows; the application is counted for the station. */
export async function kioskApply(
  ctx: AppContext,
  device: RequestDevice,
  worker: SessionUser,
  gigId: string,
): Promise<ApplicationSlipView> {
  terminalOnly(device);
  const application = await apply(ctx, worker, gigId, "");
  await repo.countUse(ctx.database.db, {
    stationId: device.stationId,
    districtCode: device.districtCode,
    day: localDay(ctx.clock.now()),
    kind: "application",
  });
  const [found, station] = await Promise.all([
    findGigWithNames(ctx.database.db, gigId),
    stationById(ctx.database.db, device.stationId),
  ]);
  if (!found || !station) throw deviceErrors.station_not_found();
  const employerPhone = await repo.ownerPhone(ctx.database.db, found.employerOwnerUserId);
  return {
    applicationId: application.id,
    gigId,
    title: found.gig.title,
    address: found.gig.address,
    startsAt: found.gig.startsAt.toISOString(),
    endsAt: found.gig.endsAt.toISOString(),
    payFen: found.gig.payFen,
    payUnit: found.gig.payUnit,
    employerName: found.employerName,
    employerPhone: maskPhone(employerPhone),
    stationName: station.name,
    stationPhone: station.phone,
    appliedAt: application.createdAt,
  };
}
