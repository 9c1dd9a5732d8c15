/**
 * A person at the self-service terminal: signs in (registering on first sign-in) with phone +
 * SMS code, consent recorded for the kiosk channel; a worker without a profile gives her name
 * and the kinds of work she wants; she applies to a gig and gets the application slip. The
 * person's session is short and held by the terminal in memory only (`X-Person-Token`); the
 * terminal ends it when she leaves.
 */
import { getMyEmployer, saveMyEmployer } from "../accounts/employer-profile.service.ts";
import { describeMe } from "../accounts/me.service.ts";
import { endSession, userOfToken } from "../accounts/session.service.ts";
import { signInWithCode } from "../accounts/sign-in.service.ts";
import { saveMyWorkerProfile } from "../accounts/worker-profile.service.ts";
import { apply } from "../bookings/applications.service.ts";
import { gigErrors } from "../gigs/gigs.errors.ts";
import { findGigWithNames } from "../gigs/gigs.repository.ts";
import { postGig } from "../gigs/gigs.service.ts";
import { addDays, dayStart, localDay } from "../monitoring/periods.ts";
import { geocodeAddress } from "../places/geocode.service.ts";
import type { AppContext } from "../platform/context.ts";
import type { RequestDevice, SessionUser } from "../platform/http/access.ts";
import type { ConsentVersions } from "../privacy/consent.service.ts";
import { maskPhone } from "../privacy/mask.ts";
import { offeredCategory } from "../reference/catalogue.repository.ts";
import { deviceErrors } from "./devices.errors.ts";
import { stationById } from "./devices.repository.ts";
import type { ApplicationSlipView, GigPostedSlipView } from "./devices.schemas.ts";
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
  // The terminal's own city, whatever a cookie in its browser says: the code was asked for there too.
  const session = await signInWithCode(ctx, device.cityCode, input, ip, {
    channel: "kiosk",
    sessionMs: KIOSK_SESSION_MS,
  });
  const me = await describeMe(ctx, session.user.id);
  return {
    personToken: session.token,
    expiresAt: session.expiresAt.toISOString(),
    role: input.role,
    displayName: me.displayName,
    hasWorkerProfile: me.hasWorkerProfile,
    hasEmployerProfile: me.employer !== null,
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

/**
 * A worker registered at the terminal: her name, the work she wants, the station's district, and
 * her home at the station's point until she says otherwise (as at the counter), so matching
 * measures her distances from where she walked in.
 */
export async function kioskRegisterWorker(
  ctx: AppContext,
  device: RequestDevice,
  worker: SessionUser,
  input: { name: string; categoryCodes: string[] },
) {
  terminalOnly(device);
  const station = await stationById(ctx.database.db, device.stationId);
  if (!station) throw deviceErrors.station_not_found();
  await saveMyWorkerProfile(ctx, worker, {
    name: input.name,
    categoryCodes: input.categoryCodes,
    anyCategory: input.categoryCodes.length === 0,
    districtCodes: [device.districtCode],
    homeDistrictCode: device.districtCode,
    homeTownshipCode: station.townshipCode,
    homeLat: station.lat,
    homeLng: station.lng,
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

/** An employer at the terminal says who is hiring; the profile is the portal's, in the station's district. */
export async function kioskRegisterEmployer(
  ctx: AppContext,
  device: RequestDevice,
  employer: SessionUser,
  input: { kind: "individual" | "enterprise"; name: string; creditCode?: string },
) {
  terminalOnly(device);
  await saveMyEmployer(ctx, employer, {
    kind: input.kind,
    name: input.name,
    creditCode: input.creditCode,
    districtCode: device.districtCode,
  });
  return { ok: true as const };
}

const HOUR_MS = 3_600_000;
const PAY_UNIT_ZH = { day: "天", hour: "小时" } as const;
const SETTLEMENT_ZH = { same_day: "当天结算", on_completion: "完工结算" } as const;
const hourLabel = (hour: number) => `${String(hour % 24).padStart(2, "0")}:00`;

/**
 * A gig posted at the terminal: the choices become the portal's post (title and description
 * composed, the pin placed from the township and street), and it is posted as the employer, under
 * the same rules and screening as from the portal. The post is counted for the station.
 */
export async function kioskPostGig(
  ctx: AppContext,
  device: RequestDevice,
  employer: SessionUser,
  input: {
    categoryCode: string;
    dayOffset: number;
    startHour: number;
    hours: number;
    headcount: number;
    payFen: number;
    payUnit: "day" | "hour";
    settlement: "same_day" | "on_completion";
    townshipCode?: string;
    street: string;
  },
): Promise<GigPostedSlipView> {
  terminalOnly(device);
  const category = await offeredCategory(ctx.database.db, employer.cityCode, input.categoryCode);
  if (!category) throw gigErrors.category_unknown();
  const place = await geocodeAddress(ctx, employer.cityCode, {
    districtCode: device.districtCode,
    townshipCode: input.townshipCode,
    street: input.street,
  });
  const day = addDays(localDay(ctx.clock.now()), input.dayOffset);
  const startsAt = new Date(dayStart(day).getTime() + input.startHour * HOUR_MS);
  const endsAt = new Date(startsAt.getTime() + input.hours * HOUR_MS);
  const pay = `${input.payFen / 100}元/${PAY_UNIT_ZH[input.payUnit]}`;
  const gig = await postGig(ctx, employer, {
    categoryCode: category.code,
    title: `招${category.nameZh}`,
    description: `工作内容：${category.nameZh}。工作时间 ${hourLabel(input.startHour)}–${hourLabel(input.startHour + input.hours)}，${pay}，${SETTLEMENT_ZH[input.settlement]}。（在自助服务终端发布）`,
    address: place.searched,
    lat: place.lat,
    lng: place.lng,
    districtCode: device.districtCode,
    startsAt: startsAt.toISOString(),
    endsAt: endsAt.toISOString(),
    headcount: input.headcount,
    payFen: input.payFen,
    payUnit: input.payUnit,
    settlement: input.settlement,
    requirements: "",
  });
  await repo.countUse(ctx.database.db, {
    stationId: device.stationId,
    districtCode: device.districtCode,
    day: localDay(ctx.clock.now()),
    kind: "gig_posted",
  });
  const [profile, station] = await Promise.all([
    getMyEmployer(ctx, employer),
    stationById(ctx.database.db, device.stationId),
  ]);
  if (!station) throw deviceErrors.station_not_found();
  return {
    gigId: gig.id,
    title: gig.title,
    address: gig.address,
    startsAt: gig.startsAt,
    endsAt: gig.endsAt,
    headcount: gig.headcount,
    payFen: gig.pay.fen,
    payUnit: gig.pay.unit,
    settlement: gig.settlement,
    checkInCode: gig.checkInCode ?? "",
    employerName: profile.name,
    verification: profile.verification,
    precision: place.precision,
    stationName: station.name,
    stationPhone: station.phone,
    postedAt: ctx.clock.now().toISOString(),
  };
}
