/**
 * Applications (a worker asks for a gig) and invitations (an employer asks a worker),
 * and the answers that do not make a booking: reject, decline, withdraw.
 */

import type { ApplicationKind } from "../db/schema/index.ts";
import { distanceMetres } from "../gigs/geography.ts";
import { isStaff, mayManageGig, ownsGig } from "../gigs/gig.access.ts";
import { shanghaiYear } from "../gigs/gig.rules.ts";
import { gigErrors } from "../gigs/gigs.errors.ts";
import { findGig, type GigRow } from "../gigs/gigs.repository.ts";
import { loadGig } from "../gigs/gigs.service.ts";
import { recordMarketEvent } from "../market/market-events.ts";
import type { AppContext } from "../platform/context.ts";
import { commonErrors } from "../platform/errors.ts";
import type { SessionUser } from "../platform/http/access.ts";
import { discloseToStaff } from "../privacy/disclosure.ts";
import { numberShown } from "../privacy/mask.ts";
import { privateNumberLookup } from "../privacy/private-numbers.ts";
import { type ApplicationEvent, applicationMachine, type Side, sideMayDo } from "./application.machine.ts";
import * as repo from "./applications.repository.ts";
import { applicationView, gigSummary } from "./booking.views.ts";
import { bookingErrors } from "./bookings.errors.ts";
import { findWorkerProfile } from "./bookings.repository.ts";
import type { ApplicantView, ApplicationView, WorkerApplicationView } from "./bookings.schemas.ts";
import { isUniqueViolation } from "./unique-violation.ts";

/** A gig takes applications and invitations while it is open and has not started. */
export function assertGigTakesWorkers(gig: GigRow, now: Date): void {
  if (gig.status !== "open") throw gig.status === "filled" ? gigErrors.gig_full() : gigErrors.gig_not_open();
  if (gig.startsAt.getTime() <= now.getTime()) throw gigErrors.gig_started();
}

/** Why the worker cannot be offered this gig now, if she cannot (`offerChecks` answers all three). */
function assertWorkerFree(checks: { booked: boolean; pending: boolean; clash: boolean }): void {
  if (checks.booked) throw bookingErrors.already_booked();
  if (checks.pending) throw bookingErrors.application_exists();
  if (checks.clash) throw bookingErrors.worker_time_clash();
}

async function createOffer(
  ctx: AppContext,
  gig: GigRow,
  workerId: string,
  kind: ApplicationKind,
  message: string,
): Promise<ApplicationView> {
  const now = ctx.clock.now();
  const row = await ctx.database.db.transaction(async (tx) => {
    const inserted = await repo.insertApplication(tx, {
      cityCode: gig.cityCode,
      gigId: gig.id,
      workerId,
      kind,
      message,
      createdAt: now,
    });
    await recordMarketEvent(tx, {
      cityCode: gig.cityCode,
      kind: kind === "application" ? "application_made" : "invitation_sent",
      districtCode: gig.districtCode,
      categoryCode: gig.categoryCode,
      subjectId: inserted.id,
      at: now,
    });
    return inserted;
  });
  return applicationView(row);
}

/** The unique index `applications_one_pending` settles two simultaneous offers. */
async function withDuplicateGuard<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isUniqueViolation(error, "applications_one_pending")) throw bookingErrors.application_exists();
    throw error;
  }
}

export async function apply(
  ctx: AppContext,
  user: SessionUser,
  gigId: string,
  message = "",
): Promise<ApplicationView> {
  const checks = await repo.offerChecks(ctx.database.db, gigId, user.id);
  // The checks in the order a person needs the answers: who she is, what the gig is, why not her.
  const hasProfile = checks ? checks.hasProfile : await findWorkerProfile(ctx.database.db, user.id);
  if (!hasProfile) throw bookingErrors.worker_profile_required();
  // Another city's gig is another market's: not found from here, as every other city's record.
  if (!checks || checks.gig.cityCode !== user.cityCode) throw gigErrors.gig_not_found();
  const { gig } = checks;
  assertGigTakesWorkers(gig, ctx.clock.now());
  assertWorkerFree(checks);
  return withDuplicateGuard(() => createOffer(ctx, gig, user.id, "application", message));
}

export async function invite(
  ctx: AppContext,
  user: SessionUser,
  gigId: string,
  workerId: string,
  message = "",
): Promise<ApplicationView> {
  const found = await loadGig(ctx, gigId);
  if (!ownsGig(user, found)) throw gigErrors.not_gig_owner();
  const profile = await findWorkerProfile(ctx.database.db, workerId);
  if (!profile || profile.cityCode !== found.gig.cityCode) throw bookingErrors.worker_not_found();
  assertGigTakesWorkers(found.gig, ctx.clock.now());
  const checks = await repo.offerChecks(ctx.database.db, gigId, workerId);
  if (!checks) throw gigErrors.gig_not_found();
  assertWorkerFree(checks);
  return withDuplicateGuard(() => createOffer(ctx, found.gig, workerId, "invitation", message));
}

export async function applicantsOf(
  ctx: AppContext,
  user: SessionUser,
  gigId: string,
  ip: string,
): Promise<ApplicantView[]> {
  const found = await loadGig(ctx, gigId);
  const staff = isStaff(user);
  if (staff ? !mayManageGig(user, found) : !ownsGig(user, found))
    throw staff ? commonErrors.out_of_scope() : gigErrors.not_gig_owner();
  const rows = await repo.applicantsOfGig(ctx.database.db, gigId, found.gig.employerId);
  const year = shanghaiYear(ctx.clock.now());
  // Staff reading the list to an employer on the phone see numbers masked: the employer has them once booked.
  const booked = staff ? [] : rows.flatMap((row) => (row.liveBookingId ? [row.liveBookingId] : []));
  const numberOf = await privateNumberLookup(ctx, booked);
  const shownPhone = (phone: string | null, bookingId: string | null) =>
    numberShown(phone, !staff && bookingId !== null, bookingId ? numberOf(bookingId) : undefined);
  const views = rows.map(({ application, phone, profile, liveBookingId }) => ({
    ...applicationView(application),
    name: profile.name,
    age: profile.birthYear ? year - profile.birthYear : null,
    phone: shownPhone(phone, liveBookingId),
    categoryCodes: profile.categoryCodes,
    experienceYears: profile.experienceYears,
    ratingAverage: profile.ratingCount
      ? Math.round((profile.ratingSum / profile.ratingCount) * 10) / 10
      : null,
    ratingCount: profile.ratingCount,
    completedCount: profile.completedCount,
    noShowCount: profile.noShowCount,
    lateCancelCount: profile.lateCancelCount,
    distanceM:
      profile.homeLat === null || profile.homeLng === null
        ? null
        : Math.round(distanceMetres({ lat: profile.homeLat, lng: profile.homeLng }, found.gig)),
  }));
  if (!staff || views.length === 0) return views;
  // Staff see the applicants' names: a staff view of personal data, in the audit log.
  return discloseToStaff(
    ctx.database.db,
    {
      staff: user,
      action: "gig.applicants_viewed",
      subjectType: "gig",
      subjectId: gigId,
      fields: ["name"],
      detail: { workers: views.map((v) => v.workerId) },
      ip,
      at: ctx.clock.now(),
    },
    views,
  );
}

export async function myApplications(ctx: AppContext, user: SessionUser): Promise<WorkerApplicationView[]> {
  const rows = await repo.applicationsOfWorker(ctx.database.db, user.id);
  return rows.map((row) => ({
    ...applicationView(row.application),
    gig: gigSummary(row.gig),
    categoryNameZh: row.categoryNameZh,
    employerName: row.employerName,
  }));
}

/** Which side of the offer the caller is on; anyone else may not touch it. */
function sideOf(user: SessionUser, application: repo.ApplicationRow, gigOwnerUserId: string): Side {
  if (user.role === "worker" && application.workerId === user.id) return "worker";
  if (user.role === "employer" && gigOwnerUserId === user.id) return "employer";
  throw bookingErrors.application_action_not_allowed();
}

/** Loads the offer and checks the caller may send `event` to it now. */
export async function authoriseAnswer(
  ctx: AppContext,
  user: SessionUser,
  applicationId: string,
  event: ApplicationEvent,
): Promise<repo.ApplicationRow> {
  const found = await repo.findApplicationWithOwner(ctx.database.db, applicationId);
  if (!found || found.application.cityCode !== user.cityCode) throw bookingErrors.application_not_found();
  const { application } = found;
  const side = sideOf(user, application, found.gigOwnerUserId);
  if (!sideMayDo(application.kind, event, side)) throw bookingErrors.application_action_not_allowed();
  if (!applicationMachine.can(application.status, event)) throw await notPendingError(ctx, application);
  return application;
}

/** An offer that expired because its gig filled or was cancelled says so, rather than just "answered". */
async function notPendingError(ctx: AppContext, application: repo.ApplicationRow) {
  if (application.status !== "expired") return bookingErrors.application_not_pending();
  const gig = await findGig(ctx.database.db, application.gigId);
  if (gig?.status === "filled") return gigErrors.gig_full();
  if (gig?.status === "cancelled" || gig?.status === "closed") return gigErrors.gig_not_open();
  return bookingErrors.application_not_pending();
}

/** Reject, decline or withdraw: the offer ends without a booking. */
export async function answerWithoutBooking(
  ctx: AppContext,
  user: SessionUser,
  applicationId: string,
  event: "reject" | "decline" | "withdraw",
): Promise<ApplicationView> {
  const application = await authoriseAnswer(ctx, user, applicationId, event);
  const to = applicationMachine.next(application.status, event);
  if (!to) throw bookingErrors.application_not_pending();
  const now = ctx.clock.now();
  const row = await ctx.database.db.transaction(async (tx) => {
    const decided = await repo.decideApplication(tx, application.id, to, now);
    if (!decided) throw bookingErrors.application_not_pending();
    await recordMarketEvent(tx, {
      cityCode: decided.cityCode,
      kind: "application_decided",
      subjectId: decided.id,
      detail: { outcome: to, kind: decided.kind },
      at: now,
    });
    return decided;
  });
  return applicationView(row);
}
