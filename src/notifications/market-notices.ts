/**
 * Who is told what when a market event is recorded. `recordMarketEvent` calls this in the
 * transaction of the event, so every flow that records a fact (an invitation from an employer or a
 * station's dispatch, an answer, a cancellation, a payment ...) tells the people concerned without
 * a line of its own, and the message commits with the fact or not at all.
 */
import type { DbOrTx } from "../db/client.ts";
import type { MarketEvent } from "../market/market-events.ts";
import * as repo from "./notifications.repository.ts";
import { type Message, notify } from "./notify.ts";
import type { MessageFacts, NotificationKind } from "./templates.ts";

type Detail = Record<string, unknown>;
type Facts = NonNullable<Awaited<ReturnType<typeof repo.bookingFacts>>>;

const WORKER_WORK = "/worker/work";
const employerGig = (gigId: string) => `/employer/gigs/${gigId}`;

function shiftFacts(
  f: Pick<Facts, "gig" | "startsAt" | "address" | "bring" | "employer" | "worker">,
): MessageFacts {
  return {
    gig: f.gig,
    startsAt: f.startsAt.toISOString(),
    address: f.address,
    bring: f.bring,
    employer: f.employer,
    worker: f.worker ?? "",
  };
}

async function aboutApplication(tx: DbOrTx, event: MarketEvent, at: Date): Promise<Message | null> {
  if (!event.subjectId) return null;
  const f = await repo.applicationFacts(tx, event.subjectId);
  if (!f) return null;
  const facts = shiftFacts(f);
  const toWorker = (kind: NotificationKind): Message => ({
    userId: f.workerId,
    kind,
    facts,
    link: WORKER_WORK,
    at,
  });
  const toEmployer = (kind: NotificationKind): Message => ({
    userId: f.employerUserId,
    kind,
    facts,
    link: employerGig(f.gigId),
    at,
  });
  if (event.kind === "invitation_sent")
    return { ...toWorker("invitation_received"), link: `${WORKER_WORK}?tab=invitations` };
  if (event.kind === "application_made") return toEmployer("new_applicant");
  const outcome = (event.detail as Detail | undefined)?.outcome;
  if (outcome === "rejected") return toWorker("application_declined");
  if (outcome === "accepted")
    return f.kind === "application" ? toWorker("application_accepted") : toEmployer("worker_confirmed");
  return null;
}

async function aboutBooking(tx: DbOrTx, event: MarketEvent, at: Date): Promise<Message | null> {
  const detail = (event.detail ?? {}) as Detail;
  const bookingId = event.kind === "rating_given" ? (detail.bookingId as string) : event.subjectId;
  if (!bookingId) return null;
  const f = await repo.bookingFacts(tx, bookingId);
  if (!f) return null;
  const facts = shiftFacts(f);
  const toWorker = (kind: NotificationKind, more: MessageFacts = {}, link = WORKER_WORK): Message => ({
    userId: f.workerId,
    kind,
    facts: { ...facts, ...more },
    link,
    at,
  });
  const toEmployer = (kind: NotificationKind, more: MessageFacts = {}): Message => ({
    userId: f.employerUserId,
    kind,
    facts: { ...facts, ...more },
    link: employerGig(f.gigId),
    at,
  });
  switch (event.kind) {
    case "booking_confirmed":
      return toEmployer("worker_confirmed");
    case "booking_cancelled":
      if (detail.by === "worker") return toEmployer("worker_cancelled");
      if (detail.by !== "employer") return null;
      return toWorker(
        detail.reasonCode === "gig_cancelled" ? "gig_cancelled" : "booking_cancelled_by_employer",
      );
    case "no_show":
      // An employer who marked the no-show knows already; the sweeper's mark is news.
      return detail.by === "sweeper" ? toEmployer("worker_no_show") : null;
    case "checked_out":
      return detail.auto === true ? toWorker("forgot_check_out", {}, `/worker/shifts/${bookingId}`) : null;
    case "timesheet_approved":
      return toWorker("hours_approved", { amountFen: detail.amountDueFen as number }, "/worker/earnings");
    case "payment_recorded":
      return toWorker("payment_recorded", { amountFen: detail.amountFen as number }, "/worker/earnings");
    case "payment_disputed":
      return toEmployer("payment_disputed", { amountFen: detail.amountFen as number });
    case "rating_given": {
      const stars = detail.stars as number;
      return detail.direction === "employer_to_worker"
        ? toWorker("rating_received", { stars }, "/worker/ratings")
        : { ...toEmployer("rating_received", { stars }), link: "/employer" };
    }
    default:
      return null;
  }
}

async function aboutComplaint(tx: DbOrTx, event: MarketEvent, at: Date): Promise<Message | null> {
  if (!event.subjectId) return null;
  const f = await repo.complaintFacts(tx, event.subjectId);
  if (!f) return null;
  return {
    userId: f.complainantUserId,
    kind: "complaint_status",
    facts: { status: f.status },
    link: "/worker/complaints",
    at,
  };
}

const HANDLERS: Partial<Record<MarketEvent["kind"], typeof aboutBooking>> = {
  invitation_sent: aboutApplication,
  application_made: aboutApplication,
  application_decided: aboutApplication,
  booking_confirmed: aboutBooking,
  booking_cancelled: aboutBooking,
  no_show: aboutBooking,
  checked_out: aboutBooking,
  timesheet_approved: aboutBooking,
  payment_recorded: aboutBooking,
  payment_disputed: aboutBooking,
  rating_given: aboutBooking,
  complaint_resolved: aboutComplaint,
};

export async function notifyMarketEvent(tx: DbOrTx, event: MarketEvent): Promise<void> {
  const handler = HANDLERS[event.kind];
  if (!handler) return;
  const message = await handler(tx, event, event.at ?? new Date());
  if (message) await notify(tx, message);
}

/** A complaint taken up by staff: the complainant hears that someone is on it. */
export async function notifyComplaintStatus(tx: DbOrTx, complaintId: string, at: Date): Promise<void> {
  const message = await aboutComplaint(
    tx,
    { cityCode: "", kind: "complaint_resolved", subjectId: complaintId },
    at,
  );
  if (message) await notify(tx, message);
}
