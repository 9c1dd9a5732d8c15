/**
 * A printed job slip (派工单) for a worker without a smartphone: what, when, where, for whom and
 * for how much, and a QR code to the gig's page a relative can scan. Station staff print it.
 */
import { recordAudit } from "../audit/audit.service.ts";
import { gigErrors } from "../gigs/gigs.errors.ts";
import type { AppContext } from "../platform/context.ts";
import type { SessionUser } from "../platform/http/access.ts";
import { discloseToStaff } from "../privacy/disclosure.ts";
import { numberShown } from "../privacy/mask.ts";
import { privateNumberLookup } from "../privacy/private-numbers.ts";
import { workerActedFor } from "./on-behalf.ts";
import * as repo from "./stations.repository.ts";
import type { JobSlipView } from "./stations.schemas.ts";

export async function jobSlip(
  ctx: AppContext,
  staff: SessionUser,
  gigId: string,
  ip: string,
  workerId?: string,
): Promise<JobSlipView> {
  const db = ctx.database.db;
  const row = await repo.gigForSlip(db, gigId);
  if (!row || row.gig.cityCode !== staff.cityCode) throw gigErrors.gig_not_found();
  const worker = workerId ? await workerActedFor(ctx, staff, workerId) : null;
  const booking = worker ? await repo.liveBookingOf(db, gigId, worker.id) : null;
  const booked = booking !== null;
  // With private numbers on, she calls the booking's X from her own phone and reaches the employer.
  const numberOf = await privateNumberLookup(ctx, booking ? [booking.id] : []);
  const station = staff.stationId ? await repo.findStation(db, staff.stationId) : null;
  const now = ctx.clock.now();
  const { gig } = row;
  await recordAudit(db, {
    actor: staff,
    action: "station.print_slip",
    subjectType: "gig",
    subjectId: gig.id,
    detail: worker ? { workerId: worker.id, booked } : undefined,
    ip,
    at: now,
  });
  const slip: JobSlipView = {
    gigId: gig.id,
    title: gig.title,
    categoryNameZh: row.categoryNameZh,
    payFen: gig.payFen,
    payUnit: gig.payUnit,
    settlement: gig.settlement,
    startsAt: gig.startsAt.toISOString(),
    endsAt: gig.endsAt.toISOString(),
    address: gig.address,
    districtName: row.districtName,
    headcount: gig.headcount,
    openPlaces: Math.max(0, gig.headcount - gig.filledCount),
    requirements: gig.requirements,
    employerName: row.employerName,
    employerVerified: row.employerVerification === "verified",
    employerContactName: row.employerContactName,
    // The employer's full number is printed only for a worker booked on the gig, who must call.
    employerPhone: numberShown(row.employerPhone, booked, booking ? numberOf(booking.id) : undefined),
    worker: worker ? { name: worker.displayName, booked } : null,
    status: gig.status,
    url: `${ctx.config.publicUrl}/worker/gigs/${gig.id}`,
    station: station ? { name: station.name, address: station.address, phone: station.phone } : null,
    printedAt: now.toISOString(),
  };
  if (!booked) return slip;
  const disclosure = {
    staff,
    action: "station.print_slip_contact",
    subjectType: "employer",
    subjectId: gig.employerId,
    fields: ["phone"] as const,
    ip,
    at: now,
  };
  return discloseToStaff(db, disclosure, slip);
}
