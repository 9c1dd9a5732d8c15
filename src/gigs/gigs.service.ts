/** Posting, reading and cancelling gigs. Each command runs in one transaction. */
import { randomInt } from "node:crypto";
import { assertDistrictScope } from "../accounts/scope.ts";
import { expirePendingApplications } from "../bookings/applications.repository.ts";
import { cancelLiveBookingsOfGig, countBookingsAtWork } from "../bookings/bookings.repository.ts";
import type { Tx } from "../db/client.ts";
import { inTransaction } from "../db/transaction.ts";
import { recordMarketEvent } from "../market/market-events.ts";
import type { AppContext } from "../platform/context.ts";
import { commonErrors } from "../platform/errors.ts";
import type { SessionUser } from "../platform/http/access.ts";
import { offeredCategory } from "../reference/catalogue.repository.ts";
import { insideBoundary, isMultiPolygon } from "./geography.ts";
import { isStaff, mayManageGig, ownsGig } from "./gig.access.ts";
import { gigMachine } from "./gig.machine.ts";
import { MAX_GIG_DAYS, PAY_BOUNDS, payWithinBounds, timeWindowProblem } from "./gig.rules.ts";
import { gigDetail } from "./gig.views.ts";
import { gigErrors } from "./gigs.errors.ts";
import * as repo from "./gigs.repository.ts";
import type { CancelGigInput, GigDetailView, MyGigView, PostGigInput } from "./gigs.schemas.ts";
import { screenForUpfrontFees } from "./screening.ts";

/** The employer a post is for: the poster's own, or the one station staff name (代发). */
async function employerForPost(ctx: AppContext, user: SessionUser, employerId: string | undefined) {
  const db = ctx.database.db;
  if (user.role === "employer") {
    const own = await repo.findEmployerByOwner(db, user.id);
    if (!own) throw gigErrors.employer_profile_required();
    return { employer: own, stationId: null };
  }
  if (!employerId) throw gigErrors.employer_id_required();
  const employer = await repo.findEmployer(db, employerId);
  if (!employer || employer.cityCode !== user.cityCode) throw gigErrors.employer_not_found();
  return { employer, stationId: user.stationId };
}

function checkPostRules(input: PostGigInput, now: Date): void {
  const problem = timeWindowProblem(new Date(input.startsAt), new Date(input.endsAt), now);
  if (problem === "starts_in_past") throw gigErrors.gig_starts_in_past();
  if (problem === "ends_before_start") throw gigErrors.gig_ends_before_start();
  if (problem === "too_long") throw gigErrors.gig_too_long({ days: MAX_GIG_DAYS });
  if (!payWithinBounds(input.payFen, input.payUnit))
    throw gigErrors.pay_out_of_range(PAY_BOUNDS[input.payUnit]);
  // Every free text of the post, the address too: a fee hidden there is still asked of the worker.
  const screening = screenForUpfrontFees(input.title, input.description, input.requirements, input.address);
  if (!screening.ok) throw gigErrors.upfront_fee_forbidden({ terms: screening.terms.join("、") });
}

async function checkPlace(ctx: AppContext, user: SessionUser, input: PostGigInput): Promise<void> {
  const db = ctx.database.db;
  if (!(await offeredCategory(db, user.cityCode, input.categoryCode))) throw gigErrors.category_unknown();
  const division = await repo.findDivision(db, input.districtCode);
  if (!division || division.cityCode !== user.cityCode) throw gigErrors.district_unknown();
  // Staff post (代发) only into the district they serve, whoever the employer is.
  if (user.role !== "employer") assertDistrictScope(user, division.code);
  const inside = isMultiPolygon(division.boundary) && insideBoundary(input, division.boundary);
  if (!inside) throw gigErrors.location_outside_district();
}

/** A six-digit code the employer shows on site for check-in when location fails. */
function newCheckInCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, "0");
}

export async function postGig(
  ctx: AppContext,
  user: SessionUser,
  input: PostGigInput,
): Promise<GigDetailView> {
  const now = ctx.clock.now();
  checkPostRules(input, now);
  await checkPlace(ctx, user, input);
  const { employer, stationId } = await employerForPost(ctx, user, input.employerId);
  const gig = await ctx.database.db.transaction(async (tx) => {
    const row = await repo.insertGig(tx, {
      cityCode: user.cityCode,
      districtCode: input.districtCode,
      employerId: employer.id,
      postedByUserId: user.id,
      stationId,
      categoryCode: input.categoryCode,
      title: input.title.trim(),
      description: input.description,
      address: input.address.trim(),
      lat: input.lat,
      lng: input.lng,
      startsAt: new Date(input.startsAt),
      endsAt: new Date(input.endsAt),
      headcount: input.headcount,
      payFen: input.payFen,
      payUnit: input.payUnit,
      settlement: input.settlement,
      requirements: input.requirements,
      requiredSex: input.requiredSex ?? "any",
      requiredAgeBand: input.requiredAgeBand ?? "any",
      requiredEducation: input.requiredEducation ?? "any",
      checkInCode: newCheckInCode(),
      createdAt: now,
      updatedAt: now,
    });
    await recordMarketEvent(tx, {
      cityCode: row.cityCode,
      kind: "gig_posted",
      districtCode: row.districtCode,
      categoryCode: row.categoryCode,
      subjectId: row.id,
      quantity: row.headcount,
      detail: { payFen: row.payFen, payUnit: row.payUnit, byStation: stationId !== null },
      at: now,
    });
    return row;
  });
  return getGig(ctx, user, gig.id);
}

export async function loadGig(ctx: AppContext, gigId: string): Promise<repo.GigWithNames> {
  const row = await repo.findGigWithNames(ctx.database.db, gigId);
  if (!row) throw gigErrors.gig_not_found();
  return row;
}

export async function getGig(
  ctx: AppContext,
  viewer: SessionUser | null,
  gigId: string,
): Promise<GigDetailView> {
  const found = await loadGig(ctx, gigId);
  // A signed-in person reads her own city's market only.
  if (viewer && viewer.cityCode !== found.gig.cityCode) throw gigErrors.gig_not_found();
  return gigDetail(found, viewer);
}

export async function myGigs(ctx: AppContext, user: SessionUser): Promise<MyGigView[]> {
  const employer = await repo.findEmployerByOwner(ctx.database.db, user.id);
  if (!employer) throw gigErrors.employer_profile_required();
  const rows = await repo.employerGigs(ctx.database.db, employer.id);
  return rows.map((row) => ({
    ...gigDetail(row, user),
    pendingApplications: row.pendingApplications,
    pendingInvitations: row.pendingInvitations,
  }));
}

/**
 * An employer's gigs as station staff see them while the employer is on the phone (代发岗位):
 * only the gigs in the staff member's districts, with the answers each still awaits.
 */
export async function employerGigsForStaff(
  ctx: AppContext,
  staff: SessionUser,
  employerId: string,
): Promise<MyGigView[]> {
  const employer = await repo.findEmployer(ctx.database.db, employerId);
  if (!employer || employer.cityCode !== staff.cityCode) throw gigErrors.employer_not_found();
  const rows = await repo.employerGigs(ctx.database.db, employer.id);
  return rows
    .filter((row) => mayManageGig(staff, row))
    .map((row) => ({
      ...gigDetail(row, staff),
      pendingApplications: row.pendingApplications,
      pendingInvitations: row.pendingInvitations,
    }));
}

/** Cancels the gig, its live bookings (by the employer) and its pending applications, together. */
export async function cancelGig(
  ctx: AppContext,
  user: SessionUser,
  gigId: string,
  input: CancelGigInput,
): Promise<GigDetailView> {
  const found = await loadGig(ctx, gigId);
  if (!mayManageGig(user, found))
    throw ownsGig(user, found) || !isStaff(user) ? gigErrors.not_gig_owner() : commonErrors.out_of_scope();
  const now = ctx.clock.now();
  await inTransaction(ctx.database.db, async (tx) => {
    // Changing the gig's row locks it before any of its bookings (decision 0006).
    const cancelled = await repo.moveGigStatus(tx, gigId, cancellableFrom, {
      status: "cancelled",
      cancelReason: input.note ? `${input.reasonCode}: ${input.note}` : input.reasonCode,
      updatedAt: now,
    });
    if (!cancelled) throw gigErrors.gig_not_open();
    await withdrawEverything(tx, cancelled, now, input.reasonCode);
  });
  return getGig(ctx, user, gigId);
}

const cancellableFrom = gigMachine.states.filter((s) => gigMachine.can(s, "cancel"));

async function withdrawEverything(tx: Tx, gig: repo.GigRow, now: Date, reasonCode: string): Promise<void> {
  // Once someone has checked in, the work has begun: pay and hours must be settled, not voided.
  if ((await countBookingsAtWork(tx, gig.id)) > 0) throw gigErrors.gig_work_begun();
  const bookings = await cancelLiveBookingsOfGig(tx, gig.id, now, `gig_cancelled:${reasonCode}`);
  if (bookings.length > 0) await repo.releasePlaces(tx, gig.id, bookings.length, now);
  await expirePendingApplications(tx, gig.id, now);
  const base = {
    cityCode: gig.cityCode,
    districtCode: gig.districtCode,
    categoryCode: gig.categoryCode,
    at: now,
  };
  for (const booking of bookings) {
    await recordMarketEvent(tx, {
      ...base,
      kind: "booking_cancelled",
      subjectId: booking.id,
      detail: { by: "employer", reasonCode: "gig_cancelled", lateCancel: false },
    });
  }
  await recordMarketEvent(tx, {
    ...base,
    kind: "gig_cancelled",
    subjectId: gig.id,
    quantity: gig.headcount,
    detail: { reasonCode, bookingsCancelled: bookings.length },
  });
}
